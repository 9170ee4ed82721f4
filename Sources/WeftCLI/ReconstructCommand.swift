import ArgumentParser
import Dispatch
import Foundation
import Weft

/// `weft reconstruct`: finds the tracks of one event with the chosen method and reports per-stage
/// times and, when the event has truth, the evaluator's metrics.
struct ReconstructCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconstruct",
        abstract: "Find the tracks of an event (CKF: triplet seeding, combinatorial Kalman filter, ambiguity resolution).",
        discussion: """
        The event is a TrackML path prefix (--event dir/event000001000 reads dir/event000001000-hits.csv[.gz] \
        and, when present, -particles and -truth) or an HDF5 event store (--input FILE.h5, with --event-id \
        when it holds several events). Every hit must lie on a module of --detector: use the real geometry \
        (--detector ../shared/data/trackml/detectors.csv.gz) for real TrackML events.

        --method ckf runs the seeding passes of Seeds/<detector>/seeding.json and the CKF and ambiguity \
        settings of Seeds/<detector>/ckf.json, from the working directory or else the source package \
        (a detectors.csv file uses Seeds/trackml; a description directory its own name). Only trackml \
        falls back to the built-in defaults when its files are absent; any other detector without them \
        is an error naming the missing file. Seeds/trackml/README.md documents every field. --output writes a TrackML submission \
        (event_id,hit_id,track_id; hits in no track get track_id 0). --json prints per-stage wall times, \
        seed and track counts and, when the event has truth, the evaluation report (efficiency, fake and \
        duplicate rates, TrackML score with the truth file's weights, or recomputed ones when it has none). \
        Results are identical for every --threads value.
        """
    )

    /// The track-finding methods; `gnn` joins when the GNN path lands.
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
        if method == .gnn {
            throw ValidationError("--method gnn is not available in this build yet; use --method ckf")
        }
    }

    /// The JSON report.
    struct Report: Encodable {
        var method: String
        var detector: String
        var eventID: Int64
        var hits: Int
        var threads: Int
        var seedsPerPass: [Int]
        var candidates: Int
        var tracks: Int
        var loadSeconds: Double
        var stages: [StageTiming]
        var totalSeconds: Double
        var evaluation: EvaluationReport?
        var machine: MachineInfo

        enum CodingKeys: String, CodingKey {
            case method, detector, eventID = "event_id", hits, threads, seedsPerPass = "seeds_per_pass", candidates, tracks
            case loadSeconds = "load_seconds", stages, totalSeconds = "total_seconds", evaluation, machine
        }
    }

    func run() throws {
        let geometry = try Detector.load(detector)
        // The cut sets follow the detector argument (a TrackML detectors.csv takes trackml's); read
        // before the event, so that a missing cut set fails fast.
        let config = try CKFChainConfig.load(detector: detector, seedingFile: seedingConfig, findingFile: ckfConfig)
        let source = event.map { EventSource.trackML(prefix: $0) } ?? EventSource(input!, eventID: eventID)
        let loadStart = DispatchTime.now().uptimeNanoseconds
        let loaded = try source.load(parts: [.particles, .truth], detector: geometry)
        let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) * 1e-9
        let chain = try CKFChain(detector: geometry, config: config)
        let result = try chain.run(hits: loaded.hits, threads: threads)
        let tracks = result.tracks.tracks
        if let path = output {
            try Submission(tracks: tracks, hits: loaded.hits, eventID: loaded.eventID).write(to: path)
        }
        var evaluation: EvaluationReport? = nil
        if loaded.truth != nil {
            evaluation = try Evaluator().evaluate(event: loaded, tracks: tracks, secondsPerEvent: result.totalSeconds)
        }
        if json {
            try printJSON(Report(method: method.rawValue, detector: geometry.name, eventID: loaded.eventID,
                                 hits: loaded.hits.count, threads: threads, seedsPerPass: result.seedsPerPass,
                                 candidates: result.candidates, tracks: tracks.count, loadSeconds: loadSeconds,
                                 stages: result.timings, totalSeconds: result.totalSeconds, evaluation: evaluation,
                                 machine: MachineInfo.current()))
            return
        }
        print("event \(loaded.eventID): \(loaded.hits.count) hits, detector \(geometry.name), method \(method.rawValue), \(threads) thread(s)")
        for t in result.timings { print(String(format: "  %-16@ %8.3f s", t.stage as NSString, t.seconds)) }
        print(String(format: "  %-16@ %8.3f s", "total" as NSString, result.totalSeconds))
        print("  seeds per pass   \(result.seedsPerPass.map(String.init).joined(separator: " + "))")
        print("  candidates       \(result.candidates)")
        print("  tracks           \(tracks.count)")
        if let e = evaluation { print(e.formattedSummary(), terminator: "") }
        if let path = output { print("submission written to \(path)") }
    }
}
