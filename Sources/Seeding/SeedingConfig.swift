/// The cuts and settings of triplet seeding, in Weft's native units (mm, GeV, rad).
///
/// Loaded at the edges from `Seeds/<detector>/seeding.json` (snake_case keys, every field optional:
/// a missing field takes the default documented here, an unknown field is an error). The defaults
/// are the cut set tuned for the `trackml` detector. Values are checked, and derived quantities
/// computed, by ``SeedingDerivedConfig/init(config:detector:)``.
public struct SeedingConfig: Codable, Sendable, Equatable {
    /// Volume ids whose layers provide space points (default `[7, 8, 9]`: the TrackML pixels, which
    /// cover |η| < 4 on their own).
    public var seedingVolumes: [Int32] = [7, 8, 9]
    /// The seeding volumes that may hold the middle hit of a triplet (default nil: all of
    /// ``seedingVolumes``). A pass seeding into the strips with pixel middles gets its fourth,
    /// confirming hit from the first strip layers without the strips' own triplets.
    public var middleVolumes: [Int32]? = nil
    /// Lowest transverse momentum of a seed, GeV (default 0.6, the first pass of
    /// ``SeedingPasses/standard``): triplets curving more are rejected.
    public var minPt: Double = 0.6
    /// Half-length of the luminous region along z, mm (default 250, about 4.5 σz of the TrackML beam
    /// spot): both doublets of a seed must point back to |z0| below it.
    public var collisionRegionZ: Double = 250
    /// Largest transverse impact parameter |d0| of the seed circle, mm (default 2).
    public var impactMax: Double = 2
    /// Largest |cot θ| of a doublet, dimensionless (default 33.3, |η| ≈ 4.2).
    public var cotThetaMax: Double = 33.3
    /// Number of standard deviations allowed between the cot θ of the inner and outer doublet
    /// (measurement errors plus multiple scattering; default 4).
    public var cotThetaSigmas: Double = 4
    /// Material at the middle hit, in radiation lengths at normal incidence, for the Highland
    /// scattering term of the cot θ test (dimensionless, default 0.03: a TrackML pixel layer).
    public var scatteringRadiationLength: Double = 0.03
    /// Number of φ bins of each layer's space-point grid (default 100).
    public var gridPhiBins: Int = 100
    /// Width of the z bins of barrel-layer grids, mm (default 40).
    public var gridZBinWidth: Double = 40
    /// Width of the r bins of end-cap-layer grids, mm (default 20).
    public var gridRBinWidth: Double = 20
    /// How many seeding layers a triplet may skip in total between its hits (default 1: one missing
    /// hit, e.g. an inefficient module or a gap between barrel and end-cap).
    public var maxSkippedLayers: Int = 1
    /// Tolerance added to every layer's extent when deriving which layers follow which, mm (default 10).
    public var layerLinkTolerance: Double = 10
    /// Largest |η| of the straight lines sampled to derive the layer links (default 4.5).
    public var layerLinkEtaMax: Double = 4.5
    /// Two triplets with the same bottom and middle confirm each other when their tops lie on
    /// different layers and their curvatures differ by less than this, 1/mm (default 6e-5).
    public var confirmationCurvatureTolerance: Double = 6e-5
    /// Relative part of the confirmation tolerance: curvatures may differ by
    /// ``confirmationCurvatureTolerance`` + this × |curvature| (default 0: multiple scattering at low
    /// pT spreads the curvatures of a particle's triplets in proportion to the curvature; the low-pT
    /// pass of ``SeedingPasses/standard`` uses 0.05).
    public var confirmationRelativeTolerance: Double = 0
    /// Weight of each confirming triplet in the seed quality (dimensionless, default 1).
    public var confirmationWeight: Double = 1
    /// Largest number of confirming triplets counted in the quality (default 2).
    public var maxConfirmations: Int = 2
    /// Quality penalty per mm of |d0| (1/mm, default 0.3).
    public var impactWeight: Double = 0.3
    /// Quality penalty per unit of the triplet's cot θ χ², (Δcot θ)²/σ² (default 0.3): among the
    /// many triplets of a middle hit in a dense event, the straightest in r–z rank first.
    public var cotThetaWeight: Double = 0.3
    /// Largest number of seeds kept per middle space point, best quality first (default 3).
    public var maxSeedsPerMiddle: Int = 3
    /// Unconfirmed seeds (no confirming triplet) are kept only with |d0| below this, mm (default 1).
    public var unconfirmedImpactMax: Double = 1
    /// Largest number of unconfirmed seeds kept per middle space point (default 1).
    public var maxUnconfirmedSeedsPerMiddle: Int = 1
    /// Scale of the space-point errors, which are pitch/√12 along each module axis (default 1).
    public var measurementErrorScale: Double = 1
    /// Initial standard deviation of the local positions of the seed state, mm (default 1: the first
    /// Kalman update with the bottom hit fixes them).
    public var initialSigmaLocal: Double = 1
    /// Initial standard deviation of φ of the seed state, rad (default 0.02).
    public var initialSigmaPhi: Double = 0.02
    /// Initial standard deviation of θ of the seed state, rad (default 0.02).
    public var initialSigmaTheta: Double = 0.02
    /// Initial relative standard deviation of q/p of the seed state (default 0.25).
    public var initialRelativeSigmaQOverP: Double = 0.25
    /// The hits this pass does not seed from, when earlier passes ran (default
    /// ``ExcludedHits/candidates``; the first pass seeds from every hit).
    public var excludedHits: ExcludedHits = .candidates
    /// This pass's value of the CKF's `skip_seed_used_hits` (default nil: the CKF options' value): a
    /// seed is skipped when at least this many of its hits belong to tracks already found.
    public var skipSeedUsedHits: Int? = nil
    /// This pass's value of the CKF's `max_holes` (default nil: the CKF options' value).
    public var maxHoles: Int? = nil
    /// This pass's value of the CKF's `max_consecutive_holes` (default nil: the CKF options' value).
    public var maxConsecutiveHoles: Int? = nil

    /// The defaults documented on each field.
    public init() {}

    /// The defaults with another minimum pT (GeV).
    public init(minPt: Double) {
        self.minPt = minPt
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case seedingVolumes = "seeding_volumes", middleVolumes = "middle_volumes", minPt = "min_pt"
        case collisionRegionZ = "collision_region_z"
        case impactMax = "impact_max", cotThetaMax = "cot_theta_max", cotThetaSigmas = "cot_theta_sigmas"
        case scatteringRadiationLength = "scattering_radiation_length", gridPhiBins = "grid_phi_bins"
        case gridZBinWidth = "grid_z_bin_width", gridRBinWidth = "grid_r_bin_width"
        case maxSkippedLayers = "max_skipped_layers", layerLinkTolerance = "layer_link_tolerance"
        case layerLinkEtaMax = "layer_link_eta_max"
        case confirmationCurvatureTolerance = "confirmation_curvature_tolerance"
        case confirmationRelativeTolerance = "confirmation_relative_tolerance"
        case confirmationWeight = "confirmation_weight", maxConfirmations = "max_confirmations"
        case impactWeight = "impact_weight", cotThetaWeight = "cot_theta_weight", maxSeedsPerMiddle = "max_seeds_per_middle"
        case unconfirmedImpactMax = "unconfirmed_impact_max"
        case maxUnconfirmedSeedsPerMiddle = "max_unconfirmed_seeds_per_middle"
        case measurementErrorScale = "measurement_error_scale", initialSigmaLocal = "initial_sigma_local"
        case initialSigmaPhi = "initial_sigma_phi", initialSigmaTheta = "initial_sigma_theta"
        case initialRelativeSigmaQOverP = "initial_relative_sigma_qop", excludedHits = "excluded_hits"
        case skipSeedUsedHits = "skip_seed_used_hits", maxHoles = "max_holes", maxConsecutiveHoles = "max_consecutive_holes"
    }

    /// Decodes a JSON object; missing fields take their defaults, unknown fields are an error.
    public init(from decoder: Decoder) throws {
        try UnknownKeyCheck.check(decoder, known: CodingKeys.allCases.map(\.rawValue), type: "seeding config")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func get<T: Decodable>(_ key: CodingKeys, _ value: inout T) throws {
            if let v = try c.decodeIfPresent(T.self, forKey: key) { value = v }
        }
        try get(.seedingVolumes, &seedingVolumes); try get(.minPt, &minPt)
        middleVolumes = try c.decodeIfPresent([Int32].self, forKey: .middleVolumes)
        try get(.collisionRegionZ, &collisionRegionZ); try get(.impactMax, &impactMax)
        try get(.cotThetaMax, &cotThetaMax); try get(.cotThetaSigmas, &cotThetaSigmas)
        try get(.scatteringRadiationLength, &scatteringRadiationLength); try get(.gridPhiBins, &gridPhiBins)
        try get(.gridZBinWidth, &gridZBinWidth); try get(.gridRBinWidth, &gridRBinWidth)
        try get(.maxSkippedLayers, &maxSkippedLayers); try get(.layerLinkTolerance, &layerLinkTolerance)
        try get(.layerLinkEtaMax, &layerLinkEtaMax)
        try get(.confirmationCurvatureTolerance, &confirmationCurvatureTolerance)
        try get(.confirmationRelativeTolerance, &confirmationRelativeTolerance)
        try get(.confirmationWeight, &confirmationWeight); try get(.maxConfirmations, &maxConfirmations)
        try get(.impactWeight, &impactWeight); try get(.cotThetaWeight, &cotThetaWeight)
        try get(.maxSeedsPerMiddle, &maxSeedsPerMiddle)
        try get(.unconfirmedImpactMax, &unconfirmedImpactMax)
        try get(.maxUnconfirmedSeedsPerMiddle, &maxUnconfirmedSeedsPerMiddle)
        try get(.measurementErrorScale, &measurementErrorScale); try get(.initialSigmaLocal, &initialSigmaLocal)
        try get(.initialSigmaPhi, &initialSigmaPhi); try get(.initialSigmaTheta, &initialSigmaTheta)
        try get(.initialRelativeSigmaQOverP, &initialRelativeSigmaQOverP)
        if let mode = try c.decodeChoiceIfPresent(ExcludedHits.self, forKey: .excludedHits) { excludedHits = mode }
        skipSeedUsedHits = try c.decodeIfPresent(Int.self, forKey: .skipSeedUsedHits)
        maxHoles = try c.decodeIfPresent(Int.self, forKey: .maxHoles)
        maxConsecutiveHoles = try c.decodeIfPresent(Int.self, forKey: .maxConsecutiveHoles)
    }

    /// Checks every field's range.
    ///
    /// - Throws: ``SeedingError/invalidConfig(field:reason:)`` naming the JSON key at fault.
    public func validate() throws {
        func positive(_ v: Double, _ k: CodingKeys) throws {
            guard v > 0, v.isFinite else { throw SeedingError.invalidConfig(field: k.rawValue, reason: "\(v) must be a positive finite number") }
        }
        func nonNegative(_ v: Double, _ k: CodingKeys) throws {
            guard v >= 0, v.isFinite else { throw SeedingError.invalidConfig(field: k.rawValue, reason: "\(v) must be a finite number ≥ 0") }
        }
        func atLeast(_ v: Int, _ lo: Int, _ k: CodingKeys) throws {
            guard v >= lo else { throw SeedingError.invalidConfig(field: k.rawValue, reason: "\(v) must be ≥ \(lo)") }
        }
        guard !seedingVolumes.isEmpty else {
            throw SeedingError.invalidConfig(field: CodingKeys.seedingVolumes.rawValue, reason: "at least one volume is needed")
        }
        if let middles = middleVolumes {
            guard !middles.isEmpty else {
                throw SeedingError.invalidConfig(field: CodingKeys.middleVolumes.rawValue, reason: "at least one volume is needed")
            }
            for v in middles where !seedingVolumes.contains(v) {
                throw SeedingError.invalidConfig(field: CodingKeys.middleVolumes.rawValue,
                                                 reason: "volume \(v) is not one of the seeding volumes \(seedingVolumes)")
            }
        }
        try positive(minPt, .minPt); try positive(collisionRegionZ, .collisionRegionZ)
        try positive(impactMax, .impactMax); try positive(cotThetaMax, .cotThetaMax)
        try positive(cotThetaSigmas, .cotThetaSigmas); try positive(scatteringRadiationLength, .scatteringRadiationLength)
        try atLeast(gridPhiBins, 1, .gridPhiBins)
        guard gridPhiBins <= 100_000 else { throw SeedingError.invalidConfig(field: CodingKeys.gridPhiBins.rawValue, reason: "\(gridPhiBins) must be ≤ 100000") }
        try positive(gridZBinWidth, .gridZBinWidth); try positive(gridRBinWidth, .gridRBinWidth)
        try atLeast(maxSkippedLayers, 0, .maxSkippedLayers); try nonNegative(layerLinkTolerance, .layerLinkTolerance)
        try positive(layerLinkEtaMax, .layerLinkEtaMax)
        try nonNegative(confirmationCurvatureTolerance, .confirmationCurvatureTolerance)
        try nonNegative(confirmationRelativeTolerance, .confirmationRelativeTolerance)
        try nonNegative(confirmationWeight, .confirmationWeight); try atLeast(maxConfirmations, 0, .maxConfirmations)
        try nonNegative(impactWeight, .impactWeight); try nonNegative(cotThetaWeight, .cotThetaWeight)
        try atLeast(maxSeedsPerMiddle, 1, .maxSeedsPerMiddle)
        try nonNegative(unconfirmedImpactMax, .unconfirmedImpactMax)
        try atLeast(maxUnconfirmedSeedsPerMiddle, 0, .maxUnconfirmedSeedsPerMiddle)
        try positive(measurementErrorScale, .measurementErrorScale); try positive(initialSigmaLocal, .initialSigmaLocal)
        try positive(initialSigmaPhi, .initialSigmaPhi); try positive(initialSigmaTheta, .initialSigmaTheta)
        try positive(initialRelativeSigmaQOverP, .initialRelativeSigmaQOverP)
        if let skip = skipSeedUsedHits { try atLeast(skip, 1, .skipSeedUsedHits) }
        if let holes = maxHoles { try atLeast(holes, 0, .maxHoles) }
        if let holes = maxConsecutiveHoles { try atLeast(holes, 0, .maxConsecutiveHoles) }
    }
}
