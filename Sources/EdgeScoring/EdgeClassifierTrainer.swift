import Foundation
import HitGraph

/// Trains an ``InteractionNetwork`` edge classifier with Adam on weighted binary cross-entropy,
/// in mini-batches of graphs, with a validation set, learning-rate decay and early stopping.
///
/// Deterministic: the same network, data and ``TrainingConfig`` (seed included) give the same
/// parameters bit for bit, whatever the thread count.
///
/// Memory: a recorded forward pass keeps about `4 · hidden · (steps · (2·mlpLayers + 1) + 2·mlpLayers
/// + 2·classifierLayers + 6)` bytes per edge (plus a similar amount per node), so graphs are best
/// kept below a few hundred thousand edges (split larger events into sectors).
public struct EdgeClassifierTrainer: Sendable {
    /// The training configuration.
    public let config: TrainingConfig

    public init(config: TrainingConfig) { self.config = config }

    /// Splits `samples` into training and validation sets: a seeded shuffle, then the last
    /// `round(fraction · count)` (at least one when `fraction > 0` and there are two or more) go to validation.
    public static func split(_ samples: [TrainingGraph], validationFraction fraction: Double, seed: UInt64)
        -> (training: [TrainingGraph], validation: [TrainingGraph]) {
        var order = Array(samples.indices)
        var rng = SeededGenerator(seed: seed)
        order.shuffle(using: &rng)
        var n = Int((fraction * Double(samples.count)).rounded())
        if fraction > 0 && samples.count >= 2 { n = max(1, n) }
        n = min(n, samples.count - 1)
        let cut = samples.count - max(0, n)
        return (order[..<cut].map { samples[$0] }, order[cut...].map { samples[$0] })
    }

    /// Trains `network` and returns the best parameters seen.
    ///
    /// - Parameters:
    ///   - training: graphs to learn from (at least one with edges).
    ///   - validation: graphs for the validation loss, metrics and early stopping (may be empty).
    ///   - progress: called after every batch and every epoch, on the calling thread.
    /// - Throws: ``EdgeScoringError/invalidTrainingData(reason:)`` without usable training edges or
    ///   with graphs whose features differ from the network's; ``EdgeScoringError/diverged(epoch:batch:)``.
    public func train(_ network: InteractionNetwork, training: [TrainingGraph], validation: [TrainingGraph],
                      progress: ((TrainingEvent) -> Void)? = nil) throws -> TrainingResult {
        let usable = training.filter { $0.graph.edgeCount > 0 }
        guard !usable.isEmpty else { throw EdgeScoringError.invalidTrainingData(reason: "no training graph has edges") }
        for s in training + validation { try network.validate(s.graph, labels: s.labels, weights: s.weights) }
        var net = network
        if config.fitNormalization { net.setNormalization(InputNormalization(fitting: usable.map(\.graph))) }

        let workspace = InteractionNetworkWorkspace()
        var adam = AdamOptimizer(parameterCount: net.parameterCount, weightDecay: config.weightDecay)
        var gradient = [Float](repeating: 0, count: net.parameterCount)
        var history: [EpochSummary] = []
        var best = (loss: Double.infinity, epoch: 0, network: net)
        var learningRate = config.learningRate
        var sinceBest = 0, stoppedEarly = false
        let batches = (usable.count + config.batchSize - 1) / config.batchSize

        for epoch in 1 ... config.epochs {
            let started = Date()
            var order = Array(usable.indices)
            var rng = SeededGenerator(seed: config.seed &+ UInt64(epoch) &* 0x9E37_79B9)
            order.shuffle(using: &rng)
            var lossSum = 0.0, edgeSum = 0
            for b in 0 ..< batches {
                let members = order[b * config.batchSize ..< min(order.count, (b + 1) * config.batchSize)].map { usable[$0] }
                let edges = members.reduce(0) { $0 + $1.graph.edgeCount }
                let scale = 1 / Float(edges)
                for i in gradient.indices { gradient[i] = 0 }
                var batchLoss = 0.0
                for s in members {
                    batchLoss += gradient.withUnsafeMutableBufferPointer {
                        net.accumulateGradient(s.graph, labels: s.labels, weights: s.weights, loss: config.loss,
                                               scale: scale, gradient: $0.baseAddress!, workspace: workspace)
                    }
                }
                var squares = 0.0
                for g in gradient { squares += Double(g) * Double(g) }
                guard batchLoss.isFinite, squares.isFinite else { throw EdgeScoringError.diverged(epoch: epoch, batch: b + 1) }
                let norm = Float(squares.squareRoot())
                if config.maxGradientNorm > 0 && norm > config.maxGradientNorm {
                    let f = config.maxGradientNorm / norm
                    for i in gradient.indices { gradient[i] *= f }
                }
                var parameters = net.parameters
                adam.step(parameters: &parameters, gradient: gradient, learningRate: learningRate)
                net.setParameters(parameters)
                lossSum += batchLoss; edgeSum += edges
                progress?(.batch(epoch: epoch, batch: b + 1, batches: batches, runningLoss: lossSum / Double(edgeSum)))
            }

            var summary = EpochSummary(epoch: epoch, learningRate: learningRate, trainingLoss: lossSum / Double(max(1, edgeSum)),
                                       validationLoss: nil, validation: nil, seconds: 0)
            if !validation.isEmpty {
                let (loss, metrics) = try evaluate(net, on: validation, workspace: workspace)
                summary.validationLoss = loss; summary.validation = metrics
            }
            summary.seconds = Date().timeIntervalSince(started)
            history.append(summary)
            progress?(.epoch(summary))

            let monitored = summary.validationLoss ?? summary.trainingLoss
            if monitored < best.loss {
                best = (monitored, epoch, net); sinceBest = 0
            } else {
                sinceBest += 1
                if config.patience > 0 && sinceBest >= config.patience && epoch < config.epochs { stoppedEarly = true; break }
            }
            learningRate *= config.learningRateDecay
        }
        return TrainingResult(network: best.network, history: history, bestEpoch: best.epoch, stoppedEarly: stoppedEarly)
    }

    /// Mean loss over the edges of `samples` and the classification metrics at the configured cut.
    public func evaluate(_ network: InteractionNetwork, on samples: [TrainingGraph],
                         workspace: InteractionNetworkWorkspace = InteractionNetworkWorkspace()) throws
        -> (loss: Double, metrics: EdgeClassificationMetrics) {
        var lossSum = 0.0, edges = 0
        var scores: [Float] = [], labels: [Bool] = []
        for s in samples where s.graph.edgeCount > 0 {
            let logits = try network.logits(for: s.graph, workspace: workspace)
            lossSum += logits.withUnsafeBufferPointer {
                config.loss.sum(count: logits.count, logits: $0.baseAddress!, labels: s.labels, weights: s.weights,
                                scale: 0, gradient: nil)
            }
            edges += logits.count
            scores.append(contentsOf: logits.map { 1 / (1 + exp(-$0)) })
            labels.append(contentsOf: s.labels)
        }
        return (lossSum / Double(max(1, edges)), EdgeClassificationMetrics(scores: scores, labels: labels, cut: config.scoreCut))
    }
}
