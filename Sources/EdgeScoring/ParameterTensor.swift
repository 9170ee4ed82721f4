/// One named tensor of a network's flat parameter vector.
///
/// Weights of a linear layer are stored `[inputs, outputs]` row-major (`y = x · W + b`; the
/// transpose of torch's `nn.Linear.weight`).
public struct ParameterTensor: Equatable, Sendable {
    /// Slash-separated name, e.g. `step3/edge_net/layer0/weight`.
    public let name: String
    /// The tensor's shape.
    public let shape: [Int]
    /// Where its elements start in the flat parameter vector.
    public let offset: Int

    /// The number of elements.
    public var count: Int { shape.reduce(1, *) }
    /// The elements' range in the flat parameter vector.
    public var range: Range<Int> { offset ..< offset + count }
}
