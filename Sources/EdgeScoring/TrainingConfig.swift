/// How ``EdgeClassifierTrainer`` trains: optimiser, loss, batching, validation and stopping.
/// JSON keys are snake_case; every field has a default.
public struct TrainingConfig: Codable, Equatable, Sendable {
    /// Largest number of passes over the training graphs (default 30).
    public var epochs: Int
    /// Graphs per optimiser step; their edges form one batch and the loss is the mean over them (default 1).
    public var batchSize: Int
    /// Adam step size at epoch 1 (default 1e-3).
    public var learningRate: Float
    /// Factor applied to the learning rate after every epoch (default 0.9).
    public var learningRateDecay: Float
    /// Decoupled (AdamW) weight decay per unit learning rate (default 0).
    public var weightDecay: Float
    /// Largest global L2 norm of a batch gradient, larger ones are scaled down; 0 turns clipping off (default 1).
    public var maxGradientNorm: Float
    /// The loss (positive weight).
    public var loss: EdgeLoss
    /// Epochs without a lower validation loss before training stops; 0 never stops early (default 5).
    public var patience: Int
    /// Score cut of the validation efficiency and purity (default 0.5).
    public var scoreCut: Float
    /// Whether the input standardisation is fitted on the training graphs before training (default true).
    public var fitNormalization: Bool
    /// Seed of the per-epoch shuffling (default 1).
    public var seed: UInt64

    /// A validated configuration.
    ///
    /// - Throws: ``EdgeScoringError/invalidConfig(field:reason:)`` for non-positive epochs, batch size or
    ///   learning rate, a decay outside (0, 1], a negative weight decay, clip norm or patience, or a cut outside [0, 1].
    public init(epochs: Int = 30, batchSize: Int = 1, learningRate: Float = 1e-3, learningRateDecay: Float = 0.9,
                weightDecay: Float = 0, maxGradientNorm: Float = 1, loss: EdgeLoss? = nil, patience: Int = 5,
                scoreCut: Float = 0.5, fitNormalization: Bool = true, seed: UInt64 = 1) throws {
        func bad(_ f: String, _ r: String) -> EdgeScoringError { .invalidConfig(field: f, reason: r) }
        guard epochs >= 1 else { throw bad("epochs", "\(epochs) must be at least 1") }
        guard batchSize >= 1 else { throw bad("batch_size", "\(batchSize) must be at least 1") }
        guard learningRate > 0, learningRate.isFinite else { throw bad("learning_rate", "\(learningRate) must be positive") }
        guard learningRateDecay > 0, learningRateDecay <= 1 else { throw bad("learning_rate_decay", "\(learningRateDecay) is not in (0, 1]") }
        guard weightDecay >= 0, weightDecay.isFinite else { throw bad("weight_decay", "\(weightDecay) must be ≥ 0") }
        guard maxGradientNorm >= 0, maxGradientNorm.isFinite else { throw bad("max_gradient_norm", "\(maxGradientNorm) must be ≥ 0") }
        guard patience >= 0 else { throw bad("patience", "\(patience) must be ≥ 0") }
        guard (0 ... 1).contains(scoreCut) else { throw bad("score_cut", "\(scoreCut) is not in [0, 1]") }
        self.epochs = epochs; self.batchSize = batchSize; self.learningRate = learningRate
        self.learningRateDecay = learningRateDecay; self.weightDecay = weightDecay; self.maxGradientNorm = maxGradientNorm
        self.loss = try loss ?? EdgeLoss(); self.patience = patience; self.scoreCut = scoreCut
        self.fitNormalization = fitNormalization; self.seed = seed
    }

    enum CodingKeys: String, CodingKey {
        case epochs, batchSize = "batch_size", learningRate = "learning_rate", learningRateDecay = "learning_rate_decay"
        case weightDecay = "weight_decay", maxGradientNorm = "max_gradient_norm", loss, patience
        case scoreCut = "score_cut", fitNormalization = "fit_normalization", seed
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(epochs: c.decodeIfPresent(Int.self, forKey: .epochs) ?? 30,
                      batchSize: c.decodeIfPresent(Int.self, forKey: .batchSize) ?? 1,
                      learningRate: c.decodeIfPresent(Float.self, forKey: .learningRate) ?? 1e-3,
                      learningRateDecay: c.decodeIfPresent(Float.self, forKey: .learningRateDecay) ?? 0.9,
                      weightDecay: c.decodeIfPresent(Float.self, forKey: .weightDecay) ?? 0,
                      maxGradientNorm: c.decodeIfPresent(Float.self, forKey: .maxGradientNorm) ?? 1,
                      loss: c.decodeIfPresent(EdgeLoss.self, forKey: .loss),
                      patience: c.decodeIfPresent(Int.self, forKey: .patience) ?? 5,
                      scoreCut: c.decodeIfPresent(Float.self, forKey: .scoreCut) ?? 0.5,
                      fitNormalization: c.decodeIfPresent(Bool.self, forKey: .fitNormalization) ?? true,
                      seed: c.decodeIfPresent(UInt64.self, forKey: .seed) ?? 1)
    }
}
