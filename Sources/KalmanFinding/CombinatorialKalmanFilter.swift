import Detector
import EventData
import GeometryShim
import Seeding

/// The combinatorial Kalman filter: follows every seed through the detector, layer by layer, with
/// a Kalman filter that branches on compatible hits, and keeps the best branch of each seed.
///
/// Per seed: the state estimated from the seed is updated with the bottom hit, then the navigation
/// finds the next layer the helix crosses (``DetectorNavigation``), the modules of that layer the
/// track may cross, and propagates the state to each of them with its transport Jacobian (the
/// shim's analytic helix in a uniform field, its Runge–Kutta otherwise: ``CKFOptions/stepper``).
/// Each layer's material adds Highland scattering and mean energy loss. On each module the
/// ``MeasurementSelector`` picks the compatible hits (the seed's own middle and top hits are taken
/// when their module is reached), each opening a branch updated by the
/// ``KalmanUpdater``; a module without a compatible hit is an outlier, a hole or neither. The
/// ``BranchStopper`` ends branches; the best finished branch (most measurements, then fewest holes,
/// then smallest χ²) is smoothed (RTS), optionally extended inwards from its first hit, and its
/// perigee parameters computed.
///
/// Seeds are followed best quality first in batches of ``CKFOptions/seedBatchSize``; after each
/// batch the hits of long tracks are marked used and later seeds with
/// ``CKFOptions/skipSeedUsedHits`` used hits are skipped. Within a batch seeds run in parallel
/// chunks of fixed size and results are merged in seed order, so the output does not depend on the
/// thread count.
///
/// A `let` algorithm: immutable, shareable between threads; per-thread scratch is a ``CKFCache``.
public struct CombinatorialKalmanFilter: Sendable {
    /// The options.
    public let options: CKFOptions
    /// The extensions (selector, stopper, updater, material).
    public let extensions: CKFExtensions
    /// The detector.
    public let detector: Detector
    /// The navigation index of the detector.
    public let navigation: DetectorNavigation
    /// The seed parameter estimator.
    public let estimator: SeedParameterEstimator
    /// Field along z at the origin, T.
    public let bz: Double
    /// Layer material x/X0 per layer index.
    let layerMaterial: [Double]
    /// Runge–Kutta step control.
    let rkOptions: weft_shim_rk_options
    /// The field (T, along z) of the analytic helix propagation; nil when Runge–Kutta propagates.
    let helixBz: Double?
    /// Per module: centre (3 doubles, mm) and row-major rotation (9 doubles), the shim's plane layout.
    let moduleFrames: [Double]

    /// Seeds per parallel chunk.
    static let chunkSize = 8

    /// A filter for `detector` with `options`; `seeding` supplies the seed parameter estimate.
    ///
    /// - Throws: ``KalmanFindingError/invalidConfig(field:reason:)`` for out-of-range options.
    public init(options: CKFOptions, detector: Detector, seeding: SeedingDerivedConfig,
                extensions: CKFExtensions? = nil) throws {
        try options.validate()
        self.options = options
        self.extensions = extensions ?? CKFExtensions(options: options)
        self.detector = detector
        navigation = DetectorNavigation(detector: detector, tolerance: options.navigationTolerance)
        estimator = SeedParameterEstimator(derived: seeding)
        bz = detector.field.nominalBz
        layerMaterial = detector.layers.map(\.materialX0)
        var rk = weft_shim_rk_default_options()
        rk.tolerance = options.propagationTolerance
        rk.initial_step = 100
        rkOptions = rk
        switch options.stepper {
        case .automatic:
            helixBz = detector.field.isUniform ? detector.field.nominalBz : nil
        case .helix:
            guard detector.field.isUniform else {
                throw KalmanFindingError.invalidConfig(field: "stepper", reason: "\"helix\" needs a uniform field; the detector's is \(detector.field)")
            }
            helixBz = detector.field.nominalBz
        case .rungeKutta:
            helixBz = nil
        }
        let t = detector.modules
        var frames = [Double](repeating: 0, count: 12 * t.count)
        for m in 0 ..< t.count {
            let f = 12 * m
            frames[f] = t.centerX[m]; frames[f + 1] = t.centerY[m]; frames[f + 2] = t.centerZ[m]
            frames[f + 3] = t.rotXU[m]; frames[f + 4] = t.rotXV[m]; frames[f + 5] = t.rotXW[m]
            frames[f + 6] = t.rotYU[m]; frames[f + 7] = t.rotYV[m]; frames[f + 8] = t.rotYW[m]
            frames[f + 9] = t.rotZU[m]; frames[f + 10] = t.rotZV[m]; frames[f + 11] = t.rotZW[m]
        }
        moduleFrames = frames
    }

    /// Follows `seeds` (hit rows of `hits`) through the detector.
    ///
    /// - Parameters:
    ///   - measurements: the event's hits as measurements (``Measurements/init(hits:detector:errorScale:planeTolerance:)``).
    ///   - threads: worker threads (≥ 1); the result is identical for every value.
    /// - Returns: one track per followed seed that reached ``CKFOptions/minMeasurements``, in the
    ///   order the seeds were followed; tracks may share hits (see ``GreedyAmbiguityResolution``).
    /// - Throws: ``KalmanFindingError/seedOutOfRange(seed:hit:hitCount:)``.
    public func findTracks(seeds: Seeds, hits: Hits, measurements: Measurements, threads: Int = 1) throws -> CKFResult {
        for i in 0 ..< seeds.count {
            for h in [seeds.bottom[i], seeds.middle[i], seeds.top[i]] where h < 0 || Int(h) >= hits.count {
                throw KalmanFindingError.seedOutOfRange(seed: i, hit: h, hitCount: hits.count)
            }
        }
        var result = CKFResult()
        let order = seeds.orderedByQuality()
        var used = [Bool](repeating: false, count: hits.count)
        var start = 0
        while start < order.count {
            let end = min(order.count, start + options.seedBatchSize)
            var active: [Int32] = []
            active.reserveCapacity(end - start)
            for k in start ..< end {
                let s = Int(order[k])
                let n = (used[Int(seeds.bottom[s])] ? 1 : 0) + (used[Int(seeds.middle[s])] ? 1 : 0) + (used[Int(seeds.top[s])] ? 1 : 0)
                if n >= options.skipSeedUsedHits { result.seedsSkipped += 1 } else { active.append(Int32(s)) }
            }
            let parts = DeterministicParallel.mapChunks(count: active.count, chunkSize: Self.chunkSize, threads: max(1, threads),
                                                       makeCache: { CKFCache(field: detector.field) }) { _, range, cache -> [FoundTrack] in
                var out: [FoundTrack] = []
                for k in range {
                    let s = Int(active[k])
                    if let t = follow(bottom: seeds.bottom[s], middle: seeds.middle[s], top: seeds.top[s], seed: Int32(s),
                                      hits: hits, measurements: measurements, cache: cache) {
                        out.append(t)
                    }
                }
                return out
            }
            result.seedsFollowed += active.count
            for part in parts {
                for t in part {
                    result.append(hits: t.hits, chi2: Float(t.chi2), ndf: Int32(2 * t.measurements - 5), holes: t.holes,
                                  outliers: t.outliers, parameters: t.parameters, seed: t.seed, innermostState: t.innermostState)
                    if options.marksHitsUsed(measurements: t.measurements, holes: Int(t.holes), chi2: t.chi2, ndf: 2 * t.measurements - 5) {
                        for h in t.hits { used[Int(h)] = true }
                    }
                }
            }
            start = end
        }
        return result
    }
}

/// One track found from one seed, before it joins a ``CKFResult``.
struct FoundTrack {
    var hits: [Int32]
    var chi2: Double
    var measurements: Int
    var holes: Int16
    var outliers: Int16
    var parameters: TrackParameters
    var seed: Int32
    var innermostState: BoundTrackState
}
