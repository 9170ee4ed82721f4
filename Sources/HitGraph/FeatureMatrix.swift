/// A dense row-major matrix of `Float` features: one row per node or edge, one column per feature.
///
/// Element `(i, j)` is `values[i * columns + j]`.
public struct FeatureMatrix: Equatable, Sendable {
    /// The number of rows (nodes or edges).
    public private(set) var rows: Int
    /// The number of columns (features per row).
    public let columns: Int
    /// The elements, row after row (`rows × columns`).
    public private(set) var values: [Float]

    /// A matrix from its elements.
    ///
    /// - Precondition: `values.count == rows * columns`, `rows ≥ 0`, `columns ≥ 0`.
    public init(rows: Int, columns: Int, values: [Float]) {
        precondition(rows >= 0 && columns >= 0 && values.count == rows * columns,
                     "FeatureMatrix: \(values.count) values for \(rows) × \(columns)")
        self.rows = rows; self.columns = columns; self.values = values
    }

    /// A matrix of `rows × columns` zeros.
    public init(zeros rows: Int, columns: Int) {
        self.init(rows: rows, columns: columns, values: [Float](repeating: 0, count: rows * columns))
    }

    /// An empty matrix with `columns` columns and room for `capacity` rows.
    public init(columns: Int, reservingRows capacity: Int = 0) {
        rows = 0; self.columns = columns; values = []
        values.reserveCapacity(capacity * columns)
    }

    /// Element `(row, column)`.
    public subscript(row: Int, column: Int) -> Float {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// The elements of row `i`.
    public func row(_ i: Int) -> ArraySlice<Float> { values[i * columns ..< (i + 1) * columns] }

    /// Appends one row.
    ///
    /// - Precondition: `row.count == columns`.
    public mutating func append<C: Collection>(row: C) where C.Element == Float {
        precondition(row.count == columns, "FeatureMatrix: row of \(row.count) values, expected \(columns)")
        values.append(contentsOf: row)
        rows += 1
    }

    /// The rows listed in `indices`, in that order.
    public func selecting<S: Sequence>(rows indices: S) -> FeatureMatrix where S.Element: BinaryInteger {
        var out = FeatureMatrix(columns: columns, reservingRows: 0)
        for i in indices { out.append(row: row(Int(i))) }
        return out
    }

    /// Runs `body` on the elements' buffer.
    @inlinable public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try values.withUnsafeBufferPointer(body)
    }
}
