import HitGraph

/// Raw views of a graph's edge lists for the kernels (valid only inside ``with(_:_:_:)``).
struct GraphPointers {
    let nodes: Int, edges: Int
    let source: UnsafePointer<Int32>, target: UnsafePointer<Int32>
    let inOffsets: UnsafePointer<Int32>, inEdges: UnsafePointer<Int32>
    let outOffsets: UnsafePointer<Int32>, outEdges: UnsafePointer<Int32>

    /// Calls `body` with pointers to `graph`'s edges and `topology`'s lists.
    ///
    /// - Precondition: the graph has at least one edge and `topology` was built from it.
    static func with<R>(_ graph: EventGraph, _ topology: GraphTopology, _ body: (GraphPointers) -> R) -> R {
        graph.source.withUnsafeBufferPointer { sb in
            graph.target.withUnsafeBufferPointer { tb in
                topology.inOffsets.withUnsafeBufferPointer { inOff in
                    topology.inEdges.withUnsafeBufferPointer { inEdg in
                        topology.outOffsets.withUnsafeBufferPointer { outOff in
                            topology.outEdges.withUnsafeBufferPointer { outEdg in
                                body(GraphPointers(nodes: graph.nodeCount, edges: graph.edgeCount,
                                                   source: sb.baseAddress!, target: tb.baseAddress!,
                                                   inOffsets: inOff.baseAddress!, inEdges: inEdg.baseAddress!,
                                                   outOffsets: outOff.baseAddress!, outEdges: outEdg.baseAddress!))
                            }
                        }
                    }
                }
            }
        }
    }
}
