import Seeding

/// The settings of the greedy ambiguity resolution (ACTS's `GreedyAmbiguityResolution`).
///
/// Loaded at the edges from the `ambiguity` object of `Seeds/<detector>/ckf.json` (snake_case keys;
/// missing fields take the defaults documented here).
public struct AmbiguityResolutionConfig: Codable, Sendable, Equatable {
    /// Tracks keep being removed while some track shares more hits than this with others (default 1).
    /// Fewer shared hits are left to the unique assignment, which gives them to the better track.
    /// With the second chance (``rescueRemovedTracks``) a removed true track keeps its own hits
    /// anyway, so the removal only decides who gets the contested ones: 0 / 1 / 2 / 3 / 4 gave TrackML
    /// score 0.8704 / 0.8709 / 0.8687 / 0.8662 / 0.8637, fake rate 0.97 / 0.90 / 0.84 / 0.83 / 0.89 %
    /// (5 μ = 200 events of seeds 1 and 31, with the five-pass iterative seeding option of
    /// 2026-11-30). Without the second chance 4 was best (3 until 2026-11-30, 4 until the chance came).
    public var maximumSharedHits: Int = 1
    /// In the track-quality cuts after the unique assignment, a hit the track lost to a better track
    /// counts as this many holes (default 0.5, rounded up over the lost hits). A true soft track
    /// that crossed a denser track lends it a few hits; counting each as a full hole dropped it
    /// (1 until 2026-11-30; 0.5: +0.0015 TrackML score at +0.04 points of fakes, 0: +0.004 at
    /// +0.25 points, 5 μ = 200 events of seeds 1 and 31, before the second chance; with it, 0 and
    /// 0.5 score the same and 0 has 0.03 points more fakes).
    public var lostHitWeight: Double = 0.5
    /// After the unique assignment, the tracks the greedy removal took out (and that pass the cuts
    /// with all their hits) get a second chance, best quality first, with the hits no kept track
    /// holds (default true). At μ = 200 four in five true soft tracks lost in the resolution had
    /// been removed for the hits they shared with other candidates, and their own hits then ended up
    /// in no track: with the chance, `maximum_shared_hits` 1 and `max_chi2_per_ndf` 3, TrackML score
    /// +0.02 (5 μ = 200 events of seeds 1 and 31, five-pass seeding: 0.850 → 0.871), fake rate
    /// ±0.1 points.
    public var rescueRemovedTracks: Bool = true
    /// ``lostHitWeight`` of a track that got the second chance (default 0: it already lost its
    /// shared hits to the tracks kept before it; 0.5 gives −0.005 score for −0.15 points of fakes).
    public var rescuedLostHitWeight: Double = 0
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
    /// Track-quality cut: largest fit χ²/ndf of a track (default 3.5; true tracks peak at 0.5–1.5).
    /// On μ = 200 after the resolution, tracks with χ²/ndf of 3–4 were 28 % fakes and held 0.004 of
    /// the TrackML weight. With the five-pass seeding 3 instead of 4 took the fake rate from 1.1 to
    /// 0.9 % for −0.0025 score (2.5 costs 0.007 more for −0.1 points); with the standard three passes,
    /// which leave fewer fakes, 3 / 3.5 / 4 gave 0.8512 / 0.8536 / 0.8542 at 0.65 / 0.73 / 0.83 %
    /// fakes (4 μ = 200 events of seeds 1 and 31; 4 until 2026-11-30). With the five passes of that day,
    /// holes counted per layer and the CKF's χ² cut at 20, 3.5 / 3.75 gave 0.9027 / 0.9037 at 0.83 /
    /// 0.90 % fakes (seeds 31 and 1, 5 events each).
    public var maxChi2PerNdf: Double = 3.5
    /// Track-quality cut: a track whose perigee has |z0| above this, mm, needs
    /// ``displacedMinHits`` measurements (default 150: 2.7 σ of the luminous region).
    public var displacedZ0: Double = 150
    /// Track-quality cut: a track whose perigee has |d0| above this, mm, needs
    /// ``displacedMinHits`` measurements (default 1000: off).
    public var displacedD0: Double = 1000
    /// Track-quality cut: measurements needed by a track with a displaced perigee (default 10).
    public var displacedMinHits: Int = 10
    /// Track-quality cut: a track with a transverse momentum below this, GeV, needs
    /// ``softTrackMinHits`` measurements (default 0.3). On μ = 200 after the resolution, tracks
    /// below 0.3 GeV with fewer than 8 hits were a third fakes (28 % of all fakes) and held 0.003 of
    /// the TrackML weight. 7 hits below 0.3 GeV: TrackML score −0.0007, fake rate 0.94 → 0.80 %;
    /// 8 hits: −0.0025, 0.72 %; 7 below 0.4 GeV: −0.0013, 0.71 % (5 μ = 200 events of seeds 1 and 31).
    public var softTrackPt: Double = 0.3
    /// Track-quality cut: measurements needed by a track below ``softTrackPt`` (default 7).
    public var softTrackMinHits: Int = 7
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
        case lostHitWeight = "lost_hit_weight", rescueRemovedTracks = "rescue_removed_tracks"
        case rescuedLostHitWeight = "rescued_lost_hit_weight", softTrackPt = "soft_track_pt"
        case softTrackMinHits = "soft_track_min_hits"
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
        try get(.lostHitWeight, &lostHitWeight); try get(.rescueRemovedTracks, &rescueRemovedTracks)
        try get(.rescuedLostHitWeight, &rescuedLostHitWeight)
        try get(.softTrackPt, &softTrackPt); try get(.softTrackMinHits, &softTrackMinHits)
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
        guard rescuedLostHitWeight >= 0, rescuedLostHitWeight.isFinite else { throw KalmanFindingError.invalidConfig(field: CodingKeys.rescuedLostHitWeight.rawValue, reason: "\(rescuedLostHitWeight) must be a finite number ≥ 0") }
        guard softTrackPt >= 0, softTrackPt.isFinite else { throw KalmanFindingError.invalidConfig(field: CodingKeys.softTrackPt.rawValue, reason: "\(softTrackPt) must be a finite number ≥ 0") }
        guard softTrackMinHits >= 1 else { throw KalmanFindingError.invalidConfig(field: CodingKeys.softTrackMinHits.rawValue, reason: "\(softTrackMinHits) must be ≥ 1") }
        guard displacedMinHits >= 1 else { throw KalmanFindingError.invalidConfig(field: CodingKeys.displacedMinHits.rawValue, reason: "\(displacedMinHits) must be ≥ 1") }
    }
}
