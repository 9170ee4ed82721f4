import EdgeScoring
import Foundation
import HitGraph

/// An independent double-precision Interaction Network, written the obvious way (explicit
/// concatenations, no gathered projections, no workspace), that reads the parameters of an
/// ``InteractionNetwork`` by tensor name. It is the reference for the forward pass and, through
/// central finite differences in double precision, for the gradients.
struct ReferenceNetwork {
    let config: InteractionNetworkConfig
    var tensors: [String: [Double]]

    init(_ network: InteractionNetwork) {
        config = network.config
        tensors = network.storedTensors.mapValues { $0.values.map(Double.init) }
    }

    typealias Matrix = [[Double]]

    func layer(_ name: String, _ x: Matrix, plain: Bool) -> Matrix {
        let w = tensors["\(name)/weight"]!, b = tensors["\(name)/bias"]!
        let outputs = b.count, inputs = w.count / outputs
        let scale = tensors["\(name)/norm_scale"], shift = tensors["\(name)/norm_shift"]
        return x.map { row in
            precondition(row.count == inputs)
            var z = (0 ..< outputs).map { j in (0 ..< inputs).reduce(b[j]) { $0 + row[$1] * w[$1 * outputs + j] } }
            if let scale, let shift {
                let mean = z.reduce(0, +) / Double(outputs)
                let variance = z.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(outputs)
                let r = 1 / (variance + Double(config.normEpsilon)).squareRoot()
                z = (0 ..< outputs).map { (z[$0] - mean) * r * scale[$0] + shift[$0] }
            }
            return plain ? z : z.map { max($0, 0) }
        }
    }

    func mlp(_ prefix: String, _ x: Matrix, layers: Int, plainLast: Bool = false) -> Matrix {
        var y = x
        for l in 0 ..< layers { y = layer("\(prefix)/layer\(l)", y, plain: plainLast && l == layers - 1) }
        return y
    }

    func logits(_ g: EventGraph) -> [Double] {
        let n = g.nodeCount, m = g.edgeCount
        let nm = tensors["normalization/node_mean"]!, ns = tensors["normalization/node_scale"]!
        let em = tensors["normalization/edge_mean"]!, es = tensors["normalization/edge_scale"]!
        let xin: Matrix = (0 ..< n).map { i in (0 ..< g.nodeFeatures.columns).map { (Double(g.nodeFeatures[i, $0]) - nm[$0]) / ns[$0] } }
        let ein: Matrix = (0 ..< m).map { i in (0 ..< g.edgeFeatures.columns).map { (Double(g.edgeFeatures[i, $0]) - em[$0]) / es[$0] } }
        var x = mlp("node_encoder", xin, layers: config.mlpLayers)
        var e = mlp("edge_encoder", ein, layers: config.mlpLayers)
        let h = config.hidden
        for k in 0 ..< config.steps {
            let prefix = config.sharedStepWeights ? "shared_step" : "step\(k)"
            var incoming = Matrix(repeating: [Double](repeating: 0, count: h), count: n), outgoing = incoming
            for j in 0 ..< m {
                let s = Int(g.source[j]), t = Int(g.target[j])
                for c in 0 ..< h { incoming[t][c] += e[j][c]; outgoing[s][c] += e[j][c] }
            }
            let dx = mlp("\(prefix)/node_net", (0 ..< n).map { x[$0] + incoming[$0] + outgoing[$0] }, layers: config.mlpLayers)
            x = (0 ..< n).map { i in (0 ..< h).map { x[i][$0] + dx[i][$0] } }
            let de = mlp("\(prefix)/edge_net", (0 ..< m).map { e[$0] + x[Int(g.source[$0])] + x[Int(g.target[$0])] },
                         layers: config.mlpLayers)
            e = (0 ..< m).map { j in (0 ..< h).map { e[j][$0] + de[j][$0] } }
        }
        let out = mlp("classifier", (0 ..< m).map { e[$0] + x[Int(g.source[$0])] + x[Int(g.target[$0])] },
                      layers: config.classifierLayers, plainLast: true)
        return out.map { $0[0] }
    }

    /// The mean weighted binary cross-entropy, as ``EdgeLoss``.
    func loss(_ g: EventGraph, labels: [Bool], positiveWeight: Double) -> Double {
        let z = logits(g)
        var total = 0.0
        for (j, value) in z.enumerated() {
            let y = labels[j] ? 1.0 : 0.0, w = labels[j] ? positiveWeight : 1
            total += w * (max(value, 0) - value * y + log1p(exp(-abs(value))))
        }
        return total / Double(z.count)
    }
}
