import HitGraph

/// Incoming and outgoing edge lists of every node in compressed-row form, so that sums over a
/// node's edges run per node, in edge order: deterministic and parallel without atomics.
struct GraphTopology {
    /// Edges leaving node `i`: `outEdges[outOffsets[i] ..< outOffsets[i + 1]]`, increasing.
    private(set) var outOffsets: [Int32] = []
    private(set) var outEdges: [Int32] = []
    /// Edges entering node `i`: `inEdges[inOffsets[i] ..< inOffsets[i + 1]]`, increasing.
    private(set) var inOffsets: [Int32] = []
    private(set) var inEdges: [Int32] = []

    /// Rebuilds the lists for `nodeCount` nodes and the edges `source[e] → target[e]`, reusing storage.
    ///
    /// - Complexity: O(nodes + edges) (counting sort).
    mutating func rebuild(nodeCount: Int, source: [Int32], target: [Int32]) {
        Self.fill(nodeCount: nodeCount, keys: source, offsets: &outOffsets, edges: &outEdges)
        Self.fill(nodeCount: nodeCount, keys: target, offsets: &inOffsets, edges: &inEdges)
    }

    private static func fill(nodeCount: Int, keys: [Int32], offsets: inout [Int32], edges: inout [Int32]) {
        offsets.removeAll(keepingCapacity: true)
        offsets.append(contentsOf: repeatElement(0, count: nodeCount + 1))
        for k in keys { offsets[Int(k) + 1] += 1 }
        for i in 0 ..< nodeCount { offsets[i + 1] += offsets[i] }
        edges.removeAll(keepingCapacity: true)
        edges.append(contentsOf: repeatElement(0, count: keys.count))
        var next = offsets
        for (e, k) in keys.enumerated() {
            edges[Int(next[Int(k)])] = Int32(e)
            next[Int(k)] += 1
        }
    }
}
