/// A directed hit graph of one event, ready for edge scoring: one node per hit of the event (node `i`
/// is hit row `i`; hits without edges are isolated nodes), directed edges `source[e] → target[e]`
/// from the inner to the outer hit, and features per node and per edge.
///
/// Feature columns are named (``nodeFeatureNames``, ``edgeFeatureNames``) so that a trained model can
/// check that it is applied to the features it was trained on.
public struct EventGraph: Equatable, Sendable {
    /// The number of nodes (hits of the event).
    public let nodeCount: Int
    /// The inner hit of each edge (node index), `edgeCount` entries.
    public let source: [Int32]
    /// The outer hit of each edge (node index), `edgeCount` entries.
    public let target: [Int32]
    /// Node features, `nodeCount × nodeFeatureNames.count`.
    public let nodeFeatures: FeatureMatrix
    /// Edge features, `edgeCount × edgeFeatureNames.count`.
    public let edgeFeatures: FeatureMatrix
    /// The name of each node-feature column.
    public let nodeFeatureNames: [String]
    /// The name of each edge-feature column.
    public let edgeFeatureNames: [String]

    /// The number of edges.
    @inlinable public var edgeCount: Int { source.count }

    /// A graph from its parts, validated.
    ///
    /// - Throws: ``HitGraphError/invalidGraph(reason:)`` when lengths disagree, an edge names a node
    ///   outside `0 ..< nodeCount`, or a feature is NaN or infinite.
    /// - Complexity: O(nodes · node features + edges · edge features).
    public init(nodeCount: Int, source: [Int32], target: [Int32], nodeFeatures: FeatureMatrix,
                edgeFeatures: FeatureMatrix, nodeFeatureNames: [String], edgeFeatureNames: [String]) throws {
        guard nodeCount >= 0, nodeCount <= Int(Int32.max) else {
            throw HitGraphError.invalidGraph(reason: "node count \(nodeCount) out of range")
        }
        guard source.count == target.count else {
            throw HitGraphError.invalidGraph(reason: "\(source.count) edge sources but \(target.count) targets")
        }
        guard nodeFeatures.rows == nodeCount, nodeFeatures.columns == nodeFeatureNames.count else {
            throw HitGraphError.invalidGraph(reason: "node features are \(nodeFeatures.rows) × \(nodeFeatures.columns), "
                                             + "expected \(nodeCount) × \(nodeFeatureNames.count)")
        }
        guard edgeFeatures.rows == source.count, edgeFeatures.columns == edgeFeatureNames.count else {
            throw HitGraphError.invalidGraph(reason: "edge features are \(edgeFeatures.rows) × \(edgeFeatures.columns), "
                                             + "expected \(source.count) × \(edgeFeatureNames.count)")
        }
        for e in source.indices {
            let a = source[e], b = target[e]
            guard a >= 0, Int(a) < nodeCount, b >= 0, Int(b) < nodeCount else {
                throw HitGraphError.invalidGraph(reason: "edge \(e) (\(a) → \(b)) names a node outside 0..<\(nodeCount)")
            }
        }
        if let bad = nodeFeatures.values.firstIndex(where: { !$0.isFinite }) {
            let column = nodeFeatureNames[bad % max(1, nodeFeatures.columns)]
            throw HitGraphError.invalidGraph(reason: "node \(bad / max(1, nodeFeatures.columns)) feature '\(column)' is \(nodeFeatures.values[bad])")
        }
        if let bad = edgeFeatures.values.firstIndex(where: { !$0.isFinite }) {
            let column = edgeFeatureNames[bad % max(1, edgeFeatures.columns)]
            throw HitGraphError.invalidGraph(reason: "edge \(bad / max(1, edgeFeatures.columns)) feature '\(column)' is \(edgeFeatures.values[bad])")
        }
        self.nodeCount = nodeCount; self.source = source; self.target = target
        self.nodeFeatures = nodeFeatures; self.edgeFeatures = edgeFeatures
        self.nodeFeatureNames = nodeFeatureNames; self.edgeFeatureNames = edgeFeatureNames
    }

    /// The graph restricted to the edges listed in `edges` (in that order); nodes and node features
    /// are kept whole.
    public func keepingEdges(_ edges: [Int]) -> EventGraph {
        // Indices come from this graph, so the result is valid by construction.
        try! EventGraph(nodeCount: nodeCount, source: edges.map { source[$0] }, target: edges.map { target[$0] },
                        nodeFeatures: nodeFeatures, edgeFeatures: edgeFeatures.selecting(rows: edges),
                        nodeFeatureNames: nodeFeatureNames, edgeFeatureNames: edgeFeatureNames)
    }
}
