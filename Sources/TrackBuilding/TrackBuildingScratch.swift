/// Reusable working arrays of ``TrackBuilder``: after the largest event has been seen, runs allocate
/// only their output. Not thread-safe; one per thread.
public final class TrackBuildingScratch {
    var componentParent: [Int32] = [], componentSize: [Int32] = []
    var inDegree: [Int32] = [], outDegree: [Int32] = []
    var componentNodes: [Int32] = [], componentEdges: [Int32] = []
    var next: [Int32] = [], previous: [Int32] = [], nextScore: [Float] = []
    var pathParent: [Int32] = [], pathSize: [Int32] = []
    var kept: [Int32] = [], junctionEdges: [Int32] = []
    var outOffsets: [Int32] = [], outList: [Int32] = []
    var list: [Int32] = []
    var nodes: [Int32] = []
    var grid = HitGrid()
    var picks: [(Int32, Double, Int32)] = []
    var arcs: [(Double, Int32)] = [], assigned: [(Int32, Int32)] = []
    var candidates: [(Double, Int32, Int32)] = []

    public init() {}

    /// Resets every per-node array to `nodes` entries.
    func reset(nodes: Int) {
        func fill<T>(_ a: inout [T], _ v: T) { a.removeAll(keepingCapacity: true); a.append(contentsOf: repeatElement(v, count: nodes)) }
        fill(&componentParent, -1); fill(&componentSize, 1)
        fill(&inDegree, 0); fill(&outDegree, 0); fill(&componentNodes, 0); fill(&componentEdges, 0)
        fill(&next, -1); fill(&previous, -1); fill(&nextScore, 0); fill(&pathParent, -1); fill(&pathSize, 1)
        kept.removeAll(keepingCapacity: true); junctionEdges.removeAll(keepingCapacity: true)
    }
}
