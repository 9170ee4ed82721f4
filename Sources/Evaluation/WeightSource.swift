/// Where the TrackML hit weights come from.
public enum WeightSource: String, Codable, Sendable, CaseIterable {
    /// The `weight` column of the truth table (real TrackML files ship the challenge's weights).
    case truth
    /// Recomputed from truth and particles with ``TrackMLWeights``.
    case recomputed
}
