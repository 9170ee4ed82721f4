import EventData
import Foundation
import Testing
import WeftTestSupport
@testable import Evaluation

/// Writes the standard plots for the real event 1 and a deliberately imperfect track set (losses that
/// grow at low pT, fakes made of noise, duplicates sharing hits) and a noisy hit graph, to look at
/// them: `WEFT_PLOT_DIR=/tmp/plots swift test --filter PlotGallery`.
@Suite("Plot gallery", .enabled(if: ProcessInfo.processInfo.environment["WEFT_PLOT_DIR"] != nil && RealData.available))
struct PlotGallery {
    @Test("write the plots of an imperfect reconstruction of event 1")
    func gallery() throws {
        let dir = URL(fileURLWithPath: ProcessInfo.processInfo.environment["WEFT_PLOT_DIR"]!)
        var rng = SplitMix64(seed: 2024)
        let event = try RealData.event1()
        let truth = try TruthIndex(event: event)
        var lists = [[Int32]]()
        var src = [Int32](), dst = [Int32](), scores = [Float]()
        for p in 0 ..< truth.particleCount where !truth.isNoise(p) {
            let hits = Array(truth.hits(ofParticle: p))
            let pt = truth.pT[p].isNaN ? 0.1 : truth.pT[p]
            for k in 1 ..< max(1, hits.count) {
                src.append(hits[k - 1]); dst.append(hits[k])
                scores.append(Float(min(1, max(0, 0.75 + 0.1 * log(pt) + Double.random(in: -0.3 ... 0.3, using: &rng)))))
            }
            let keep = 1 / (1 + exp(-(pt - 0.45) * 8))   // turn-on around 0.45 GeV
            if Double.random(in: 0 ..< 1, using: &rng) < keep {
                lists.append(hits)
                if Double.random(in: 0 ..< 1, using: &rng) < 0.04, hits.count >= 4 {
                    lists.append(Array(hits.suffix(hits.count * 3 / 4)))   // duplicate sharing hits
                }
            } else if hits.count >= 2 {
                lists.append(Array(hits.prefix(hits.count / 2)))           // broken track
            }
        }
        let noise = Array(truth.hits(ofParticle: Int(truth.noiseParticle))).shuffled(using: &rng)
        for i in stride(from: 0, to: noise.count - 5, by: 5) where i < 300 { lists.append(Array(noise[i ..< i + 5])) }
        for _ in 0 ..< 4000 {
            src.append(Int32.random(in: 0 ..< Int32(event.hits.count), using: &rng))
            dst.append(Int32.random(in: 0 ..< Int32(event.hits.count), using: &rng))
            scores.append(Float.random(in: 0 ... 0.8, using: &rng))
        }
        let config = try EvaluationConfig()
        var report = try Evaluator(config: config).evaluate(event: event, truth: truth, tracks: Tracks(hitLists: lists),
                                                            secondsPerEvent: 0.8)
        report.edges = try EdgeMetrics(source: src, target: dst, scores: scores, cut: 0.5, truth: truth,
                                       hits: event.hits, definition: .consecutiveHits, config: config)
        try PlotWriter(directory: dir).write(report: report)
        let pngs = try PlotRunner().run(inputDirectory: dir)
        print(report.formattedSummary())
        print(pngs.map(\.path).joined(separator: "\n"))
        #expect(pngs.count == 6)
    }
}
