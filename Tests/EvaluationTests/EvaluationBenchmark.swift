import EventData
import Foundation
import Testing
import WeftTestSupport
@testable import Evaluation

/// Timing of a full evaluation of a μ = 200-sized synthetic event (≈ 110k hits, ≈ 12k tracks).
///
/// Not a pass/fail timing assertion (DESIGN §9): it runs only with `WEFT_BENCH=1` and prints the median
/// of 7 runs. Measure in release:
/// `WEFT_BENCH=1 swift test -c release --filter EvaluationBenchmark`.
@Suite("Evaluation benchmark", .serialized, .enabled(if: ProcessInfo.processInfo.environment["WEFT_BENCH"] == "1"))
struct EvaluationBenchmark {
    static func event(seed: UInt64) -> (Event, Tracks) {
        var rng = SplitMix64(seed: seed)
        var b = EventBuilder()
        var lists = [[Int32]]()
        b.hits.reserveCapacity(112_000); b.truth.reserveCapacity(112_000)
        var id: UInt64 = 1
        while b.hits.count < 97_000 {
            let n = Int.random(in: 3 ... 18, using: &rng)
            let pt = 0.1 / Double.random(in: 0.02 ... 1, using: &rng)
            lists.append(b.particle(id, hits: n, pT: pt, eta: Double.random(in: -4 ... 4, using: &rng),
                                    phi: Double.random(in: -3.14 ... 3.14, using: &rng),
                                    vz: Float.random(in: -100 ... 100, using: &rng),
                                    volume: [7, 8, 9, 12, 13, 14, 16, 17, 18].randomElement(using: &rng)!))
            id += UInt64.random(in: 1 ... 1_000_000, using: &rng)
        }
        let noise = b.noise(13_000)
        // Tracks: perfect, or missing hits, or with a stranger's hit; then fakes made of noise.
        var spare = noise.shuffled(using: &rng)
        for t in lists.indices {
            switch Int.random(in: 0 ..< 10, using: &rng) {
            case 0: lists[t].removeLast(lists[t].count / 2)
            case 1: if let h = spare.popLast() { lists[t].append(h) }
            default: break
            }
        }
        while lists.count < 12_000, spare.count >= 3 {
            lists.append(Array(spare.suffix(3))); spare.removeLast(3)
        }
        return (b.event(), Tracks(hitLists: lists))
    }

    @Test("evaluate a μ = 200-sized event (prints the median wall time)", arguments: WeightChoice.allCases)
    func evaluateMu200(weights: WeightChoice) throws {
        let (event, tracks) = Self.event(seed: 200)
        let evaluator = Evaluator(config: try EvaluationConfig(weights: weights))
        var times = [Double](), indexTimes = [Double]()
        var report: EvaluationReport? = nil
        for _ in 0 ..< 7 {
            let start = DispatchTime.now().uptimeNanoseconds
            let truth = try TruthIndex(event: event)
            let mid = DispatchTime.now().uptimeNanoseconds
            report = try evaluator.evaluate(event: event, truth: truth, tracks: tracks)
            let end = DispatchTime.now().uptimeNanoseconds
            times.append(Double(end - start) * 1e-6)
            indexTimes.append(Double(mid - start) * 1e-6)
        }
        times.sort(); indexTimes.sort()
        let r = try #require(report)
        print("""
            EvaluationBenchmark (weights \(weights.rawValue)): \(event.hits.count) hits, \(r.particleCount) particles, \(r.trackCount) tracks: \
            median \(String(format: "%.1f", times[3])) ms per evaluation (truth index \
            \(String(format: "%.1f", indexTimes[3])) ms), min \(String(format: "%.1f", times[0])) ms, \
            score \(String(format: "%.4f", r.trackmlScore ?? -1)), efficiency \(String(format: "%.4f", r.efficiency ?? -1))
            """)
        #expect(r.trackCount == 12_000)
    }
}
