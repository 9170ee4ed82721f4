import EventData
import Testing
@testable import Evaluation

@Suite("Hit-graph edge metrics")
struct EdgeMetricsTests {
    static func sample() throws -> (Event, TruthIndex, a: [Int32], b: [Int32], n: [Int32]) {
        var builder = EventBuilder()
        let a = builder.particle(1, hits: 5, pT: 2, eta: 0.5)
        let b = builder.particle(2, hits: 4, pT: 0.7, eta: -1)
        let n = builder.noise(2)
        let event = builder.event()
        return (event, try TruthIndex(event: event), a, b, n)
    }

    @Test("consecutive-hit truth: efficiency counts distinct true pairs, purity every kept edge")
    func consecutiveHits() throws {
        let (event, truth, a, b, n) = try Self.sample()
        let edges: [(Int32, Int32, Float)] = [
            (a[0], a[1], 0.9),   // true
            (a[2], a[1], 0.8),   // true, reversed
            (a[1], a[2], 0.7),   // true again (same pair)
            (a[0], a[2], 0.95),  // skips a hit: false
            (b[0], b[1], 0.2),   // true but cut
            (b[1], b[2], 0.6),   // true
            (a[4], n[0], 0.9),   // particle–noise: false
            (n[0], n[1], 0.9),   // noise–noise: false
            (b[3], a[3], 0.9),   // two particles: false
        ]
        let config = try EvaluationConfig()
        let m = try EdgeMetrics(source: edges.map { $0.0 }, target: edges.map { $0.1 }, scores: edges.map { $0.2 },
                                cut: 0.5, truth: truth, hits: event.hits, config: config)
        #expect(m.edgeCount == 9 && m.keptCount == 8)
        #expect(m.trueEdgeCount == 7)
        #expect(m.efficiency.passed == 3 && m.efficiency.total == 7)
        #expect(m.purity.passed == 4 && m.purity.total == 8)
        #expect(m.selectedEfficiency.passed == 2 && m.selectedEfficiency.total == 4)   // particle 1 only
        func bin(_ t: RateTable, _ x: Double) -> RateBin { t.bins.first { $0.low <= x && x < $0.high }! }
        #expect(bin(m.efficiencyVsPt, 2).passed == 2 && bin(m.efficiencyVsPt, 2).total == 4)
        #expect(bin(m.efficiencyVsPt, 0.7).passed == 1 && bin(m.efficiencyVsPt, 0.7).total == 3)
        #expect(bin(m.purityVsPt, 2).passed == 3 && bin(m.purityVsPt, 2).total == 5)
        #expect(bin(m.purityVsPt, 0.7).passed == 1 && bin(m.purityVsPt, 0.7).total == 2)

        // Without a cut (or without scores) every edge is kept.
        let all = try EdgeMetrics(source: edges.map { $0.0 }, target: edges.map { $0.1 }, scores: edges.map { $0.2 },
                                  truth: truth, hits: event.hits, config: config)
        let noScores = try EdgeMetrics(source: edges.map { $0.0 }, target: edges.map { $0.1 },
                                       truth: truth, hits: event.hits, config: config)
        #expect(all == noScores)
        #expect(all.keptCount == 9 && all.efficiency.passed == 4 && all.purity.passed == 5 && all.scoreCut == nil)
    }

    @Test("consecutive-layer truth: a module-overlap double hit forms one station")
    func consecutiveLayers() throws {
        var builder = EventBuilder()
        let c = builder.particle(3, hits: 5, pT: 4)
        var event = builder.event()
        event.hits.geometryID[Int(c[2])] = event.hits.geometryID[Int(c[1])]   // c1, c2 on one layer
        let truth = try TruthIndex(event: event)
        let config = try EvaluationConfig()
        let src: [Int32] = [c[0], c[0], c[1], c[1], c[3]]
        let dst: [Int32] = [c[1], c[2], c[2], c[3], c[4]]
        let layers = try EdgeMetrics(source: src, target: dst, truth: truth, hits: event.hits,
                                     definition: .consecutiveLayers, config: config)
        // Stations {c0} {c1 c2} {c3} {c4}: 2 + 2 + 1 = 5 true pairs; c1–c2 is within a station.
        #expect(layers.trueEdgeCount == 5)
        #expect(layers.efficiency.passed == 4 && layers.purity.passed == 4)
        let hitsOrder = try EdgeMetrics(source: src, target: dst, truth: truth, hits: event.hits,
                                        definition: .consecutiveHits, config: config)
        // Hit order c0 c1 c2 c3 c4: 4 true pairs; c0–c2 and c1–c3 skip a hit.
        #expect(hitsOrder.trueEdgeCount == 4)
        #expect(hitsOrder.efficiency.passed == 3 && hitsOrder.purity.passed == 3)
    }

    @Test("inconsistent edge arrays are refused")
    func invalid() throws {
        let (event, truth, a, _, _) = try Self.sample()
        let config = try EvaluationConfig()
        #expect(throws: EvaluationError.self) {
            try EdgeMetrics(source: [a[0]], target: [], truth: truth, hits: event.hits, config: config)
        }
        #expect(throws: EvaluationError.self) {
            try EdgeMetrics(source: [a[0]], target: [a[1]], scores: [], cut: 0.5, truth: truth, hits: event.hits, config: config)
        }
        #expect(throws: EvaluationError.self) {
            try EdgeMetrics(source: [a[0]], target: [999], truth: truth, hits: event.hits, config: config)
        }
    }
}
