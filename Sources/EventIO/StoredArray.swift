/// One named N-dimensional array of an ``ArrayStore``: a shape and row-major values.
public struct StoredArray: Equatable, Sendable {
    /// The element values of a stored array, by element type.
    public enum Values: Equatable, Sendable {
        case float([Float])
        case int32([Int32])
        case int64([Int64])
        case uint64([UInt64])

        /// The number of elements.
        public var count: Int {
            switch self {
            case let .float(v): return v.count
            case let .int32(v): return v.count
            case let .int64(v): return v.count
            case let .uint64(v): return v.count
            }
        }

        /// The element type's name, for messages.
        public var typeName: String {
            switch self {
            case .float: return "float32"
            case .int32: return "int32"
            case .int64: return "int64"
            case .uint64: return "uint64"
            }
        }
    }

    /// Extent of each dimension (at least one dimension).
    public var shape: [Int]
    /// The elements, row-major (`shape.reduce(1, *)` of them).
    public var values: Values

    /// An array of `shape` holding `values`.
    ///
    /// - Precondition: `shape` is non-empty, non-negative and its product is `values.count`.
    public init(shape: [Int], values: Values) {
        precondition(!shape.isEmpty && shape.allSatisfy { $0 >= 0 } && shape.reduce(1, *) == values.count,
                     "StoredArray: shape \(shape) does not hold \(values.count) values")
        self.shape = shape; self.values = values
    }

    /// A one-dimensional float array.
    public init(_ values: [Float]) { self.init(shape: [values.count], values: .float(values)) }
    /// A one-dimensional int32 array.
    public init(_ values: [Int32]) { self.init(shape: [values.count], values: .int32(values)) }
    /// A one-dimensional int64 array.
    public init(_ values: [Int64]) { self.init(shape: [values.count], values: .int64(values)) }
    /// A one-dimensional uint64 array.
    public init(_ values: [UInt64]) { self.init(shape: [values.count], values: .uint64(values)) }
}
