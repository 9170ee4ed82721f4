/// The outcome of ``EdgeClassifierTrainer/train(_:training:validation:progress:)``.
public struct TrainingResult: Sendable {
    /// The network after the best epoch (lowest validation loss; the last epoch without validation).
    public let network: InteractionNetwork
    /// Per-epoch figures.
    public let history: [EpochSummary]
    /// The epoch whose parameters ``network`` holds (from 1).
    public let bestEpoch: Int
    /// Whether training stopped before the configured number of epochs (patience ran out).
    public let stoppedEarly: Bool
}
