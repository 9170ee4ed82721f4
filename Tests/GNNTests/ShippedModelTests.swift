import Detector
import EdgeScoring
import EventData
import Evaluation
import GeometryShim
import HitGraph
import Simulation
import Testing
import TrackBuilding

/// The shipped `trackml` model on simulated events: the physics it promises.
@Suite(.enabled(if: ShippedGNN.isAvailable, "needs Seeds/trackml/module-map.h5 and Scoring/trackml/model.h5"))
struct ShippedModelTests {
    static let detector = HitGraphFixtures.trackml

    @Test func mu20EventReachesTheTrackEfficiencyTarget() throws {
        let gnn = try ShippedGNN(detector: Self.detector)
        let simulation = try FastSimulation(detector: Self.detector, config: SimulationConfig(generator: GeneratorConfig(pileup: 20)))
        let event = simulation.simulate(event: 0, seed: 4242, threads: 2).event
        let (_, _, built) = try gnn.run(event)
        let report = try Evaluator().evaluate(event: event, tracks: built.tracks)
        // Issue 6 track-efficiency target (pT > 1 GeV): ≥ 93 %.
        #expect(try #require(report.efficiency) >= 0.93, "efficiency \(report.efficiency ?? .nan)")
        // The fake-rate target is ≤ 2 % at μ = 200, where the shipped settings give ≈ 2.6 %
        // (Scoring/trackml/MODEL.md); this event has ≈ 500 tracks, so one fake is 0.2 %: the bound
        // guards the track-quality steps (24 % without them) with room for that fluctuation.
        #expect(try #require(report.fakeRate) <= 0.05, "fake rate \(report.fakeRate ?? .nan)")
        #expect(built.tracks.trackOfHit(hitCount: event.hits.count) != nil)
    }

    @Test func inferenceIsIdenticalForOneAndTwoThreads() throws {
        let gnn = try ShippedGNN(detector: Self.detector)
        let simulation = try FastSimulation(detector: Self.detector, config: SimulationConfig(generator: GeneratorConfig(pileup: 10)))
        let event = simulation.simulate(event: 1, seed: 4242, threads: 2).event
        func run(_ threads: Int32) throws -> ([Float], [[Int32]]) {
            _ = weft_shim_set_max_threads(threads)
            defer { _ = weft_shim_set_max_threads(0) }
            let r = try gnn.run(event)
            return (r.scores, (0 ..< r.tracks.tracks.count).map { Array(r.tracks.tracks.hits(of: $0)) })
        }
        let one = try run(1), two = try run(2)
        #expect(one.0 == two.0)
        #expect(one.1 == two.1)
    }
}
