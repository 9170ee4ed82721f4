extension EventGraph {
    /// The graph made of the edges listed in `edges` (in that order) and only the nodes they touch,
    /// renumbered in increasing order of their original index.
    ///
    /// - Returns: the subgraph and, for each of its nodes, the original node index.
    public func subgraph(edges: [Int]) -> (graph: EventGraph, nodes: [Int32]) {
        var newIndex = [Int32](repeating: -1, count: nodeCount)
        for e in edges { newIndex[Int(source[e])] = 0; newIndex[Int(target[e])] = 0 }
        var nodes: [Int32] = []
        for v in 0 ..< nodeCount where newIndex[v] == 0 {
            newIndex[v] = Int32(nodes.count); nodes.append(Int32(v))
        }
        // Indices come from this graph, so the result is valid by construction.
        let graph = try! EventGraph(nodeCount: nodes.count, source: edges.map { newIndex[Int(source[$0])] },
                                    target: edges.map { newIndex[Int(target[$0])] },
                                    nodeFeatures: nodeFeatures.selecting(rows: nodes), edgeFeatures: edgeFeatures.selecting(rows: edges),
                                    nodeFeatureNames: nodeFeatureNames, edgeFeatureNames: edgeFeatureNames)
        return (graph, nodes)
    }
}
