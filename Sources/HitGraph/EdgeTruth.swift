/// Truth labels of graph edges: an edge is true when both hits belong to one particle and are
/// consecutive along it in flight order (``TruthOrder``; DESIGN §4 "consecutive hits"), in either
/// direction.
public struct EdgeTruth: Sendable {
    /// Whether each edge is true.
    public let labels: [Bool]
    /// The pT (GeV) of the particle of each true edge; 0 for false edges.
    public let pT: [Float]
    /// The number of true hit pairs that exist (the edge-efficiency denominator), over all particles.
    public let existingPairs: Int

    /// Labels the edges of `graph` using `order`.
    ///
    /// - Precondition: `order` was made from the truth of the hits the graph was built on.
    public init(graph: EventGraph, order: TruthOrder) {
        var particle = [Int32](repeating: -1, count: graph.nodeCount)
        var position = [Int32](repeating: 0, count: graph.nodeCount)
        var pairs = 0
        for p in 0 ..< order.count {
            let along = order.hits(of: p)
            pairs += max(0, along.count - 1)
            for (k, h) in along.enumerated() where Int(h) < graph.nodeCount {
                particle[Int(h)] = Int32(p); position[Int(h)] = Int32(k)
            }
        }
        var labels = [Bool](repeating: false, count: graph.edgeCount), pT = [Float](repeating: 0, count: graph.edgeCount)
        for e in 0 ..< graph.edgeCount {
            let a = Int(graph.source[e]), b = Int(graph.target[e])
            let pa = particle[a]
            if pa >= 0, pa == particle[b], abs(position[a] - position[b]) == 1 {
                labels[e] = true; pT[e] = order.pT[Int(pa)]
            }
        }
        self.labels = labels; self.pT = pT; existingPairs = pairs
    }
}
