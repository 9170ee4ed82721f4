import Testing
import Detector
import EventData
@testable import Simulation

@Suite struct PileupTests {
    /// Particle hits grow linearly with μ: the mean over five events at μ = 4, 8 and 16 doubles with μ
    /// within 25 % (Poisson and negative-binomial fluctuations of five events).
    @Test func hitsGrowLinearlyWithPileup() throws {
        var means: [Double] = []
        for mu in [4.0, 8.0, 16.0] {
            let simulation = try FastSimulation(detector: Fixtures.trackml, config: Fixtures.noiselessConfig(pileup: mu))
            var total = 0
            for e in 0 ..< 5 { total += simulation.simulate(event: UInt64(e), seed: 77, threads: 2).event.hits.count }
            means.append(Double(total) / 5)
        }
        #expect(means[0] > 0)
        #expect(abs(means[1] / means[0] / 2 - 1) < 0.25, "\(means)")
        #expect(abs(means[2] / means[1] / 2 - 1) < 0.25, "\(means)")
        // About 34 charged particles of ~10 hits per interaction.
        #expect(means[2] / 16 > 150 && means[2] / 16 < 600, "\(means[2] / 16) hits per interaction")
    }

    /// With noise on and no interaction at all, an event holds only noise: Poisson(0.97) per module.
    @Test func emptyEventsHoldOnlyNoise() throws {
        let simulation = try FastSimulation(detector: Fixtures.trackml,
                                            config: SimulationConfig(generator: GeneratorConfig(pileup: 0, hardScatter: false)))
        let event = simulation.simulate(event: 0, seed: 5).event
        let truth = try #require(event.truth)
        #expect(truth.noiseCount == event.hits.count)
        let expected = 0.69 * 2492 + 0.97 * (18728 - 2492)
        #expect(abs(Double(event.hits.count) - expected) < 5 * expected.squareRoot() + 0.02 * expected)
    }
}
