import Detector
import EventData
import EventIO
import Foundation
import KalmanFinding
import Seeding
import Simulation
import Weft

/// Shared inputs of the CKF tests: detectors, simulated events and the real TrackML data.
enum Fixtures {
    /// The generated `trackml` detector (uniform 2 T).
    static let trackml: Detector = try! Detector.load("trackml")

    /// The generated `itk-like` detector (uniform 2 T; pixel volumes 1, 2, 3).
    static let itkLike: Detector = try! Detector.load("itk-like")

    /// `../shared/data/trackml` beside the package, or `$WEFT_TRACKML_DATA`.
    static var dataDirectory: String {
        if let d = ProcessInfo.processInfo.environment["WEFT_TRACKML_DATA"], !d.isEmpty { return d }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/trackml").path
    }

    /// Whether the real TrackML data is present.
    static var hasRealData: Bool { FileManager.default.fileExists(atPath: dataDirectory + "/detectors.csv.gz") }

    /// The package's `Seeds/` directory.
    static var seedsDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Seeds").path
    }

    /// A particle-gun event on `trackml`: `count` particles of `species`, pT in `pt` GeV, |η| < `eta`,
    /// no pile-up, with or without material effects.
    static func gunEvent(count: Int, pt: [Double], eta: Double, species: ParticleSpecies = .pion, material: Bool,
                         pileup: Double = 0, seed: UInt64 = 7) throws -> Event {
        let gun = try ParticleGun(count: count, species: species, ptRange: pt, etaRange: [-eta, eta])
        let generator = try GeneratorConfig(pileup: pileup, hardScatter: false, gun: gun)
        let physics = material ? try PhysicsConfig(nuclearInteractionScale: 0, conversionScale: 0) : PhysicsConfig.noInteractions
        let config = try SimulationConfig(generator: generator, physics: physics)
        let simulation = try FastSimulation(detector: trackml, config: config)
        return simulation.simulate(event: 0, seed: seed, threads: 2).event
    }

    /// A tt̄ + μ pile-up event on `trackml`.
    static func pileupEvent(mu: Double, seed: UInt64 = 11) throws -> Event {
        let config = try SimulationConfig(generator: GeneratorConfig(pileup: mu))
        return try FastSimulation(detector: trackml, config: config).simulate(event: 0, seed: seed, threads: 2).event
    }

    /// The shipped CKF cut set of `detector` (`Seeds/<detector>/seeding.json` and `ckf.json`), decoded
    /// directly so that the tests exercise exactly the files `weft reconstruct` reads.
    static func shippedCutSet(_ detector: String) throws -> (passes: SeedingPasses, finding: TrackFindingConfig) {
        let folder = URL(fileURLWithPath: seedsDirectory).appendingPathComponent(detector)
        let passes = try JSONDecoder().decode(SeedingPasses.self, from: Data(contentsOf: folder.appendingPathComponent("seeding.json")))
        let finding = try JSONDecoder().decode(TrackFindingConfig.self, from: Data(contentsOf: folder.appendingPathComponent("ckf.json")))
        return (passes, finding)
    }

    /// Seeds of `event` with one seeding pass.
    static func seeds(_ event: Event, detector: Detector = trackml, config: SeedingConfig = SeedingConfig(),
                      threads: Int = 1) throws -> (SeedingDerivedConfig, Seeds) {
        let derived = try SeedingDerivedConfig(config: config, detector: detector)
        let points = try SpacePoints(hits: event.hits, detector: detector, derived: derived)
        return (derived, SeedFinder(derived: derived).findSeeds(spacePoints: points, threads: threads))
    }

    /// The full CKF chain (all passes of `passes`, CKF, ambiguity resolution) on `event`, stage by
    /// stage so that the candidates are kept too; only the hits a pass leaves out come from the
    /// `Weft` chain (``CKFChain/excludedHits(_:candidates:hitCount:)``).
    static func reconstruct(_ event: Event, detector: Detector = trackml, passes: SeedingPasses = .standard,
                            finding: TrackFindingConfig = TrackFindingConfig(), threads: Int = 1) throws -> (candidates: CKFResult, tracks: CKFResult) {
        let measurements = try Measurements(hits: event.hits, detector: detector)
        let chain = try CKFChain(detector: detector, config: CKFChainConfig(seeding: passes, finding: finding))
        var candidates = CKFResult()
        for (k, pass) in passes.passes.enumerated() {
            let derived = try SeedingDerivedConfig(config: pass, detector: detector)
            let used = k == 0 ? nil : chain.excludedHits(pass.excludedHits, candidates: candidates, hitCount: event.hits.count)
            let points = try SpacePoints(hits: event.hits, detector: detector, derived: derived, excluded: used)
            let seeds = SeedFinder(derived: derived).findSeeds(spacePoints: points, threads: threads)
            let filter = try CombinatorialKalmanFilter(options: finding.finding.adjusted(for: pass), detector: detector, seeding: derived)
            candidates.append(contentsOf: try filter.findTracks(seeds: seeds, hits: event.hits, measurements: measurements, threads: threads))
        }
        let resolved = try GreedyAmbiguityResolution(config: finding.ambiguity).resolve(candidates, hitCount: event.hits.count)
        return (candidates, resolved)
    }

    /// The particles with a pure seed in `seeds`: all three hits theirs.
    static func purelySeededParticles(_ seeds: Seeds, truth: Truth) -> Set<UInt64> {
        var seeded = Set<UInt64>()
        for i in 0 ..< seeds.count {
            let (b, m, t) = seeds.hits(i)
            let p = truth.particleID[Int(b)]
            if p != 0 && truth.particleID[Int(m)] == p && truth.particleID[Int(t)] == p { seeded.insert(p) }
        }
        return seeded
    }

    /// Hit rows per particle id (noise excluded).
    static func hitsByParticle(_ event: Event) -> [UInt64: [Int]] {
        var out = [UInt64: [Int]]()
        for (h, p) in event.truth!.particleID.enumerated() where p != 0 { out[p, default: []].append(h) }
        return out
    }
}
