import EdgeScoring
import Foundation
import GeometryShim
import HitGraph
import Testing

/// Timing of the Interaction Network on μ = 200-sized random graphs (100 k nodes, 1 M edges).
///
/// Not a pass/fail timing assertion (DESIGN §9): it runs only with `WEFT_BENCH=1` and prints medians.
/// Measure in release: `WEFT_BENCH=1 swift test -c release --filter GNNBenchmark`.
@Suite("GNN benchmark", .serialized, .enabled(if: ProcessInfo.processInfo.environment["WEFT_BENCH"] == "1"))
struct GNNBenchmark {
    static func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0 ..< runs {
            let t0 = Date()
            try body()
            times.append(Date().timeIntervalSince(t0))
        }
        return times.sorted()[runs / 2]
    }

    @Test(arguments: [(32, 6), (48, 8), (64, 8)])
    func inference(_ shape: (hidden: Int, steps: Int)) throws {
        let config = try InteractionNetworkConfig(nodeFeatures: ["n0", "n1", "n2", "n3"], edgeFeatures: ["e0", "e1", "e2", "e3", "e4"],
                                                  hidden: shape.hidden, mlpLayers: 2, classifierLayers: 3, steps: shape.steps)
        let net = InteractionNetwork(config: config, seed: 1)
        let graph = GraphFixtures.random(nodes: 100_000, edges: 1_000_000, nodeColumns: 4, edgeColumns: 5, seed: 2)
        let ws = InteractionNetworkWorkspace()
        _ = try net.logits(for: graph, workspace: ws)
        for threads: Int32 in [1, 2] {
            _ = weft_shim_set_max_threads(threads)
            let t = try Self.median(3) { _ = try net.logits(for: graph, workspace: ws) }
            let gflop = 2 * Double(config.multiplyAddsPerEdge) * 1e6 / 1e9
            print(String(format: "GNNBenchmark inference h=%d K=%d threads=%d: %.3f s per 1M edges (%.0f GFLOP nominal, %.1f GFLOP/s), workspace %.0f MB",
                         shape.hidden, shape.steps, threads, t, gflop, gflop / t, Double(ws.bytesHeld) / 1e6))
        }
        _ = weft_shim_set_max_threads(0)
    }

    @Test func trainingStep() throws {
        let config = try InteractionNetworkConfig(nodeFeatures: ["n0", "n1", "n2", "n3"], edgeFeatures: ["e0", "e1", "e2", "e3", "e4"],
                                                  hidden: 32, mlpLayers: 2, classifierLayers: 3, steps: 6)
        let net = InteractionNetwork(config: config, seed: 1)
        let graph = GraphFixtures.random(nodes: 25_000, edges: 250_000, nodeColumns: 4, edgeColumns: 5, seed: 2)
        let labels = GraphFixtures.labels(graph.edgeCount, fraction: 0.1, seed: 3)
        let ws = InteractionNetworkWorkspace()
        let loss = try EdgeLoss(positiveWeight: 2)
        _ = try net.lossAndGradient(for: graph, labels: labels, loss: loss, workspace: ws)
        let forward = try Self.median(3) { _ = try net.logits(for: graph, workspace: ws) }
        let both = try Self.median(3) { _ = try net.lossAndGradient(for: graph, labels: labels, loss: loss, workspace: ws) }
        print(String(format: "GNNBenchmark training h=32 K=6, 250k edges: forward %.3f s, forward+backward %.3f s (ratio %.2f), workspace %.0f MB",
                     forward, both, both / forward, Double(ws.bytesHeld) / 1e6))
    }
}
