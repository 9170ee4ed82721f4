/// The figures of one training epoch.
public struct EpochSummary: Codable, Equatable, Sendable {
    /// Epoch number, from 1.
    public var epoch: Int
    /// The Adam step size used.
    public var learningRate: Float
    /// Mean training loss over the epoch's edges (parameters changing during the epoch).
    public var trainingLoss: Double
    /// Mean loss over the validation edges after the epoch (nil without validation graphs).
    public var validationLoss: Double?
    /// Validation metrics at the configured cut (nil without validation graphs).
    public var validation: EdgeClassificationMetrics?
    /// Wall-clock seconds of the epoch (training and validation).
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case epoch, learningRate = "learning_rate", trainingLoss = "training_loss"
        case validationLoss = "validation_loss", validation, seconds
    }
}
