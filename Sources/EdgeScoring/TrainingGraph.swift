import HitGraph

/// One graph with its edge labels: a training or validation example.
public struct TrainingGraph: Sendable {
    /// The graph.
    public let graph: EventGraph
    /// Whether each edge is true (`graph.edgeCount` entries).
    public let labels: [Bool]
    /// An optional weight per edge (≥ 0), multiplying the loss weight.
    public let weights: [Float]?

    /// A labelled graph.
    ///
    /// - Throws: ``EdgeScoringError/invalidTrainingData(reason:)`` when the label or weight count is
    ///   not the edge count, or a weight is negative or not finite.
    public init(graph: EventGraph, labels: [Bool], weights: [Float]? = nil) throws {
        guard labels.count == graph.edgeCount else {
            throw EdgeScoringError.invalidTrainingData(reason: "\(labels.count) labels for \(graph.edgeCount) edges")
        }
        if let weights {
            guard weights.count == graph.edgeCount, weights.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
                throw EdgeScoringError.invalidTrainingData(reason: "edge weights must be \(graph.edgeCount) finite non-negative numbers")
            }
        }
        self.graph = graph; self.labels = labels; self.weights = weights
    }

    /// The number of true edges.
    public var trueCount: Int { labels.reduce(0) { $0 + ($1 ? 1 : 0) } }
}
