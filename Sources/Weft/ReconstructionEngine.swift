import Dispatch
import Foundation
import KalmanFinding

/// A configured track-finding engine: the detector and the prepared chain of the chosen method.
///
/// Both front doors use it: the C API (`weft_engine_create` / `weft_reconstruct`) and the CLI.
/// Immutable after creation and `Sendable`: one engine may reconstruct any number of events on any
/// number of threads at once; every call has its own working memory (the GNN's is pooled and reused
/// across calls). Results are identical whatever `threads` is and whatever other threads do.
public struct ReconstructionEngine: Sendable {
    /// The effective configuration: `threads` resolved to a number ≥ 1, the chosen method's
    /// settings complete (CKF cut sets read, GNN file paths resolved).
    public let config: ReconstructionConfig
    /// The detector every hit must lie on.
    public let detector: Detector
    /// The prepared chain.
    let chain: Chain

    /// The prepared chain of each method.
    enum Chain: Sendable {
        case ckf(CKFChain)
        case gnn(GNNChain, ScratchPool<GNNChainScratch>)
    }

    /// The methods this build contains.
    public static let builtMethods: [ReconstructionMethod] = [.ckf, .gnn]

    /// Loads the detector named by `config` and prepares the chain.
    ///
    /// - Throws: ``ReconstructionError`` (threads out of range), ``DetectorError`` (the detector
    ///   cannot be loaded), and the chain's configuration errors (``CKFChainError``, ``GNNChainError``,
    ///   the stages' `invalidConfig` errors).
    public init(config: ReconstructionConfig) throws {
        try self.init(config: config, detector: try Detector.load(config.detector))
    }

    /// Prepares the chain for an already loaded detector; `config.detector` names it for the
    /// detector's default files under `Seeds/` and `Scoring/`.
    public init(config: ReconstructionConfig, detector: Detector) throws {
        var effective = config
        guard (0 ... ReconstructionConfig.maximumThreads).contains(config.threads) else {
            throw ReconstructionError.invalidConfig(
                field: "threads", reason: "\(config.threads) must be 0 (one per core) or 1…\(ReconstructionConfig.maximumThreads)")
        }
        if effective.threads == 0 { effective.threads = max(1, ProcessInfo.processInfo.activeProcessorCount) }
        switch config.method {
        case .ckf:
            let resolved = try config.ckf.resolved(detector: config.detector)
            effective.ckf = ReconstructionConfig.CKFSettings(resolved)
            chain = .ckf(try CKFChain(detector: detector, config: resolved))
        case .gnn:
            effective.gnn.moduleMap = config.gnn.moduleMapPath(detector: config.detector)
            effective.gnn.model = config.gnn.modelPath(detector: config.detector)
            let gnn = try GNNChain(detector: detector, detectorName: config.detector, config: effective.gnn)
            effective.gnn.lowPtPass = gnn.lowPtPass != nil
            effective.gnn.rescoring = config.gnn.rescoring ?? true
            if gnn.lowPtPass != nil {
                effective.gnn.lowPtModuleMap = config.gnn.lowPtModuleMapPath(detector: config.detector)
                effective.gnn.lowPtModel = config.gnn.lowPtModelPath(detector: config.detector)
            }
            chain = .gnn(gnn, ScratchPool { GNNChainScratch() })
        }
        self.config = effective
        self.detector = detector
    }

    /// Finds the tracks of one event.
    ///
    /// Every hit is checked first (finite coordinates, a module of ``detector``; cells: a valid hit
    /// row and a finite value), so no stage sees bad data. An event without hits has no tracks.
    ///
    /// - Parameter cells: the hits' read-out cells. The CKF does not use them (they are checked all
    ///   the same); a GNN model with cell features needs them.
    /// - Throws: ``ReconstructionError`` for bad hits or cells or missing cells, and the chain's
    ///   errors (for example a hit far off its module).
    public func reconstruct(hits: Hits, cells: Cells? = nil) throws -> ReconstructionResult {
        let start = DispatchTime.now().uptimeNanoseconds
        try ReconstructionInputCheck.check(hits: hits, cells: cells, detector: detector)
        let check = StageTiming(stage: "input check", seconds: Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
        switch chain {
        case .ckf(let ckf):
            guard !hits.isEmpty else { return ReconstructionResult(tracks: CKFResult().tracks, stages: [check]) }
            let result = try ckf.run(hits: hits, threads: config.threads)
            return ReconstructionResult(tracks: result.tracks.tracks, stages: [check] + result.timings, ckf: result)
        case .gnn(let gnn, let scratches):
            let graphs = [gnn.graphBuilder.config] + (gnn.lowPtPass.map { [$0.graphBuilder.config] } ?? [])
            if cells == nil, let graph = graphs.first(where: \.needsCells) {
                throw ReconstructionError.cellsRequired(features: graph.nodeFeatures.filter(\.needsCells).map(\.rawValue))
            }
            guard !hits.isEmpty else { return ReconstructionResult(tracks: Tracks(), stages: [check]) }
            let result = try scratches.withScratch { try gnn.run(hits: hits, cells: cells, scratch: $0) }
            return ReconstructionResult(tracks: result.tracks, stages: [check] + result.timings, gnn: result)
        }
    }
}
