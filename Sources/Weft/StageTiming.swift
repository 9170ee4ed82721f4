/// The wall time of one stage of a reconstruction chain.
public struct StageTiming: Codable, Equatable, Sendable {
    /// The stage (`measurements`, `seeding pass 1`, `ckf pass 1`, …, `ambiguity`).
    public var stage: String
    /// Wall time in seconds.
    public var seconds: Double

    public init(stage: String, seconds: Double) { self.stage = stage; self.seconds = seconds }
}
