import Seeding

/// The settings of the track-finding stages after seeding, as stored in `Seeds/<detector>/ckf.json`:
/// `{"finding": {…}, "ambiguity": {…}}`, each object optional (missing objects and fields take their
/// defaults; unknown fields are an error).
public struct TrackFindingConfig: Codable, Sendable, Equatable {
    /// The combinatorial Kalman filter.
    public var finding: CKFOptions
    /// The ambiguity resolution.
    public var ambiguity: AmbiguityResolutionConfig

    /// The defaults of both parts.
    public init(finding: CKFOptions = CKFOptions(), ambiguity: AmbiguityResolutionConfig = AmbiguityResolutionConfig()) {
        self.finding = finding; self.ambiguity = ambiguity
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case finding, ambiguity }

    public init(from decoder: Decoder) throws {
        try UnknownKeyCheck.check(decoder, known: CodingKeys.allCases.map(\.rawValue), type: "track finding config")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        finding = try c.decodeIfPresent(CKFOptions.self, forKey: .finding) ?? CKFOptions()
        ambiguity = try c.decodeIfPresent(AmbiguityResolutionConfig.self, forKey: .ambiguity) ?? AmbiguityResolutionConfig()
    }
}
