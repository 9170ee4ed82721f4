import ArgumentParser
import Foundation
import GeometryShim
import Weft

/// A reconstruction method the CLI's study commands (`demo`, `scan`, `bench`) can run, and how.
///
/// One place lists the methods: a new method is a new case here plus its branch in
/// ``prepare(detector:detectorName:)``; the commands take their method lists from ``available``.
enum ReconstructionMethodRunner: String, CaseIterable {
    case ckf
    case gnn
    /// The GNN chain with its low-pT pass.
    case gnnLowPt = "gnn-lowpt"

    /// The methods built into this binary.
    static var available: [ReconstructionMethodRunner] { allCases }

    /// Methods that are known but not built yet, with the reason given to a user who asks for one.
    static let notBuilt: [String: String] = [:]

    /// The names of ``available``, comma-separated (for help texts and errors).
    static var availableList: String { available.map(\.rawValue).joined(separator: ", ") }

    /// Parses a comma-separated method list; unknown and unbuilt methods get a clear message.
    static func parseList(_ text: String) throws -> [ReconstructionMethodRunner] {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw ValidationError("the method list is empty (available: \(availableList))") }
        var methods: [ReconstructionMethodRunner] = []
        for name in names {
            if let m = ReconstructionMethodRunner(rawValue: name.lowercased()) {
                if !methods.contains(m) { methods.append(m) }
            } else if let why = notBuilt[name.lowercased()] {
                throw ValidationError("method '\(name)' is not built: \(why) (available: \(availableList))")
            } else {
                throw ValidationError("unknown method '\(name)' (available: \(availableList))")
            }
        }
        return methods
    }

    /// The name shown in tables.
    var label: String {
        switch self {
        case .ckf: return "CKF"
        case .gnn: return "GNN"
        case .gnnLowPt: return "GNN+low-pT"
        }
    }

    /// Builds the method's immutable chain for `detector` (loaded from `detectorName`) once, for many events.
    func prepare(detector: Detector, detectorName: String) throws -> PreparedMethod {
        switch self {
        case .ckf:
            let chain = try CKFChain(detector: detector, config: CKFChainConfig.load(detector: detectorName))
            return PreparedMethod(method: self) { event, threads in
                let result = try chain.run(hits: event.hits, threads: threads)
                return MethodRun(tracks: result.tracks.tracks, stages: result.timings,
                                 seeds: result.seedsPerPass.reduce(0, +), candidates: result.candidates)
            }
        case .gnn, .gnnLowPt:
            // Default files: Seeds/<detector>/module-map.h5 and Scoring/<detector>/model.h5, and for
            // the low-pT pass Seeds/<detector>/module-map-lowpt.h5 and Scoring/<detector>/model-lowpt.h5
            // (a clear error names a missing one).
            let chain = try GNNChain(detector: detector, detectorName: detectorName, config: GNNChainConfig(lowPtPass: self == .gnnLowPt))
            let scratch = GNNChainScratch()
            return PreparedMethod(method: self) { event, threads in
                // The GNN stages run on the shim's thread pool; `threads` caps it.
                _ = weft_shim_set_max_threads(Int32(threads))
                let result = try chain.run(hits: event.hits, cells: event.cells, scratch: scratch)
                return MethodRun(tracks: result.tracks, stages: result.timings,
                                 graphNodes: result.graph.nodes, graphEdges: result.graph.edges)
            }
        }
    }

    /// Reconstructs `event` and returns its tracks with per-stage timing (builds the chain for this call).
    func reconstruct(event: Event, detector: Detector, detectorName: String, threads: Int) throws -> MethodRun {
        try prepare(detector: detector, detectorName: detectorName).reconstruct(event, threads: threads)
    }
}

/// A method with its chain built: reconstructs one event per call.
struct PreparedMethod {
    let method: ReconstructionMethodRunner
    let reconstruct: (Event, Int) throws -> MethodRun

    init(method: ReconstructionMethodRunner, reconstruct: @escaping (Event, Int) throws -> MethodRun) {
        self.method = method
        self.reconstruct = reconstruct
    }

    /// Reconstructs `event` with `threads` worker threads.
    func reconstruct(_ event: Event, threads: Int) throws -> MethodRun { try reconstruct(event, threads) }
}

/// The tracks of one method on one event, the time each stage took and the method's size counters.
struct MethodRun {
    var tracks: Tracks
    var stages: [StageTiming]
    /// Seeds (CKF: all passes), when the method seeds.
    var seeds: Int? = nil
    /// Track candidates before ambiguity resolution, when the method has them.
    var candidates: Int? = nil
    /// Graph nodes and edges, when the method builds a hit graph.
    var graphNodes: Int? = nil
    var graphEdges: Int? = nil

    var totalSeconds: Double { stages.reduce(0) { $0 + $1.seconds } }
}
