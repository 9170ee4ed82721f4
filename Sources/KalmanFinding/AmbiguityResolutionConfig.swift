import Seeding

/// The settings of the greedy ambiguity resolution (ACTS's `GreedyAmbiguityResolution`).
///
/// Loaded at the edges from the `ambiguity` object of `Seeds/<detector>/ckf.json` (snake_case keys;
/// missing fields take the defaults documented here).
public struct AmbiguityResolutionConfig: Codable, Sendable, Equatable {
    /// Tracks keep being removed while some track shares more hits than this with others (default 4).
    /// Fewer shared hits are left to the unique assignment, which gives them to the better track:
    /// at μ = 200 a true low-pT candidate often picked up 2–4 hits of a neighbour, and removing it
    /// whole lost it (the shared hits then count as missing in ``TrackQualitySelection``). 4 rather
    /// than 3: +0.005 TrackML score for +0.05–0.08 points of fake rate; 5 and 6 gain 0.003 more each
    /// for +0.2 and +0.5 points (5 μ = 200 events of seeds 31 and 1).
    public var maximumSharedHits: Int = 4
    /// In the track-quality cuts after the unique assignment, a hit the track lost to a better track
    /// counts as this many holes (default 0.5, rounded up over the lost hits). A true soft track
    /// that crossed a denser track lends it a few hits; counting each as a full hole dropped it
    /// (1 until 2026-11-30; 0.5: +0.0015 TrackML score at +0.04 points of fakes, 0: +0.004 at
    /// +0.25 points, 5 μ = 200 events of seeds 1 and 31).
    public var lostHitWeight: Double = 0.5
    /// After the greedy removal each hit goes to its best track only; a track left with fewer hits
    /// than this is dropped (default 5, the CKF's minimum length of a clean track).
    public var minHitsAfterSharing: Int = 5
    /// Largest number of removal iterations (default 100000).
    public var maximumIterations: Int = 100_000
    /// Quality lost per hole, in units of one measurement (default 0.5).
    public var holePenalty: Double = 0.5
    /// Quality lost per unit of χ²/ndf, in units of one measurement (default 0.5).
    public var chi2Penalty: Double = 0.5
    /// Track-quality cut (``TrackQualitySelection``): extra measurements a track needs per hole or
    /// outlier, on top of ``minHitsAfterSharing`` (default 1; 0 disables).
    public var hitsPerMissing: Double = 1
    /// Track-quality cut: largest fit χ²/ndf of a track (default 4; true tracks peak at 0.5–1.5).
    public var maxChi2PerNdf: Double = 4
    /// Track-quality cut: a track whose perigee has |z0| above this, mm, needs
    /// ``displacedMinHits`` measurements (default 150: 2.7 σ of the luminous region).
    public var displacedZ0: Double = 150
    /// Track-quality cut: a track whose perigee has |d0| above this, mm, needs
    /// ``displacedMinHits`` measurements (default 1000: off).
    public var displacedD0: Double = 1000
    /// Track-quality cut: measurements needed by a track with a displaced perigee (default 10).
    public var displacedMinHits: Int = 10
    /// Short tracks: a track without holes, outliers or lost hits, with fewer measurements than
    /// ``minHitsAfterSharing`` but at least this many, is kept when it passes the three cuts below
    /// (default 4; particles that interact or leave the pixels early; ≥ ``minHitsAfterSharing`` disables).
    public var shortTrackMinHits: Int = 4
    /// Short tracks: smallest transverse momentum, GeV (default 0.8).
    public var shortTrackMinPt: Double = 0.8
    /// Short tracks: largest |d0|, mm (default 0.3).
    public var shortTrackMaxD0: Double = 0.3
    /// Short tracks: largest fit χ²/ndf (default 1.5).
    public var shortTrackMaxChi2PerNdf: Double = 1.5

    /// The defaults documented on each field.
    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case maximumSharedHits = "maximum_shared_hits", minHitsAfterSharing = "min_hits_after_sharing"
        case maximumIterations = "maximum_iterations", holePenalty = "hole_penalty", chi2Penalty = "chi2_penalty"
        case hitsPerMissing = "hits_per_missing", maxChi2PerNdf = "max_chi2_per_ndf", displacedZ0 = "displaced_z0"
        case displacedD0 = "displaced_d0", displacedMinHits = "displaced_min_hits"
        case shortTrackMinHits = "short_track_min_hits", shortTrackMinPt = "short_track_min_pt"
        case shortTrackMaxD0 = "short_track_max_d0", shortTrackMaxChi2PerNdf = "short_track_max_chi2_per_ndf"
        case lostHitWeight = "lost_hit_weight"
    }

    /// Decodes a JSON object; missing fields take their defaults, unknown fields are an error.
    public init(from decoder: Decoder) throws {
        try UnknownKeyCheck.check(decoder, known: CodingKeys.allCases.map(\.rawValue), type: "ambiguity resolution config")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func get<T: Decodable>(_ key: CodingKeys, _ value: inout T) throws {
            if let v = try c.decodeIfPresent(T.self, forKey: key) { value = v }
        }
        try get(.maximumSharedHits, &maximumSharedHits); try get(.minHitsAfterSharing, &minHitsAfterSharing)
        try get(.maximumIterations, &maximumIterations); try get(.holePenalty, &holePenalty); try get(.chi2Penalty, &chi2Penalty)
        try get(.hitsPerMissing, &hitsPerMissing); try get(.maxChi2PerNdf, &maxChi2PerNdf)
        try get(.displacedZ0, &displacedZ0); try get(.displacedD0, &displacedD0); try get(.displacedMinHits, &displacedMinHits)
        try get(.shortTrackMinHits, &shortTrackMinHits); try get(.shortTrackMinPt, &shortTrackMinPt)
        try get(.shortTrackMaxD0, &shortTrackMaxD0); try get(.shortTrackMaxChi2PerNdf, &shortTrackMaxChi2PerNdf)
        try get(.lostHitWeight, &lostHitWeight)
    }

    /// Checks every field's range.
    ///
    /// - Throws: ``KalmanFindingError/invalidConfig(field:reason:)``.
    public func validate() throws {
        guard maximumSharedHits >= 0 else { throw KalmanFindingError.invalidConfig(field: CodingKeys.maximumSharedHits.rawValue, reason: "\(maximumSharedHits) must be ≥ 0") }
        guard minHitsAfterSharing >= 1 else { throw KalmanFindingError.invalidConfig(field: CodingKeys.minHitsAfterSharing.rawValue, reason: "\(minHitsAfterSharing) must be ≥ 1") }
        guard maximumIterations >= 0 else { throw KalmanFindingError.invalidConfig(field: CodingKeys.maximumIterations.rawValue, reason: "\(maximumIterations) must be ≥ 0") }
        guard holePenalty >= 0, holePenalty.isFinite else { throw KalmanFindingError.invalidConfig(field: CodingKeys.holePenalty.rawValue, reason: "\(holePenalty) must be a finite number ≥ 0") }
        guard chi2Penalty >= 0, chi2Penalty.isFinite else { throw KalmanFindingError.invalidConfig(field: CodingKeys.chi2Penalty.rawValue, reason: "\(chi2Penalty) must be a finite number ≥ 0") }
        guard hitsPerMissing >= 0, hitsPerMissing.isFinite else { throw KalmanFindingError.invalidConfig(field: CodingKeys.hitsPerMissing.rawValue, reason: "\(hitsPerMissing) must be a finite number ≥ 0") }
        guard maxChi2PerNdf > 0 else { throw KalmanFindingError.invalidConfig(field: CodingKeys.maxChi2PerNdf.rawValue, reason: "\(maxChi2PerNdf) must be > 0") }
        guard displacedZ0 >= 0 else { throw KalmanFindingError.invalidConfig(field: CodingKeys.displacedZ0.rawValue, reason: "\(displacedZ0) must be ≥ 0") }
        guard displacedD0 >= 0 else { throw KalmanFindingError.invalidConfig(field: CodingKeys.displacedD0.rawValue, reason: "\(displacedD0) must be ≥ 0") }
        guard shortTrackMinHits >= 3 else { throw KalmanFindingError.invalidConfig(field: CodingKeys.shortTrackMinHits.rawValue, reason: "\(shortTrackMinHits) must be ≥ 3") }
        guard shortTrackMinPt >= 0, shortTrackMinPt.isFinite else { throw KalmanFindingError.invalidConfig(field: CodingKeys.shortTrackMinPt.rawValue, reason: "\(shortTrackMinPt) must be a finite number ≥ 0") }
        guard shortTrackMaxD0 >= 0 else { throw KalmanFindingError.invalidConfig(field: CodingKeys.shortTrackMaxD0.rawValue, reason: "\(shortTrackMaxD0) must be ≥ 0") }
        guard shortTrackMaxChi2PerNdf >= 0 else { throw KalmanFindingError.invalidConfig(field: CodingKeys.shortTrackMaxChi2PerNdf.rawValue, reason: "\(shortTrackMaxChi2PerNdf) must be ≥ 0") }
        guard lostHitWeight >= 0, lostHitWeight.isFinite else { throw KalmanFindingError.invalidConfig(field: CodingKeys.lostHitWeight.rawValue, reason: "\(lostHitWeight) must be a finite number ≥ 0") }
        guard displacedMinHits >= 1 else { throw KalmanFindingError.invalidConfig(field: CodingKeys.displacedMinHits.rawValue, reason: "\(displacedMinHits) must be ≥ 1") }
    }
}
