import HitGraph
import WeftTestSupport

/// Small random graphs for the network tests.
enum GraphFixtures {
    /// A random graph with `nodes` nodes and `edges` edges (no self loops; node 0 has several incoming
    /// and outgoing edges, the last node is isolated), Gaussian features.
    static func random(nodes: Int, edges: Int, nodeColumns: Int, edgeColumns: Int, seed: UInt64) -> EventGraph {
        var rng = SplitMix64(seed: seed)
        var source: [Int32] = [], target: [Int32] = []
        let connected = max(2, nodes - 1)
        for e in 0 ..< edges {
            var a: Int32, b: Int32
            switch e {
            case 0: (a, b) = (0, 1)
            case 1: (a, b) = (0, 2 % Int32(connected))
            case 2: (a, b) = (1 % Int32(connected), 0)
            default:
                a = Int32(rng.next() % UInt64(connected))
                b = Int32(rng.next() % UInt64(connected))
                if a == b { b = (b + 1) % Int32(connected) }
            }
            source.append(a); target.append(b)
        }
        func gaussians(_ n: Int) -> [Float] { (0 ..< n).map { _ in Float(rng.gaussian()) } }
        return try! EventGraph(nodeCount: nodes, source: source, target: target,
                               nodeFeatures: FeatureMatrix(rows: nodes, columns: nodeColumns, values: gaussians(nodes * nodeColumns)),
                               edgeFeatures: FeatureMatrix(rows: edges, columns: edgeColumns, values: gaussians(edges * edgeColumns)),
                               nodeFeatureNames: (0 ..< nodeColumns).map { "n\($0)" },
                               edgeFeatureNames: (0 ..< edgeColumns).map { "e\($0)" })
    }

    /// Random labels with roughly `fraction` true.
    static func labels(_ count: Int, fraction: Double, seed: UInt64) -> [Bool] {
        var rng = SplitMix64(seed: seed)
        return (0 ..< count).map { _ in rng.uniform() < fraction }
    }
}
