import Detector
import EventData
import HitGraph
import Simulation

/// Detectors and simulated events shared by the graph tests (loaded once).
enum HitGraphFixtures {
    static let trackml: Detector = try! Detector.load("trackml")
    static let telescope: Detector = try! Detector.load("telescope")

    /// TrackML events of `particles` pions (pT 1–10 GeV, η and φ uniform in the ranges) from one
    /// vertex per event, no pile-up.
    static func gunEvents(_ n: Int, particles: Int = 40, eta: [Double] = [-2.5, 2.5], phi: [Double] = [-.pi, .pi],
                          seed: UInt64) -> [Event] {
        let gun = try! ParticleGun(count: particles, ptRange: [1, 10], etaRange: eta, phiRange: phi)
        let config = try! SimulationConfig(generator: GeneratorConfig(pileup: 0, hardScatter: false, gun: gun))
        let simulation = try! FastSimulation(detector: trackml, config: config)
        return (0 ..< n).map { simulation.simulate(event: UInt64($0), seed: seed, threads: 2).event }
    }

    /// Telescope events of `particles` 120 GeV pions along the beam.
    static func telescopeEvents(_ n: Int, particles: Int = 5, seed: UInt64) -> [Event] {
        let gun = try! ParticleGun(count: particles, momentumRange: [120, 120], beamDivergence: 0.002)
        let config = try! SimulationConfig(generator: GeneratorConfig(pileup: 0, hardScatter: false, gun: gun))
        let simulation = try! FastSimulation(detector: telescope, config: config)
        return (0 ..< n).map { simulation.simulate(event: UInt64($0), seed: seed, threads: 1).event }
    }

    /// Six gun events (seed 3) and the default map learned from them, shared by the tests.
    static let gunSample: [Event] = gunEvents(6, seed: 3)
    static let gunMap: ModuleMap = try! map(trackml, gunSample)

    /// A module map learned from `events`.
    static func map(_ detector: Detector, _ events: [Event], config: ModuleMapConfig? = nil) throws -> ModuleMap {
        var builder = ModuleMapBuilder(detector: detector, config: try config ?? ModuleMapConfig())
        for e in events { try builder.add(e) }
        return builder.build()
    }
}
