/// What ``EdgeClassifierTrainer`` reports while it runs, for a progress display.
public enum TrainingEvent: Sendable {
    /// A batch finished: its epoch (from 1), index (from 1), the number of batches per epoch and the
    /// mean loss of the epoch so far.
    case batch(epoch: Int, batch: Int, batches: Int, runningLoss: Double)
    /// An epoch finished.
    case epoch(EpochSummary)
}
