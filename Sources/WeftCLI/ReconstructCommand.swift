import ArgumentParser
import Dispatch
import Foundation
import GeometryShim
import HitGraph
import TrackBuilding
import Weft

/// `weft reconstruct`: finds the tracks of one event with the chosen method and reports per-stage
/// times and, when the event has truth, the evaluator's metrics.
struct ReconstructCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconstruct",
        abstract: "Find the tracks of an event (CKF: seeding, Kalman filter, ambiguity resolution; GNN: graph, edge scores, track building).",
        discussion: """
        The event is a TrackML path prefix (--event dir/event000001000 reads dir/event000001000-hits.csv[.gz] \
        and, when present, -particles and -truth) or an HDF5 event store (--input FILE.h5, with --event-id \
        when it holds several events). Every hit must lie on a module of --detector: use the real geometry \
        (--detector ../shared/data/trackml/detectors.csv.gz) for real TrackML events.

        --method ckf runs the seeding passes of Seeds/<detector>/seeding.json and the CKF and ambiguity \
        settings of Seeds/<detector>/ckf.json, from the working directory or else the source package \
        (a detectors.csv file uses Seeds/trackml; a description directory its own name). Only trackml \
        falls back to the built-in defaults when its files are absent; any other detector without them \
        is an error naming the missing file. Seeds/trackml/README.md documents every field.

        --method gnn builds the hit graph from the module map (default Seeds/<detector>/module-map.h5), \
        scores its edges with the Interaction Network (default Scoring/<detector>/model.h5; its model card \
        is MODEL.md beside it) and builds tracks from the edges above the score cut; --score-cut, \
        --min-hits and --min-pt override the model's own track-building settings. The low-pT pass then does \
        the same over the hits no track holds, with a map learned down to 0.2 GeV and its own model \
        (Seeds/<detector>/module-map-lowpt.h5, Scoring/<detector>/model-lowpt.h5) when --low-pt-pass, \
        --low-pt-module-map or --low-pt-model is given.

        --output writes a TrackML submission \
        (event_id,hit_id,track_id; hits in no track get track_id 0). --json prints per-stage wall times, \
        seed, graph and track counts and, when the event has truth, the evaluation report (efficiency, fake \
        and duplicate rates, TrackML score with the truth file's weights, or recomputed ones when it has \
        none; for the GNN also the edge efficiency and purity at the cut). Results are identical for \
        every --threads value.
        """
    )

    /// The track-finding methods.
    enum Method: String, ExpressibleByArgument, CaseIterable {
        case ckf
        case gnn
    }

    @Option(help: "Track-finding method: \(Method.allCases.map(\.rawValue).joined(separator: " | ")).")
    var method: Method = .ckf

    @Option(help: "TrackML path prefix of the event (dir/event000001000).")
    var event: String?

    @Option(help: "HDF5 event store holding the event.")
    var input: String?

    @Option(help: "Event id inside the HDF5 store (default: the only one).")
    var eventID: Int64?

    @Option(help: "Detector: an embedded name (default trackml), a description directory or a detectors.csv[.gz] file.")
    var detector: String = "trackml"

    @Option(help: "Seeding passes JSON (default Seeds/<detector>/seeding.json; built-in only for trackml).")
    var seedingConfig: String?

    @Option(help: "CKF and ambiguity-resolution JSON (default Seeds/<detector>/ckf.json; built-in only for trackml).")
    var ckfConfig: String?

    @Option(help: "GNN: module map HDF5 (default Seeds/<detector>/module-map.h5).")
    var moduleMap: String?

    @Option(help: "GNN: trained model HDF5 (default Scoring/<detector>/model.h5).")
    var model: String?

    @Option(help: "GNN: edge-score cut in [0, 1] (default: the model's).")
    var scoreCut: Float?

    @Option(help: "GNN: shortest track kept, in hits (default: the model's).")
    var minHits: Int?

    @Option(help: "GNN: lowest estimated track pT kept, GeV; 0 keeps all (default: the model's).")
    var minPt: Float?

    @Flag(help: "GNN: also run the low-pT pass over the hits the first pass leaves.")
    var lowPtPass = false

    @Option(help: "GNN: low-pT pass module map (default Seeds/<detector>/module-map-lowpt.h5); implies --low-pt-pass.")
    var lowPtModuleMap: String?

    @Option(help: "GNN: low-pT pass model (default Scoring/<detector>/model-lowpt.h5); implies --low-pt-pass.")
    var lowPtModel: String?

    @Flag(help: "GNN: score each graph once, without the models' pruning and leftover rounds (for comparisons).")
    var noRescoring = false

    @Option(help: "Write the tracks as a TrackML submission CSV (plain or .gz).")
    var output: String?

    @Flag(help: "Print a JSON report instead of a summary.")
    var json = false

    @Option(help: "Worker threads (results do not depend on it).")
    var threads: Int = 1

    func validate() throws {
        guard (event == nil) != (input == nil) else {
            throw ValidationError("give exactly one of --event PREFIX or --input FILE.h5")
        }
        if eventID != nil && input == nil { throw ValidationError("--event-id needs --input FILE.h5") }
        guard threads >= 1 else { throw ValidationError("--threads must be ≥ 1") }
        let gnnOnly = [("--module-map", moduleMap != nil), ("--model", model != nil), ("--score-cut", scoreCut != nil),
                       ("--min-hits", minHits != nil), ("--min-pt", minPt != nil), ("--low-pt-pass", lowPtPass),
                       ("--low-pt-module-map", lowPtModuleMap != nil), ("--low-pt-model", lowPtModel != nil),
                       ("--no-rescoring", noRescoring)]
        let ckfOnly = [("--seeding-config", seedingConfig != nil), ("--ckf-config", ckfConfig != nil)]
        for (name, given) in method == .ckf ? gnnOnly : ckfOnly where given {
            throw ValidationError("\(name) does not apply to --method \(method.rawValue)")
        }
    }

    /// The JSON report.
    struct Report: Encodable {
        var method: String
        var detector: String
        var eventID: Int64
        var hits: Int
        var threads: Int
        var seedsPerPass: [Int]?
        var candidates: Int?
        var graph: GraphStatistics?
        var trackBuilding: TrackBuildingStatistics?
        var scoreCut: Float?
        var rescoring: RescoringSummary?
        var lowPtPass: GNNPassSummary?
        var edges: EdgeMetrics?
        var tracks: Int
        var loadSeconds: Double
        var stages: [StageTiming]
        var totalSeconds: Double
        var evaluation: EvaluationReport?
        var machine: MachineInfo

        enum CodingKeys: String, CodingKey {
            case method, detector, eventID = "event_id", hits, threads, seedsPerPass = "seeds_per_pass", candidates
            case graph, trackBuilding = "track_building", scoreCut = "score_cut", rescoring, lowPtPass = "low_pt_pass", edges, tracks
            case loadSeconds = "load_seconds", stages, totalSeconds = "total_seconds", evaluation, machine
        }
    }

    /// One method's output on the event, in the form the report needs.
    private struct Outcome {
        var tracks: Tracks
        var timings: [StageTiming]
        var seedsPerPass: [Int]? = nil
        var candidates: Int? = nil
        var gnn: GNNChainResult? = nil

        var totalSeconds: Double { timings.reduce(0) { $0 + $1.seconds } }
    }

    func run() throws {
        let geometry = try Detector.load(detector)
        // The chain (cut sets, module map, model) is prepared before the event is read, so that a
        // missing or bad file fails fast.
        let reconstruct = try prepare(geometry)
        let source = event.map { EventSource.trackML(prefix: $0) } ?? EventSource(input!, eventID: eventID)
        let loadStart = DispatchTime.now().uptimeNanoseconds
        // Cells are read when present: a GNN model with cluster-shape features needs them.
        let loaded = try source.load(parts: method == .gnn ? .all : [.particles, .truth], detector: geometry)
        let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) * 1e-9
        let outcome = try reconstruct(loaded)
        let tracks = outcome.tracks
        if let path = output {
            try Submission(tracks: tracks, hits: loaded.hits, eventID: loaded.eventID).write(to: path)
        }
        var evaluation: EvaluationReport? = nil
        var edges: EdgeMetrics? = nil
        if loaded.truth != nil {
            let truth = try TruthIndex(event: loaded)
            evaluation = try Evaluator().evaluate(event: loaded, truth: truth, tracks: tracks, secondsPerEvent: outcome.totalSeconds)
            if let g = outcome.gnn {
                edges = try EdgeMetrics(source: g.source, target: g.target, scores: g.scores, cut: g.scoreCut, truth: truth,
                                        hits: loaded.hits, config: EvaluationConfig())
            }
        }
        if json {
            try printJSON(Report(method: method.rawValue, detector: geometry.name, eventID: loaded.eventID,
                                 hits: loaded.hits.count, threads: threads, seedsPerPass: outcome.seedsPerPass,
                                 candidates: outcome.candidates, graph: outcome.gnn?.graph, trackBuilding: outcome.gnn?.building,
                                 scoreCut: outcome.gnn?.scoreCut, rescoring: outcome.gnn?.rescoring, lowPtPass: outcome.gnn?.lowPtPass, edges: edges, tracks: tracks.count, loadSeconds: loadSeconds,
                                 stages: outcome.timings, totalSeconds: outcome.totalSeconds, evaluation: evaluation,
                                 machine: MachineInfo.current()))
            return
        }
        print("event \(loaded.eventID): \(loaded.hits.count) hits, detector \(geometry.name), method \(method.rawValue), \(threads) thread(s)")
        // Stage names as long as `merge and end refinement` get their full width.
        let width = max(18, outcome.timings.map(\.stage.count).max() ?? 0)
        func line(_ label: String, _ seconds: Double) {
            print("  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + String(format: " %8.3f s", seconds))
        }
        for t in outcome.timings { line(t.stage, t.seconds) }
        line("total", outcome.totalSeconds)
        if let seeds = outcome.seedsPerPass { print("  seeds per pass     \(seeds.map(String.init).joined(separator: " + "))") }
        if let c = outcome.candidates { print("  candidates         \(c)") }
        if let g = outcome.gnn {
            print("  graph              \(g.graph.nodes) nodes, \(g.graph.edges) edges (\(g.graph.doublets) doublets)")
            if let r = g.rescoring { print("  rescored edges     \(r.keptEdges)" + Self.leftover(r)) }
            print("  edges above cut    \(g.building.keptEdges) (cut \(g.scoreCut))")
            if let p = g.lowPtPass {
                print("  low-pT pass        \(p.hits) hits left, \(p.graph.edges) edges, \(p.rescoring.map { "\($0.keptEdges) rescored, " } ?? "")"
                      + "\(p.building.keptEdges) above cut, \(p.building.tracks) tracks" + (p.rescoring.map(Self.leftover) ?? ""))
            }
        }
        if let e = edges {
            print(String(format: "  edge efficiency    %.4f (pT > 1 GeV particles), purity %.4f", e.selectedEfficiency.value ?? .nan, e.purity.value ?? .nan))
        }
        print("  tracks             \(tracks.count)")
        if let e = evaluation { print(e.formattedSummary(), terminator: "") }
        if let path = output { print("submission written to \(path)") }
    }

    /// The leftover rounds of a rescoring summary, for the text report.
    private static func leftover(_ r: RescoringSummary) -> String {
        r.leftoverTracks.isEmpty ? "" : "; leftover rounds " + zip(r.leftoverEdges, r.leftoverTracks).map { "\($0) edges → \($1) tracks" }.joined(separator: ", ")
    }

    /// The chosen method's chain, ready to reconstruct the event.
    private func prepare(_ geometry: Detector) throws -> (Event) throws -> Outcome {
        switch method {
        case .ckf:
            // The cut sets follow the detector argument (a TrackML detectors.csv takes trackml's).
            let config = try CKFChainConfig.load(detector: detector, seedingFile: seedingConfig, findingFile: ckfConfig)
            let chain = try CKFChain(detector: geometry, config: config)
            return { loaded in
                let result = try chain.run(hits: loaded.hits, threads: threads)
                return Outcome(tracks: result.tracks.tracks, timings: result.timings, seedsPerPass: result.seedsPerPass,
                               candidates: result.candidates)
            }
        case .gnn:
            // The GNN stages run on the shim's thread pool; --threads caps it.
            _ = weft_shim_set_max_threads(Int32(threads))
            let overrides = GNNChainConfig(moduleMap: moduleMap, model: model, scoreCut: scoreCut, minHits: minHits, minPt: minPt,
                                           lowPtPass: lowPtPass || lowPtModuleMap != nil || lowPtModel != nil, lowPtModuleMap: lowPtModuleMap, lowPtModel: lowPtModel,
                                           rescoring: noRescoring ? false : nil)
            let chain = try GNNChain(detector: geometry, detectorName: detector, config: overrides)
            return { loaded in
                let result = try chain.run(hits: loaded.hits, cells: loaded.cells)
                return Outcome(tracks: result.tracks, timings: result.timings, gnn: result)
            }
        }
    }
}
