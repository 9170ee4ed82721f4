import Seeding

/// The options of the combinatorial Kalman filter: measurement selection, branching, the branch
/// stopper, material effects, navigation and the seed schedule. Units: mm, GeV, rad.
///
/// Loaded at the edges from `Seeds/<detector>/ckf.json` (snake_case keys; a missing field takes the
/// default documented here, an unknown field is an error). The defaults are tuned for `trackml`.
public struct CKFOptions: Codable, Sendable, Equatable {
    /// Largest predicted χ² (2 degrees of freedom) of a measurement that may update a track
    /// (default 20: p = 4.5 × 10⁻⁵). 16 until 2026-11-30: at μ = 200 with the five seeding passes
    /// 12 / 16 / 20 / 25 gave TrackML score 0.897 / 0.902 / 0.901 / 0.897 at 1.1 / 0.87 / 0.74 /
    /// 0.56 % fakes (seeds 31 and 1, 5 events each, χ²/ndf cut 3.25): a true hit scattered just
    /// outside the window ends a branch early and leaves a short candidate of the remaining hits;
    /// 20 with the χ²/ndf cut back at 3.5 gave 0.9028 / 0.9026 at 0.83 %.
    public var chi2Cut: Double = 20
    /// Measurements with χ² between ``chi2Cut`` and this are outliers: counted, not used in the fit
    /// nor in the track (default 30; 50 until 2026-11-30: a nearby foreign hit taken for an outlier
    /// spares a wrong branch a hole).
    public var outlierChi2Cut: Double = 30
    /// Largest χ² with which a seed hit is accepted when the filter refits the seed (default 100:
    /// the seed estimate is rough until its three hits are in).
    public var seedChi2Cut: Double = 100
    /// Largest number of compatible measurements on one module that each open a branch (default 2).
    public var maxBranchesPerSurface: Int = 2
    /// Largest number of branches (open and finished) followed per seed (default 8).
    public var maxBranchesPerSeed: Int = 8
    /// The branch stopper ends a branch with more holes than this (default 3).
    public var maxHoles: Int = 3
    /// … or with more consecutive holes than this (default 3). The stopper counts a hole per module:
    /// an empty layer crossed on two overlapping modules is two. With 3 instead of 2 and the outlier
    /// cut at 30 instead of 50, μ = 200 (seeds 31 / 1, 5 events each) went from 0.9028 / 0.9026 at
    /// 0.83 % fakes to 0.9033 / 0.9035 at 0.80 / 0.77 %; counting the stopper's holes per layer
    /// instead lost 0.001.
    public var maxConsecutiveHoles: Int = 3
    /// … or with more outliers than this (default 3).
    public var maxOutliers: Int = 3
    /// Tracks with fewer measurements are dropped (default 7: shorter candidates are mostly
    /// combinatorial fakes at μ = 200).
    public var minMeasurements: Int = 7
    /// Tracks without holes or outliers need only this many measurements (default 4): a short track
    /// that missed no module on its way is rarely a fake, and particles that interact or decay in
    /// the pixels leave only 4–6 hits. The ambiguity resolution's ``TrackQualitySelection`` decides
    /// which clean tracks shorter than its ``AmbiguityResolutionConfig/minHitsAfterSharing`` stay.
    public var minCleanMeasurements: Int = 4
    /// Whether multiple scattering (Highland) and mean energy loss of each crossed layer enter the
    /// prediction (default true).
    public var materialEffects: Bool = true
    /// Mass hypothesis of the material effects, GeV (default 0.13957: a charged pion).
    public var mass: Double = 0.13957039
    /// Scale of the pitch/√12 measurement errors (default 1).
    public var measurementErrorScale: Double = 1
    /// Growth of module outlines in the navigation grids, mm (default 10): covers the distance
    /// between a layer's reference surface and its (tilted, staggered) module planes.
    public var navigationTolerance: Double = 10
    /// Tolerance on module bounds when deciding whether a predicted crossing reaches a module, in
    /// mm, added to three standard deviations of the predicted position (default 0.5).
    public var moduleTolerance: Double = 0.5
    /// A crossing closer than this to a module edge is not a hole when no hit is found, mm (default 1).
    public var holeEdgeMargin: Double = 1
    /// Largest number of layers visited by one branch (default 60).
    public var maxLayerSteps: Int = 60
    /// Largest path length of a branch from its seed, mm (default 6000).
    public var maxPathLength: Double = 6000
    /// Whether a branch stops once its transverse direction turns back towards the beam line in a
    /// barrel layer (loopers; default true).
    public var stopAtTransverseApex: Bool = true
    /// Whether each track is also extended inwards from its first hit (default true).
    public var extendInwards: Bool = true
    /// The propagation between modules (default ``PropagationStepper/automatic``: the analytic helix in
    /// a uniform field, Runge–Kutta otherwise).
    public var stepper: PropagationStepper = .automatic
    /// Local error tolerance of the Runge–Kutta propagation, mm (default 0.01). The error over a path
    /// scales about linearly with it (1e-4 keeps 0.1–10 GeV tracks in 2 T within 0.01 µm of the exact
    /// helix over 1 m), so 0.01 means ≤ 1 µm per metre, far below the 14 µm pixel resolution. From
    /// 1e-3 (until 2026-11-30) to 0.01 the CKF found the same tracks on μ = 200 events (0.1 and 1:
    /// within one track in 20 000) in 9 % less time.
    public var propagationTolerance: Double = 0.01
    /// Seeds processed between two updates of the used-hit map, best quality first (default 64).
    /// The schedule depends on this number only, never on the thread count.
    public var seedBatchSize: Int = 64
    /// A seed is skipped when at least this many of its three hits belong to tracks already found
    /// (default 2; 4 disables skipping). 3 follows more soft seeds that cross a found track: +0.003
    /// TrackML score at μ = 200 with the iterative five-pass seeding, +0.001 with the standard three
    /// passes, but 20 % more time at μ = 300 (scan exponent against the pile-up hits 1.25 → 1.32).
    /// A seeding pass may set its own (``SeedingConfig/skipSeedUsedHits``, see ``adjusted(for:)``).
    public var skipSeedUsedHits: Int = 2
    /// Only tracks with at least this many measurements mark their hits as used (default 9; 10
    /// until 2026-11-30). Marking the hits of shorter tracks skips more seeds in the pass and
    /// removes more space points from the later passes: with the standard passes 9 gave −0.002
    /// score and 8 % less time at μ = 200, 9 % less at μ = 300 (scan exponent 1.30 → 1.25); 8 saved
    /// 15 % for −0.003 with the five passes.
    public var markUsedMinMeasurements: Int = 9
    /// … and at most this many holes (default 1000: no limit).
    public var markUsedMaxHoles: Int = 1000
    /// … and at most this χ² per degree of freedom (default 1000: no limit).
    public var markUsedMaxChi2PerNdf: Double = 1000
    /// Largest plane distance of a hit from its module when the event is read in, mm (default 5).
    public var hitPlaneTolerance: Double = 5

    /// The defaults documented on each field.
    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case chi2Cut = "chi2_cut", outlierChi2Cut = "outlier_chi2_cut", seedChi2Cut = "seed_chi2_cut"
        case maxBranchesPerSurface = "max_branches_per_surface", maxBranchesPerSeed = "max_branches_per_seed"
        case maxHoles = "max_holes", maxConsecutiveHoles = "max_consecutive_holes", maxOutliers = "max_outliers"
        case minMeasurements = "min_measurements", minCleanMeasurements = "min_clean_measurements"
        case materialEffects = "material_effects", mass
        case measurementErrorScale = "measurement_error_scale", navigationTolerance = "navigation_tolerance"
        case moduleTolerance = "module_tolerance", holeEdgeMargin = "hole_edge_margin"
        case maxLayerSteps = "max_layer_steps", maxPathLength = "max_path_length"
        case stopAtTransverseApex = "stop_at_transverse_apex", extendInwards = "extend_inwards"
        case stepper, propagationTolerance = "propagation_tolerance", seedBatchSize = "seed_batch_size"
        case skipSeedUsedHits = "skip_seed_used_hits", markUsedMinMeasurements = "mark_used_min_measurements"
        case markUsedMaxHoles = "mark_used_max_holes", markUsedMaxChi2PerNdf = "mark_used_max_chi2_per_ndf"
        case hitPlaneTolerance = "hit_plane_tolerance"
    }

    /// Decodes a JSON object; missing fields take their defaults, unknown fields are an error.
    public init(from decoder: Decoder) throws {
        try UnknownKeyCheck.check(decoder, known: CodingKeys.allCases.map(\.rawValue), type: "CKF options")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func get<T: Decodable>(_ key: CodingKeys, _ value: inout T) throws {
            if let v = try c.decodeIfPresent(T.self, forKey: key) { value = v }
        }
        try get(.chi2Cut, &chi2Cut); try get(.outlierChi2Cut, &outlierChi2Cut); try get(.seedChi2Cut, &seedChi2Cut)
        try get(.maxBranchesPerSurface, &maxBranchesPerSurface); try get(.maxBranchesPerSeed, &maxBranchesPerSeed)
        try get(.maxHoles, &maxHoles); try get(.maxConsecutiveHoles, &maxConsecutiveHoles)
        try get(.maxOutliers, &maxOutliers); try get(.minMeasurements, &minMeasurements)
        try get(.minCleanMeasurements, &minCleanMeasurements)
        try get(.materialEffects, &materialEffects); try get(.mass, &mass)
        try get(.measurementErrorScale, &measurementErrorScale); try get(.navigationTolerance, &navigationTolerance)
        try get(.moduleTolerance, &moduleTolerance); try get(.holeEdgeMargin, &holeEdgeMargin)
        try get(.maxLayerSteps, &maxLayerSteps); try get(.maxPathLength, &maxPathLength)
        try get(.stopAtTransverseApex, &stopAtTransverseApex); try get(.extendInwards, &extendInwards)
        if let value = try c.decodeChoiceIfPresent(PropagationStepper.self, forKey: .stepper) { stepper = value }
        try get(.propagationTolerance, &propagationTolerance); try get(.seedBatchSize, &seedBatchSize)
        try get(.skipSeedUsedHits, &skipSeedUsedHits); try get(.markUsedMinMeasurements, &markUsedMinMeasurements)
        try get(.markUsedMaxHoles, &markUsedMaxHoles); try get(.markUsedMaxChi2PerNdf, &markUsedMaxChi2PerNdf)
        try get(.hitPlaneTolerance, &hitPlaneTolerance)
    }

    /// These options with the settings a seeding pass overrides for its seeds
    /// (``SeedingConfig/skipSeedUsedHits``, ``SeedingConfig/maxHoles``,
    /// ``SeedingConfig/maxConsecutiveHoles``).
    public func adjusted(for pass: SeedingConfig) -> CKFOptions {
        var options = self
        if let skip = pass.skipSeedUsedHits { options.skipSeedUsedHits = skip }
        if let holes = pass.maxHoles { options.maxHoles = holes }
        if let holes = pass.maxConsecutiveHoles { options.maxConsecutiveHoles = holes }
        return options
    }

    /// Whether a track with these figures marks its hits as used (``markUsedMinMeasurements``,
    /// ``markUsedMaxHoles``, ``markUsedMaxChi2PerNdf``).
    @inlinable public func marksHitsUsed(measurements: Int, holes: Int, chi2: Double, ndf: Int) -> Bool {
        measurements >= markUsedMinMeasurements && holes <= markUsedMaxHoles && chi2 <= markUsedMaxChi2PerNdf * Double(max(ndf, 1))
    }

    /// Checks every field's range.
    ///
    /// - Throws: ``KalmanFindingError/invalidConfig(field:reason:)`` naming the JSON key at fault.
    public func validate() throws {
        func positive(_ v: Double, _ k: CodingKeys) throws {
            guard v > 0, v.isFinite else { throw KalmanFindingError.invalidConfig(field: k.rawValue, reason: "\(v) must be a positive finite number") }
        }
        func nonNegative(_ v: Double, _ k: CodingKeys) throws {
            guard v >= 0, v.isFinite else { throw KalmanFindingError.invalidConfig(field: k.rawValue, reason: "\(v) must be a finite number ≥ 0") }
        }
        func atLeast(_ v: Int, _ lo: Int, _ k: CodingKeys) throws {
            guard v >= lo else { throw KalmanFindingError.invalidConfig(field: k.rawValue, reason: "\(v) must be ≥ \(lo)") }
        }
        try positive(chi2Cut, .chi2Cut); try positive(outlierChi2Cut, .outlierChi2Cut); try positive(seedChi2Cut, .seedChi2Cut)
        guard outlierChi2Cut >= chi2Cut else {
            throw KalmanFindingError.invalidConfig(field: CodingKeys.outlierChi2Cut.rawValue, reason: "\(outlierChi2Cut) must be ≥ chi2_cut (\(chi2Cut))")
        }
        try atLeast(maxBranchesPerSurface, 1, .maxBranchesPerSurface); try atLeast(maxBranchesPerSeed, 1, .maxBranchesPerSeed)
        try atLeast(maxHoles, 0, .maxHoles); try atLeast(maxConsecutiveHoles, 0, .maxConsecutiveHoles)
        try atLeast(maxOutliers, 0, .maxOutliers); try atLeast(minMeasurements, 3, .minMeasurements)
        try atLeast(minCleanMeasurements, 3, .minCleanMeasurements)
        try positive(mass, .mass); try positive(measurementErrorScale, .measurementErrorScale)
        try nonNegative(navigationTolerance, .navigationTolerance); try nonNegative(moduleTolerance, .moduleTolerance)
        try nonNegative(holeEdgeMargin, .holeEdgeMargin); try atLeast(maxLayerSteps, 1, .maxLayerSteps)
        try positive(maxPathLength, .maxPathLength); try positive(propagationTolerance, .propagationTolerance)
        try atLeast(seedBatchSize, 1, .seedBatchSize); try atLeast(skipSeedUsedHits, 1, .skipSeedUsedHits)
        try atLeast(markUsedMinMeasurements, 1, .markUsedMinMeasurements); try positive(hitPlaneTolerance, .hitPlaneTolerance)
        try atLeast(markUsedMaxHoles, 0, .markUsedMaxHoles); try positive(markUsedMaxChi2PerNdf, .markUsedMaxChi2PerNdf)
    }
}
