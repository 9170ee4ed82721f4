import HitGraph

/// Per-column standardisation of the network's inputs, `(value − mean) / scale`, fitted on the
/// training graphs and stored with the model (not trained by gradient descent).
public struct InputNormalization: Equatable, Sendable {
    /// Mean of each node-feature column, in the feature's own unit.
    public var nodeMean: [Float]
    /// Standard deviation of each node-feature column (1 where the column is constant).
    public var nodeScale: [Float]
    /// Mean of each edge-feature column.
    public var edgeMean: [Float]
    /// Standard deviation of each edge-feature column (1 where the column is constant).
    public var edgeScale: [Float]

    /// The identity transform for `nodeColumns` node and `edgeColumns` edge features.
    public init(nodeColumns: Int, edgeColumns: Int) {
        nodeMean = Array(repeating: 0, count: nodeColumns); nodeScale = Array(repeating: 1, count: nodeColumns)
        edgeMean = Array(repeating: 0, count: edgeColumns); edgeScale = Array(repeating: 1, count: edgeColumns)
    }

    /// An explicit transform.
    public init(nodeMean: [Float], nodeScale: [Float], edgeMean: [Float], edgeScale: [Float]) {
        self.nodeMean = nodeMean; self.nodeScale = nodeScale; self.edgeMean = edgeMean; self.edgeScale = edgeScale
    }

    /// Means and standard deviations over every node and every edge of `graphs` (accumulated in
    /// double). A column whose standard deviation is below 1e-12 gets scale 1.
    ///
    /// - Precondition: the graphs share their feature columns.
    public init(fitting graphs: [EventGraph]) {
        let nodeColumns = graphs.first?.nodeFeatures.columns ?? 0
        let edgeColumns = graphs.first?.edgeFeatures.columns ?? 0
        func moments(_ matrices: [FeatureMatrix], columns: Int) -> ([Float], [Float]) {
            var sum = [Double](repeating: 0, count: columns), rows = 0
            for m in matrices {
                precondition(m.columns == columns, "graphs with different feature columns")
                for i in 0 ..< m.rows { for j in 0 ..< columns { sum[j] += Double(m.values[i * columns + j]) } }
                rows += m.rows
            }
            let mean = sum.map { rows > 0 ? $0 / Double(rows) : 0 }
            var squares = [Double](repeating: 0, count: columns)
            for m in matrices {
                for i in 0 ..< m.rows {
                    for j in 0 ..< columns { let d = Double(m.values[i * columns + j]) - mean[j]; squares[j] += d * d }
                }
            }
            let std = squares.map { rows > 1 ? ($0 / Double(rows)).squareRoot() : 0 }
            return (mean.map(Float.init), std.map { $0 > 1e-12 ? Float($0) : 1 })
        }
        (nodeMean, nodeScale) = moments(graphs.map(\.nodeFeatures), columns: nodeColumns)
        (edgeMean, edgeScale) = moments(graphs.map(\.edgeFeatures), columns: edgeColumns)
    }
}
