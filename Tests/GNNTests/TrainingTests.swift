import EdgeScoring
import Foundation
import HitGraph
import Testing

@Suite struct TrainingTests {
    static func network(seed: UInt64 = 1) throws -> InteractionNetwork {
        let config = try InteractionNetworkConfig(nodeFeatures: ["r", "cos_phi", "sin_phi"], edgeFeatures: ["dphi", "dr"],
                                                  hidden: 8, mlpLayers: 2, classifierLayers: 2, steps: 2)
        return InteractionNetwork(config: config, seed: seed)
    }

    static let training = (0 ..< 16).map { ToyTracks.graph(tracks: 16, seed: UInt64(100 + $0)) }
    static let validation = (0 ..< 4).map { ToyTracks.graph(tracks: 16, seed: UInt64(200 + $0)) }

    @Test func toyTracksAreLearned() throws {
        let config = try TrainingConfig(epochs: 30, batchSize: 1, learningRate: 1e-2, learningRateDecay: 0.93,
                                        loss: EdgeLoss(positiveWeight: 2), patience: 0, seed: 3)
        let trainer = EdgeClassifierTrainer(config: config)
        let untrained = try trainer.evaluate(Self.network(), on: Self.validation)
        var batches = 0
        let result = try trainer.train(Self.network(), training: Self.training, validation: Self.validation) { event in
            if case .batch = event { batches += 1 }
        }
        let last = try #require(result.history.last)
        #expect(batches == 30 * 16)
        #expect(result.history.count == 30)
        #expect(try #require(last.validationLoss) < 0.3 * untrained.loss)
        let metrics = try #require(result.history[result.bestEpoch - 1].validation)
        #expect(metrics.accuracy >= 0.95, "accuracy \(metrics.accuracy)")
        #expect(metrics.efficiency >= 0.9 && metrics.purity >= 0.9, "efficiency \(metrics.efficiency), purity \(metrics.purity)")
        #expect(metrics.auc >= 0.99)
    }

    @Test func trainingIsReproducible() throws {
        let config = try TrainingConfig(epochs: 2, batchSize: 2, learningRate: 5e-3, seed: 9)
        let trainer = EdgeClassifierTrainer(config: config)
        let a = try trainer.train(Self.network(), training: Self.training, validation: Self.validation)
        let b = try trainer.train(Self.network(), training: Self.training, validation: Self.validation)
        #expect(a.network.parameters == b.network.parameters)
        #expect(a.history.map(\.validationLoss) == b.history.map(\.validationLoss))
        let other = EdgeClassifierTrainer(config: try TrainingConfig(epochs: 2, batchSize: 2, learningRate: 5e-3, seed: 10))
        #expect(try other.train(Self.network(), training: Self.training, validation: Self.validation).network.parameters
                != a.network.parameters)
    }

    @Test func earlyStoppingKeepsTheBestEpoch() throws {
        // A learning rate far too large makes the validation loss stop improving quickly.
        let config = try TrainingConfig(epochs: 40, batchSize: 1, learningRate: 0.5, learningRateDecay: 1,
                                        maxGradientNorm: 0, patience: 2, seed: 1)
        let result = try EdgeClassifierTrainer(config: config).train(Self.network(), training: Self.training,
                                                                     validation: Self.validation)
        #expect(result.stoppedEarly)
        #expect(result.history.count == result.bestEpoch + 2)
        let best = result.history.compactMap(\.validationLoss).min()
        #expect(result.history[result.bestEpoch - 1].validationLoss == best)
    }

    @Test func splitIsSeededAndDisjoint() {
        let samples = Self.training
        let (a, b) = EdgeClassifierTrainer.split(samples, validationFraction: 0.34, seed: 5)
        #expect(a.count == 11 && b.count == 5)  // round(0.34 · 16)
        let (c, d) = EdgeClassifierTrainer.split(samples, validationFraction: 0.34, seed: 5)
        #expect(a.map(\.labels) == c.map(\.labels) && b.map(\.labels) == d.map(\.labels))
    }

    @Test func metricsOfAPerfectAndARandomScore() {
        let labels = [true, false, true, false, false]
        let perfect = EdgeClassificationMetrics(scores: [0.9, 0.1, 0.8, 0.2, 0.3], labels: labels, cut: 0.5)
        #expect(perfect.auc == 1 && perfect.efficiency == 1 && perfect.purity == 1 && perfect.accuracy == 1)
        let constant = EdgeClassificationMetrics(scores: [0.5, 0.5, 0.5, 0.5, 0.5], labels: labels, cut: 0.5)
        #expect(constant.auc == 0.5 && constant.efficiency == 0)
    }
}
