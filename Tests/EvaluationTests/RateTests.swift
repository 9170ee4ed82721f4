import EventData
import Foundation
import Testing
@testable import Evaluation

@Suite("Efficiency, fake and duplicate rates")
struct RateTests {
    /// Six particles covering each selection cut, noise, and seven tracks (two sharing hits).
    static func sample() throws -> (Event, Tracks) {
        var b = EventBuilder()
        let a = b.particle(1, hits: 5, pT: 2, eta: 0.7)        // selected (both)
        let p = b.particle(2, hits: 4, pT: 0.7, eta: -1.1)     // selected at pT > 0.5 only
        let c = b.particle(3, hits: 6, pT: 3, eta: 4.5)        // |η| ≥ 4
        let d = b.particle(4, hits: 2, pT: 1.5, eta: 1.2)      // < 3 hits
        let e = b.particle(5, hits: 4, pT: 5, eta: -2.2)       // selected, never found
        b.particle(6, hits: 4, pT: 5, eta: 0.2, inTable: false) // unknown kinematics: never selected
        let noise = b.noise(3)
        let tracks = Tracks(hitLists: [
            [a[0], a[1], a[2]],                 // T0: matches 1 (3 hits of it) → the duplicate
            [a[1], a[2], a[3], a[4]],           // T1: matches 1 with 4 hits → the original
            [p[0], p[1], p[2]],                 // T2: matches 2
            [e[0], e[1], noise[0], noise[1]],   // T3: noise/5 tie → noise majority, 2/4 → fake
            [c[0], c[1], c[2], c[3]],           // T4: matches 3 (not selected, not fake)
            [noise[2]],                         // T5: 1 of 3 noise hits → fake
            [d[0], d[1]],                       // T6: matches 4
        ])
        return (b.event(id: 42), tracks)
    }

    @Test("hand-built counts: efficiency, low-pT efficiency, fake and duplicate rates")
    func headline() throws {
        let (event, tracks) = try Self.sample()
        let r = try Evaluator().evaluate(event: event, tracks: tracks)
        #expect(r.trackCount == 7)
        #expect(r.selectedParticleCount == 2 && r.matchedParticleCount == 1)
        #expect(r.efficiency == 0.5)
        #expect(r.selectedParticleCountPt05 == 3)
        #expect(r.efficiencyPt05 == 2.0 / 3.0)
        #expect(r.fakeTrackCount == 2 && r.fakeRate == 2.0 / 7.0)
        #expect(r.duplicateTrackCount == 1 && r.duplicateRate == 1.0 / 7.0)
        #expect(r.sharedHitCount == 2)
        #expect(r.trackmlScore == nil)          // shared hits: not a submission
        #expect(r.particleCount == 6 && r.noiseHitCount == 3 && r.hitCount == 28)
        #expect(r.rates.efficiency.passed == 1 && r.rates.efficiency.total == 2)
        let ci = try #require(r.rates.efficiency.lower.flatMap { l in r.rates.efficiency.upper.map { (l, $0) } })
        #expect(ci.0 < 0.5 && 0.5 < ci.1)
    }

    @Test("binned tables: particles by true pT, η and first-hit volume; tracks by estimated η and innermost volume")
    func binned() throws {
        let (event, tracks) = try Self.sample()
        let r = try Evaluator().evaluate(event: event, tracks: tracks)
        let b = r.binned
        func bin(_ t: RateTable, _ x: Double) -> RateBin { t.bins.first { $0.low <= x && x < $0.high }! }
        // Efficiency vs pT drops the pT cut only: particles 1 (2 GeV), 2 (0.7 GeV), 5 (5 GeV).
        #expect(b.efficiencyVsPt.bins.reduce(0) { $0 + $1.total } == 3)
        #expect(bin(b.efficiencyVsPt, 0.7).passed == 1 && bin(b.efficiencyVsPt, 0.7).total == 1)
        #expect(bin(b.efficiencyVsPt, 5).passed == 0 && bin(b.efficiencyVsPt, 5).total == 1)
        #expect(bin(b.efficiencyVsEta, 0.7).value == 1)
        #expect(bin(b.efficiencyVsEta, -2.2).value == 0)
        #expect(bin(b.efficiencyVsEta, 3).value == nil && bin(b.efficiencyVsEta, 3).lower == nil)
        #expect(bin(b.efficiencyPt05VsEta, -1.1).passed == 1)
        #expect(b.efficiencyVsVolume.bins.map { $0.low } == [8, 13])
        #expect(b.efficiencyVsVolume.bins[0].passed == 1 && b.efficiencyVsVolume.bins[0].total == 2)
        // Tracks: T0 (η 0.7) is the duplicate, T3 (η −2.2 … innermost hit in volume 8) and T5 (noise, volume 13) fakes.
        #expect(bin(b.duplicateRateVsEta, 0.7).passed == 1 && bin(b.duplicateRateVsEta, 0.7).total >= 2)
        #expect(b.duplicateRateVsEta.bins.reduce(0) { $0 + $1.passed } == 1)
        #expect(b.fakeRateVsEta.bins.reduce(0) { $0 + $1.passed } == 2)
        #expect(b.fakeRateVsEta.bins.reduce(0) { $0 + $1.total } == 6)   // T4 (η 4.5) is outside the bins
        #expect(b.fakeRateVsVolume.bins[0].passed == 1 && b.fakeRateVsVolume.bins[0].total == 6)
        #expect(b.fakeRateVsVolume.bins[1].passed == 1 && b.fakeRateVsVolume.bins[1].total == 1)
    }

    @Test("a configurable selection changes the denominator")
    func configurableSelection() throws {
        let (event, tracks) = try Self.sample()
        let config = try EvaluationConfig(selection: ParticleSelection(ptMin: 0.6, absEtaMax: 5, minHits: 2))
        let r = try Evaluator(config: config).evaluate(event: event, tracks: tracks)
        // 1, 2, 3, 4, 5 selected; 1, 2, 3, 4 found.
        #expect(r.selectedParticleCount == 5 && r.matchedParticleCount == 4)
    }

    @Test("track kinematics: pT from a circle of known radius, η from the r–z line")
    func kinematics() {
        var hits = Hits()
        let radius = 1000.0, eta = 1.3
        for k in 0 ..< 8 {
            // A circle through the origin with centre (radius, 0): x = R(1 − cos φ), y = R sin φ.
            let phi = 0.03 + 0.06 * Double(k)
            let x = radius * (1 - cos(phi)), y = radius * sin(phi)
            let r = (x * x + y * y).squareRoot()
            hits.append(hitID: Int64(k), x: Float(x), y: Float(y), z: Float(r * sinh(eta)),
                        geometryID: GeometryID(volume: 8, layer: 2, module: 1))
        }
        let k = TrackKinematics(tracks: Tracks(hitLists: [Array(0 ..< 8)]), hits: hits, magneticField: 2)
        #expect(abs(k.pT[0] - 0.299792458e-3 * 2 * radius) < 1e-3)
        #expect(abs(k.eta[0] - eta) < 1e-4)
        #expect(k.innermostVolume[0] == 8)
    }

    @Test("Clopper–Pearson intervals: closed forms at the edges and for n = 2")
    func clopperPearson() throws {
        let alpha = 1 - BinomialInterval.oneSigma
        let zero = try #require(BinomialInterval.clopperPearson(passed: 0, total: 10))
        #expect(zero.lower == 0 && abs(zero.upper - (1 - pow(alpha / 2, 0.1))) < 1e-12)
        let all = try #require(BinomialInterval.clopperPearson(passed: 10, total: 10))
        #expect(all.upper == 1 && abs(all.lower - pow(alpha / 2, 0.1)) < 1e-12)
        let half = try #require(BinomialInterval.clopperPearson(passed: 1, total: 2))
        #expect(abs(half.lower - (1 - (1 - alpha / 2).squareRoot())) < 1e-12)   // Beta(1, 2) CDF 1 − (1 − x)²
        #expect(abs(half.upper - (1 - alpha / 2).squareRoot()) < 1e-12)
        let sym = try #require(BinomialInterval.clopperPearson(passed: 37, total: 74))
        #expect(abs(sym.lower + sym.upper - 1) < 1e-12)
        // Large n: close to the normal approximation ±√(p(1−p)/n).
        let big = try #require(BinomialInterval.clopperPearson(passed: 3000, total: 10000))
        let sigma = (0.3 * 0.7 / 10000).squareRoot()
        #expect(abs((big.upper - big.lower) / 2 / sigma - 1) < 0.02)
        #expect(BinomialInterval.clopperPearson(passed: 0, total: 0) == nil)
    }

    @Test("binning: log and uniform edges, half-open bins, validation")
    func binning() throws {
        let log = try Binning.logarithmic(from: 0.5, to: 100, count: 20)
        #expect(log.edges.first == 0.5 && log.edges.last == 100 && log.count == 20)
        let ratio = log.edges[1] / log.edges[0]
        #expect(abs(log.edges[11] / log.edges[10] - ratio) < 1e-12)
        let eta = Binning.defaultEta
        #expect(eta.index(of: -4) == 0 && eta.index(of: 3.99) == 15)
        #expect(eta.index(of: 4) == nil && eta.index(of: -4.01) == nil && eta.index(of: .nan) == nil)
        #expect(eta.index(of: 0) == 8 && eta.index(of: -0.0001) == 7)
        #expect(throws: EvaluationError.self) { try Binning(edges: [1]) }
        #expect(throws: EvaluationError.self) { try Binning(edges: [1, 1]) }
        #expect(throws: EvaluationError.self) { try Binning(edges: [0, .infinity]) }
        #expect(throws: EvaluationError.self) { try Binning.logarithmic(from: 0, to: 1, count: 3) }
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Binning.self, from: Data("[3, 2]".utf8)) }
    }

    @Test("configuration: JSON defaults, validation")
    func config() throws {
        let c = try JSONDecoder().decode(EvaluationConfig.self, from: Data(#"{"selection": {"pt_min": 2}}"#.utf8))
        #expect(c.selection == ParticleSelection(ptMin: 2, absEtaMax: 4, minHits: 3))
        #expect(c.lowPtSelection.ptMin == 0.5 && c.etaBinning == .defaultEta)
        #expect(throws: EvaluationError.self) { try EvaluationConfig(confidenceLevel: 1) }
        #expect(throws: EvaluationError.self) { try EvaluationConfig(magneticField: 0) }
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode(EvaluationConfig.self, from: Data(#"{"confidence_level": 2}"#.utf8))
        }
    }
}
