import EdgeScoring
import Foundation
import HitGraph
import Testing
import WeftTestSupport

/// The hand-written backpropagation against central finite differences of an independent
/// double-precision forward pass (``ReferenceNetwork``), for every parameter tensor.
///
/// Tolerances: the analytic gradient is computed in float32 (relative rounding ~1e-7 per operation,
/// a few hundred operations deep), the finite differences in float64 with ε = 1e-6 (truncation
/// ~ε², rounding ~1e-16/ε ≈ 1e-10, and a ReLU kink inside ±ε is improbable at this ε). An element
/// passes when |analytic − numeric| ≤ 1e-3·|numeric| + 1e-4·max|numeric|; the whole check also needs
/// ‖analytic − numeric‖ ≤ 1e-4·‖numeric‖.
@Suite struct GradientCheckTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let hidden: Int, mlpLayers: Int, classifierLayers: Int, steps: Int
        let shared: Bool, layerNorm: Bool, positiveWeight: Float
        var testDescription: String {
            "h\(hidden) mlp\(mlpLayers) cls\(classifierLayers) K\(steps)\(shared ? " shared" : "")\(layerNorm ? " LN" : "") pw\(positiveWeight)"
        }
    }

    static let cases: [Case] = [
        Case(hidden: 4, mlpLayers: 2, classifierLayers: 2, steps: 2, shared: false, layerNorm: true, positiveWeight: 1),
        Case(hidden: 3, mlpLayers: 1, classifierLayers: 1, steps: 3, shared: true, layerNorm: false, positiveWeight: 2),
        Case(hidden: 5, mlpLayers: 3, classifierLayers: 3, steps: 1, shared: false, layerNorm: true, positiveWeight: 3),
        // Widths of whole 8-float vectors, and of vectors plus a scalar tail.
        Case(hidden: 8, mlpLayers: 2, classifierLayers: 2, steps: 2, shared: false, layerNorm: true, positiveWeight: 1.5),
        Case(hidden: 12, mlpLayers: 2, classifierLayers: 3, steps: 1, shared: true, layerNorm: true, positiveWeight: 1),
    ]

    static func network(_ c: Case, seed: UInt64) throws -> InteractionNetwork {
        let config = try InteractionNetworkConfig(nodeFeatures: ["n0", "n1", "n2"], edgeFeatures: ["e0", "e1"],
                                                  hidden: c.hidden, mlpLayers: c.mlpLayers, classifierLayers: c.classifierLayers,
                                                  steps: c.steps, sharedStepWeights: c.shared, layerNorm: c.layerNorm)
        var net = InteractionNetwork(config: config, seed: seed)
        // A non-trivial standardisation and layer-norm parameters away from (1, 0).
        net.setNormalization(InputNormalization(nodeMean: [0.1, -0.2, 0.3], nodeScale: [1.5, 0.7, 1.1],
                                                edgeMean: [-0.3, 0.2], edgeScale: [0.9, 1.3]))
        var rng = SplitMix64(seed: seed ^ 0xABCD)
        var p = net.parameters
        for t in net.tensors where t.name.hasSuffix("norm_scale") || t.name.hasSuffix("norm_shift") {
            for i in t.range { p[i] += Float(rng.gaussian() * 0.3) }
        }
        net.setParameters(p)
        return net
    }

    @Test(arguments: cases)
    func forwardMatchesDoubleReference(_ c: Case) throws {
        let net = try Self.network(c, seed: 11)
        let graph = GraphFixtures.random(nodes: 8, edges: 14, nodeColumns: 3, edgeColumns: 2, seed: 5)
        let logits = try net.logits(for: graph, workspace: InteractionNetworkWorkspace())
        let reference = ReferenceNetwork(net).logits(graph)
        for (a, b) in zip(logits, reference) {
            #expect(abs(Double(a) - b) <= 1e-4 * (1 + abs(b)), "float \(a) vs double \(b)")
        }
    }

    @Test(arguments: cases)
    func gradientMatchesFiniteDifferences(_ c: Case) throws {
        let net = try Self.network(c, seed: 21)
        let graph = GraphFixtures.random(nodes: 8, edges: 14, nodeColumns: 3, edgeColumns: 2, seed: 9)
        let labels = GraphFixtures.labels(graph.edgeCount, fraction: 0.4, seed: 3)
        let loss = try EdgeLoss(positiveWeight: c.positiveWeight)
        let (floatLoss, analytic) = try net.lossAndGradient(for: graph, labels: labels, loss: loss,
                                                            workspace: InteractionNetworkWorkspace())
        var reference = ReferenceNetwork(net)
        let pw = Double(c.positiveWeight)
        let referenceLoss = reference.loss(graph, labels: labels, positiveWeight: pw)
        #expect(abs(floatLoss - referenceLoss) <= 1e-5 * (1 + referenceLoss))

        // Up to 6 elements of every tensor (all of small ones), chosen by a fixed generator.
        var rng = SplitMix64(seed: 77)
        var checked: [(name: String, index: Int, analytic: Double, numeric: Double)] = []
        let eps = 1e-6
        for t in net.tensors {
            var picks = Set<Int>()
            if t.count <= 6 { picks = Set(0 ..< t.count) } else { while picks.count < 6 { picks.insert(Int(rng.next() % UInt64(t.count))) } }
            for i in picks.sorted() {
                let saved = reference.tensors[t.name]![i]
                reference.tensors[t.name]![i] = saved + eps
                let up = reference.loss(graph, labels: labels, positiveWeight: pw)
                reference.tensors[t.name]![i] = saved - eps
                let down = reference.loss(graph, labels: labels, positiveWeight: pw)
                reference.tensors[t.name]![i] = saved
                checked.append((t.name, i, Double(analytic[t.offset + i]), (up - down) / (2 * eps)))
            }
        }
        let largest = checked.map { abs($0.numeric) }.max() ?? 0
        #expect(largest > 1e-6, "the gradient should not vanish")
        var diffSquares = 0.0, normSquares = 0.0
        for e in checked {
            let d = abs(e.analytic - e.numeric)
            diffSquares += d * d; normSquares += e.numeric * e.numeric
            #expect(d <= 1e-3 * abs(e.numeric) + 1e-4 * largest,
                    "\(e.name)[\(e.index)]: analytic \(e.analytic) vs numeric \(e.numeric)")
        }
        #expect(diffSquares.squareRoot() <= 1e-4 * normSquares.squareRoot())
        // Every tensor group was visited.
        #expect(Set(checked.map(\.name)) == Set(net.tensors.map(\.name)))
    }
}
