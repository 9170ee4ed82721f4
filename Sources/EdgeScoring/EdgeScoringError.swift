/// Errors configuring, loading, applying or training an edge-scoring network.
public enum EdgeScoringError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration field is out of its allowed range.
    case invalidConfig(field: String, reason: String)
    /// A stored model lacks a parameter tensor.
    case missingTensor(name: String)
    /// A stored parameter tensor has another shape than the configuration implies.
    case shapeMismatch(name: String, expected: [Int], found: [Int])
    /// A stored tensor is not part of this configuration (a model of another architecture).
    case unexpectedTensor(name: String)
    /// A stored parameter is NaN or infinite.
    case nonFiniteParameter(name: String, index: Int)
    /// The graph's feature columns are not the ones the network was built for.
    case featureMismatch(kind: String, expected: [String], found: [String])
    /// Training input is unusable (no graphs, labels of the wrong length …).
    case invalidTrainingData(reason: String)
    /// Training diverged: the loss or a gradient became NaN or infinite.
    case diverged(epoch: Int, batch: Int)

    public var description: String {
        switch self {
        case let .invalidConfig(field, reason):
            return "invalid network configuration: \(field): \(reason)"
        case let .missingTensor(name):
            return "the model has no parameter tensor '\(name)'"
        case let .shapeMismatch(name, expected, found):
            return "parameter tensor '\(name)' has shape \(found), the configuration needs \(expected)"
        case let .unexpectedTensor(name):
            return "parameter tensor '\(name)' is not part of this network configuration"
        case let .nonFiniteParameter(name, index):
            return "parameter tensor '\(name)' element \(index) is not a finite number"
        case let .featureMismatch(kind, expected, found):
            return "the graph's \(kind) features \(found) are not the ones the network was trained on \(expected)"
        case let .invalidTrainingData(reason):
            return "invalid training data: \(reason)"
        case let .diverged(epoch, batch):
            return "training diverged (non-finite loss or gradient) at epoch \(epoch), batch \(batch)"
        }
    }
}
