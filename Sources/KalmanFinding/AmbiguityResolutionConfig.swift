import Seeding

/// The settings of the greedy ambiguity resolution (ACTS's `GreedyAmbiguityResolution`).
///
/// Loaded at the edges from the `ambiguity` object of `Seeds/<detector>/ckf.json` (snake_case keys;
/// missing fields take the defaults documented here).
public struct AmbiguityResolutionConfig: Codable, Sendable, Equatable {
    /// Tracks keep being removed while some track shares more hits than this with others (default 1).
    public var maximumSharedHits: Int = 1
    /// After the greedy removal each hit goes to its best track only; a track left with fewer hits
    /// than this is dropped (default 5, the CKF's minimum length of a clean track).
    public var minHitsAfterSharing: Int = 5
    /// Largest number of removal iterations (default 100000).
    public var maximumIterations: Int = 100_000
    /// Quality lost per hole, in units of one measurement (default 0.5).
    public var holePenalty: Double = 0.5
    /// Quality lost per unit of χ²/ndf, in units of one measurement (default 0.5).
    public var chi2Penalty: Double = 0.5

    /// The defaults documented on each field.
    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case maximumSharedHits = "maximum_shared_hits", minHitsAfterSharing = "min_hits_after_sharing"
        case maximumIterations = "maximum_iterations", holePenalty = "hole_penalty", chi2Penalty = "chi2_penalty"
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
    }
}
