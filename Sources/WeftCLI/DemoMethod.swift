import Dispatch
import Weft

/// A reconstruction method the demo can run, and how it runs it.
enum DemoMethod: String, CaseIterable {
    case ckf

    /// The methods built into this binary.
    static var available: [DemoMethod] { allCases }

    /// The name shown in tables.
    var label: String {
        switch self {
        case .ckf: return "CKF"
        }
    }

    /// Reconstructs `event` and returns its tracks with per-stage timing.
    func reconstruct(event: Event, detector: Detector, detectorName: String, threads: Int) throws -> DemoRun {
        switch self {
        case .ckf:
            let chain = try CKFChain(detector: detector, config: CKFChainConfig.load(detector: detectorName))
            let result = try chain.run(hits: event.hits, threads: threads)
            return DemoRun(tracks: result.tracks.tracks, stages: result.timings)
        }
    }
}

/// The tracks of one method and the time each stage took.
struct DemoRun {
    var tracks: Tracks
    var stages: [StageTiming]
    var totalSeconds: Double { stages.reduce(0) { $0 + $1.seconds } }
}

/// One method's run and its evaluation.
struct DemoResult {
    var method: DemoMethod
    var run: DemoRun
    var report: EvaluationReport
}
