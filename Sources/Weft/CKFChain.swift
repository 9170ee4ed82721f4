import Detector
import EventData
import KalmanFinding
import Seeding

/// The classical reconstruction chain: for each seeding pass, triplet seeding on the hits earlier
/// passes left unused (``ExcludedHits``) and the combinatorial Kalman filter; then greedy ambiguity
/// resolution. Every stage is timed.
///
/// Immutable once built; one chain may serve any number of events and threads. Results do not
/// depend on the thread count.
public struct CKFChain: Sendable {
    /// The detector.
    public let detector: Detector
    /// The configuration.
    public let config: CKFChainConfig
    /// Per pass: the derived seeding configuration, the seed finder and the filter (which estimates
    /// seed parameters with that pass's settings).
    let passes: [(derived: SeedingDerivedConfig, finder: SeedFinder, filter: CombinatorialKalmanFilter)]
    let resolver: GreedyAmbiguityResolution

    /// Prepares the chain for `detector`.
    ///
    /// - Throws: ``SeedingError`` and ``KalmanFindingError`` for invalid settings.
    public init(detector: Detector, config: CKFChainConfig = CKFChainConfig()) throws {
        self.detector = detector
        self.config = config
        var passes: [(SeedingDerivedConfig, SeedFinder, CombinatorialKalmanFilter)] = []
        for pass in config.seeding.passes {
            let derived = try SeedingDerivedConfig(config: pass, detector: detector)
            let filter = try CombinatorialKalmanFilter(options: config.finding.finding.adjusted(for: pass), detector: detector,
                                                       seeding: derived)
            passes.append((derived, SeedFinder(derived: derived), filter))
        }
        self.passes = passes
        resolver = try GreedyAmbiguityResolution(config: config.finding.ambiguity)
    }

    /// Reconstructs the tracks of `hits`.
    ///
    /// - Parameter threads: worker threads (≥ 1).
    /// - Throws: ``KalmanFindingError`` or ``SeedingError`` for bad hits (none, NaN, unknown module,
    ///   off its module).
    public func run(hits: Hits, threads: Int = 1) throws -> CKFChainResult {
        let clock = StageClock()
        let options = config.finding.finding
        let measurements = try clock.time("measurements") {
            try Measurements(hits: hits, detector: detector, errorScale: options.measurementErrorScale,
                             planeTolerance: options.hitPlaneTolerance)
        }
        var candidates = CKFResult()
        var seedCounts: [Int] = []
        for (k, pass) in passes.enumerated() {
            let used = k == 0 ? nil : excludedHits(pass.derived.config.excludedHits, candidates: candidates, hitCount: hits.count)
            let seeds = try clock.time("seeding pass \(k + 1)") { () throws -> Seeds in
                let points = try SpacePoints(hits: hits, detector: detector, derived: pass.derived, excluded: used)
                return pass.finder.findSeeds(spacePoints: points, threads: threads)
            }
            seedCounts.append(seeds.count)
            let found = try clock.time("ckf pass \(k + 1)") {
                try pass.filter.findTracks(seeds: seeds, hits: hits, measurements: measurements, threads: threads)
            }
            candidates.append(contentsOf: found)
        }
        let resolved = clock.time("ambiguity") { resolver.resolve(candidates, hitCount: hits.count) }
        return CKFChainResult(tracks: resolved, seedsPerPass: seedCounts, candidates: candidates.count, timings: clock.timings)
    }

    /// The hits a pass with exclusion `mode` does not seed from, given the `candidates` of the
    /// passes before it, on an event with `hitCount` hits.
    public func excludedHits(_ mode: ExcludedHits, candidates: CKFResult, hitCount: Int) -> [Bool] {
        switch mode {
        case .candidates:
            return candidates.usedHits(hitCount: hitCount, options: config.finding.finding)
        case .tracks:
            // The resolution is the chain's own final step on the candidates so far: a few ms.
            var used = [Bool](repeating: false, count: hitCount)
            for h in resolver.resolve(candidates, hitCount: hitCount).tracks.hitIndices { used[Int(h)] = true }
            return used
        }
    }
}
