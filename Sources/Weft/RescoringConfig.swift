/// How a pass of the GNN chain uses its network beyond one scoring of its graph. JSON keys are
/// snake_case; both fields are optional, and a model file without them scores its graph once.
///
/// ```json
/// {"prune_cut": 0.05, "leftover_rounds": 1}
/// ```
///
/// Why scoring twice helps: the network's messages are sums over a hit's edges, and at μ = 200 most
/// of a hit's module-map edges are combinatorial. Once the network has scored them, the edges below
/// a loose cut are almost all false (a true edge rarely scores below 0.05); over the graph of the
/// edges left, the same network sees each hit's few plausible neighbours and separates the true
/// continuation from its rivals far better (measured on 5 μ = 200 events, seed 31: first pass alone
/// 0.616 → 0.624 TrackML score with fakes 1.5 → 0.8 %).
public struct RescoringConfig: Codable, Sendable, Equatable {
    /// Edges scoring below this are removed after the first scoring and the network runs again over
    /// the edges left (dimensionless, in (0, 1)); nil scores once.
    public var pruneCut: Float?
    /// Rounds over the hits the pass's tracks leave: the pass's (pruned) graph restricted to those
    /// hits is scored again and its tracks built with the pass's settings (0 … 4; default 0).
    public var leftoverRounds: Int

    /// - Throws: ``GNNChainError/invalidRescoring(field:reason:)`` for a cut outside (0, 1) or a
    ///   round count outside 0 … 4.
    public init(pruneCut: Float? = nil, leftoverRounds: Int = 0) throws {
        if let cut = pruneCut, !(cut > 0 && cut < 1) {
            throw GNNChainError.invalidRescoring(field: "prune_cut", reason: "\(cut) is not in (0, 1)")
        }
        guard (0 ... 4).contains(leftoverRounds) else {
            throw GNNChainError.invalidRescoring(field: "leftover_rounds", reason: "\(leftoverRounds) is not in 0 … 4")
        }
        self.pruneCut = pruneCut; self.leftoverRounds = leftoverRounds
    }

    /// Scoring once, no leftover round.
    public static let scoreOnce = try! RescoringConfig()

    enum CodingKeys: String, CodingKey {
        case pruneCut = "prune_cut", leftoverRounds = "leftover_rounds"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(pruneCut: c.decodeIfPresent(Float.self, forKey: .pruneCut),
                      leftoverRounds: c.decodeIfPresent(Int.self, forKey: .leftoverRounds) ?? 0)
    }
}
