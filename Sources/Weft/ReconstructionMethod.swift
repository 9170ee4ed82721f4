/// The track-finding paths a ``ReconstructionEngine`` can run (JSON `"method"`).
public enum ReconstructionMethod: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// Triplet seeding, combinatorial Kalman filter, greedy ambiguity resolution.
    case ckf
    /// Module-map hit graph, Interaction Network edge scoring, track building.
    case gnn

    public var description: String { rawValue }
}
