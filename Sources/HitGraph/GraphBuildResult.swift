/// The output of ``GraphBuilder``: the graph (node `i` is hit row `i`) and counts.
public struct GraphBuildResult: Sendable {
    /// The graph with its features.
    public var graph: EventGraph
    /// Counts of the construction.
    public var statistics: GraphStatistics
}
