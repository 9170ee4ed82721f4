import EdgeScoring
import Foundation
import GeometryShim
import HitGraph
import Testing
import WeftTestSupport

@Suite struct InteractionNetworkTests {
    static func config(hidden: Int = 6, steps: Int = 2) throws -> InteractionNetworkConfig {
        try InteractionNetworkConfig(nodeFeatures: ["n0", "n1", "n2"], edgeFeatures: ["e0", "e1"], hidden: hidden,
                                     mlpLayers: 2, classifierLayers: 2, steps: steps)
    }

    @Test func permutingEdgesPermutesScores() throws {
        let net = InteractionNetwork(config: try Self.config(), seed: 3)
        let graph = GraphFixtures.random(nodes: 30, edges: 80, nodeColumns: 3, edgeColumns: 2, seed: 4)
        var rng = SplitMix64(seed: 8)
        let order = Array(0 ..< graph.edgeCount).shuffled(using: &rng)
        let permuted = graph.keepingEdges(order)
        let ws = InteractionNetworkWorkspace()
        let a = try net.scores(for: graph, workspace: ws), b = try net.scores(for: permuted, workspace: ws)
        // Sums over a node's edges run in another order: equal up to float rounding.
        for (k, e) in order.enumerated() { #expect(abs(a[e] - b[k]) <= 1e-5) }
    }

    @Test func relabellingNodesLeavesScoresUnchanged() throws {
        let net = InteractionNetwork(config: try Self.config(), seed: 3)
        let graph = GraphFixtures.random(nodes: 30, edges: 80, nodeColumns: 3, edgeColumns: 2, seed: 4)
        var rng = SplitMix64(seed: 9)
        let newIndex = Array(0 ..< graph.nodeCount).shuffled(using: &rng)   // old node i → newIndex[i]
        var features = [Float](repeating: 0, count: graph.nodeFeatures.values.count)
        for i in 0 ..< graph.nodeCount {
            for j in 0 ..< 3 { features[newIndex[i] * 3 + j] = graph.nodeFeatures[i, j] }
        }
        let relabelled = try EventGraph(nodeCount: graph.nodeCount, source: graph.source.map { Int32(newIndex[Int($0)]) },
                                        target: graph.target.map { Int32(newIndex[Int($0)]) },
                                        nodeFeatures: FeatureMatrix(rows: graph.nodeCount, columns: 3, values: features),
                                        edgeFeatures: graph.edgeFeatures, nodeFeatureNames: graph.nodeFeatureNames,
                                        edgeFeatureNames: graph.edgeFeatureNames)
        let ws = InteractionNetworkWorkspace()
        let a = try net.scores(for: graph, workspace: ws), b = try net.scores(for: relabelled, workspace: ws)
        for (x, y) in zip(a, b) { #expect(abs(x - y) <= 1e-5) }
    }

    @Test func reversingEveryEdgeChangesScores() throws {
        // The network is directed: incoming and outgoing messages are separate inputs.
        let net = InteractionNetwork(config: try Self.config(), seed: 3)
        let graph = GraphFixtures.random(nodes: 20, edges: 50, nodeColumns: 3, edgeColumns: 2, seed: 4)
        let reversed = try EventGraph(nodeCount: graph.nodeCount, source: graph.target, target: graph.source,
                                      nodeFeatures: graph.nodeFeatures, edgeFeatures: graph.edgeFeatures,
                                      nodeFeatureNames: graph.nodeFeatureNames, edgeFeatureNames: graph.edgeFeatureNames)
        let ws = InteractionNetworkWorkspace()
        #expect(try net.scores(for: graph, workspace: ws) != net.scores(for: reversed, workspace: ws))
    }

    @Test func workspaceReuseGivesFreshResults() throws {
        let net = InteractionNetwork(config: try Self.config(), seed: 5)
        let big = GraphFixtures.random(nodes: 200, edges: 900, nodeColumns: 3, edgeColumns: 2, seed: 1)
        let small = GraphFixtures.random(nodes: 12, edges: 20, nodeColumns: 3, edgeColumns: 2, seed: 2)
        let shared = InteractionNetworkWorkspace()
        _ = try net.scores(for: big, workspace: shared)
        let reused = try net.scores(for: small, workspace: shared)
        let fresh = try net.scores(for: small, workspace: InteractionNetworkWorkspace())
        #expect(reused == fresh)
        let bytes = shared.bytesHeld
        _ = try net.scores(for: small, workspace: shared)
        #expect(shared.bytesHeld == bytes, "a smaller graph must not reallocate")
    }

    @Test func identicalForOneAndTwoThreads() throws {
        // Large enough for every parallel path: 20 000 edges > the 8 192-row gradient chunks and the
        // 16 k-element row chunks.
        let net = InteractionNetwork(config: try Self.config(hidden: 8), seed: 7)
        let graph = GraphFixtures.random(nodes: 3000, edges: 20000, nodeColumns: 3, edgeColumns: 2, seed: 6)
        let labels = GraphFixtures.labels(graph.edgeCount, fraction: 0.2, seed: 1)
        let loss = try EdgeLoss(positiveWeight: 2)
        func run(threads: Int32) throws -> ([Float], [Float]) {
            #expect(weft_shim_set_max_threads(threads) == WEFT_SHIM_OK)
            defer { _ = weft_shim_set_max_threads(0) }
            let ws = InteractionNetworkWorkspace()
            return (try net.logits(for: graph, workspace: ws),
                    try net.lossAndGradient(for: graph, labels: labels, loss: loss, workspace: ws).gradient)
        }
        let one = try run(threads: 1), two = try run(threads: 2)
        #expect(one.0 == two.0)
        #expect(one.1 == two.1)
    }

    @Test func directionalDerivativeOnALargeGraph() throws {
        // The chunked reductions (more than one chunk of rows) against a finite difference of the
        // float loss along a random direction: d/dt L(θ + t·v) = ∇L · v.
        var net = InteractionNetwork(config: try Self.config(hidden: 8), seed: 17)
        let graph = GraphFixtures.random(nodes: 2500, edges: 18000, nodeColumns: 3, edgeColumns: 2, seed: 12)
        let labels = GraphFixtures.labels(graph.edgeCount, fraction: 0.3, seed: 2)
        let loss = try EdgeLoss(positiveWeight: 1.5)
        let ws = InteractionNetworkWorkspace()
        let (_, gradient) = try net.lossAndGradient(for: graph, labels: labels, loss: loss, workspace: ws)
        var rng = SplitMix64(seed: 4)
        // A unit direction: the step t·v then moves the parameters by t in L2 norm.
        let raw = (0 ..< net.parameterCount).map { _ in rng.gaussian() }
        let length = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let direction = raw.map { Float($0 / length) }
        let analytic = zip(gradient, direction).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        let base = net.parameters, t: Float = 3e-3
        net.setParameters(zip(base, direction).map { $0 + t * $1 })
        let up = try net.loss(for: graph, labels: labels, loss: loss, workspace: ws)
        net.setParameters(zip(base, direction).map { $0 - t * $1 })
        let down = try net.loss(for: graph, labels: labels, loss: loss, workspace: ws)
        let numeric = (up - down) / Double(2 * t)
        #expect(abs(analytic - numeric) <= 0.02 * abs(numeric), "analytic \(analytic) vs numeric \(numeric)")
    }

    @Test func graphWithoutEdgesHasNoScores() throws {
        let net = InteractionNetwork(config: try Self.config(), seed: 1)
        let graph = try EventGraph(nodeCount: 4, source: [], target: [], nodeFeatures: FeatureMatrix(zeros: 4, columns: 3),
                                   edgeFeatures: FeatureMatrix(zeros: 0, columns: 2), nodeFeatureNames: ["n0", "n1", "n2"],
                                   edgeFeatureNames: ["e0", "e1"])
        #expect(try net.scores(for: graph, workspace: InteractionNetworkWorkspace()).isEmpty)
    }

    @Test func wrongFeaturesAreRejected() throws {
        let net = InteractionNetwork(config: try Self.config(), seed: 1)
        let graph = GraphFixtures.random(nodes: 5, edges: 6, nodeColumns: 3, edgeColumns: 3, seed: 1)
        #expect(throws: EdgeScoringError.featureMismatch(kind: "edge", expected: ["e0", "e1"], found: ["e0", "e1", "e2"])) {
            try net.scores(for: graph, workspace: InteractionNetworkWorkspace())
        }
    }

    @Test func sameSeedSameParameters() throws {
        let a = InteractionNetwork(config: try Self.config(), seed: 42), b = InteractionNetwork(config: try Self.config(), seed: 42)
        let c = InteractionNetwork(config: try Self.config(), seed: 43)
        #expect(a.parameters == b.parameters)
        #expect(a.parameters != c.parameters)
    }

    @Test func storedTensorsRoundTrip() throws {
        let net = InteractionNetwork(config: try Self.config(), seed: 42)
        let loaded = try InteractionNetwork(config: net.config, tensors: net.storedTensors)
        #expect(loaded.parameters == net.parameters)
        #expect(loaded.normalization == net.normalization)
    }

    @Test func missingOrMisshapenTensorsAreClearErrors() throws {
        let net = InteractionNetwork(config: try Self.config(), seed: 42)
        var missing = net.storedTensors
        missing["step1/edge_net/layer0/weight"] = nil
        #expect(throws: EdgeScoringError.missingTensor(name: "step1/edge_net/layer0/weight")) {
            try InteractionNetwork(config: net.config, tensors: missing)
        }
        var misshapen = net.storedTensors
        misshapen["classifier/layer1/weight"] = ([6, 2], [Float](repeating: 0, count: 12))
        #expect(throws: EdgeScoringError.shapeMismatch(name: "classifier/layer1/weight", expected: [6, 1], found: [6, 2])) {
            try InteractionNetwork(config: net.config, tensors: misshapen)
        }
        // A model with more steps than the configuration says.
        let deeper = InteractionNetwork(config: try Self.config(steps: 3), seed: 42)
        #expect(throws: EdgeScoringError.unexpectedTensor(name: "step2/edge_net/layer0/bias")) {
            try InteractionNetwork(config: net.config, tensors: deeper.storedTensors)
        }
        var poisoned = net.storedTensors
        poisoned["node_encoder/layer0/bias"]!.values[1] = .nan
        #expect(throws: EdgeScoringError.nonFiniteParameter(name: "node_encoder/layer0/bias", index: 1)) {
            try InteractionNetwork(config: net.config, tensors: poisoned)
        }
    }

    @Test func invalidConfigurationsAreRejected() {
        #expect(throws: EdgeScoringError.self) { try InteractionNetworkConfig(nodeFeatures: [], edgeFeatures: ["e"]) }
        #expect(throws: EdgeScoringError.self) { try InteractionNetworkConfig(nodeFeatures: ["n"], edgeFeatures: ["e"], hidden: 0) }
        #expect(throws: EdgeScoringError.self) { try InteractionNetworkConfig(nodeFeatures: ["n"], edgeFeatures: ["e"], steps: -1) }
        #expect(throws: EdgeScoringError.self) { try EdgeLoss(positiveWeight: 0) }
        #expect(throws: EdgeScoringError.self) { try TrainingConfig(learningRateDecay: 1.5) }
    }

    @Test func configDecodesWithDefaults() throws {
        let json = #"{"node_features": ["r"], "edge_features": ["dphi"], "steps": 4}"#
        let config = try JSONDecoder().decode(InteractionNetworkConfig.self, from: Data(json.utf8))
        #expect(config.steps == 4 && config.hidden == 32 && config.layerNorm)
        let bad = #"{"node_features": ["r"], "edge_features": ["dphi"], "hidden": -3}"#
        #expect(throws: EdgeScoringError.self) { try JSONDecoder().decode(InteractionNetworkConfig.self, from: Data(bad.utf8)) }
    }
}
