/// How the evaluator chooses the TrackML weights.
public enum WeightChoice: String, Codable, Sendable, CaseIterable {
    /// The truth table's weights when they sum to more than 0, recomputed ones otherwise.
    case automatic
    /// Always the truth table's weights.
    case truth
    /// Always recomputed weights (needs the particle table).
    case recomputed
}
