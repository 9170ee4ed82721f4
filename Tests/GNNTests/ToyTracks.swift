import EdgeScoring
import Foundation
import HitGraph
import WeftTestSupport

/// A toy tracking problem for the training tests: `tracks` curved lines crossing `layers` cylinders;
/// every hit of a layer connects to the hits of the next layer within a φ window; an edge is true
/// when both hits belong to one track.
enum ToyTracks {
    static func graph(tracks: Int, layers: Int = 5, seed: UInt64) -> TrainingGraph {
        var rng = SplitMix64(seed: seed)
        var r: [Float] = [], phi: [Float] = [], track: [Int] = [], layerOf: [Int] = []
        for t in 0 ..< tracks {
            let phi0 = Float(rng.uniform() * 2 * Double.pi - Double.pi)
            let curvature = Float(rng.gaussian() * 0.01)
            for l in 0 ..< layers {
                let radius = Float(l + 1)
                r.append(radius); phi.append(phi0 + curvature * radius + Float(rng.gaussian() * 0.002))
                track.append(t); layerOf.append(l)
            }
        }
        var source: [Int32] = [], target: [Int32] = [], labels: [Bool] = []
        var edgeFeatures = FeatureMatrix(columns: 2)
        for a in r.indices {
            for b in r.indices where layerOf[b] == layerOf[a] + 1 {
                var d = phi[b] - phi[a]
                if d > .pi { d -= 2 * .pi } else if d < -.pi { d += 2 * .pi }
                guard abs(d) < 0.4 else { continue }
                source.append(Int32(a)); target.append(Int32(b)); labels.append(track[a] == track[b])
                edgeFeatures.append(row: [d, r[b] - r[a]])
            }
        }
        var nodeFeatures = FeatureMatrix(columns: 3)
        for i in r.indices { nodeFeatures.append(row: [r[i], cos(phi[i]), sin(phi[i])]) }
        let graph = try! EventGraph(nodeCount: r.count, source: source, target: target, nodeFeatures: nodeFeatures,
                                    edgeFeatures: edgeFeatures, nodeFeatureNames: ["r", "cos_phi", "sin_phi"],
                                    edgeFeatureNames: ["dphi", "dr"])
        return try! TrainingGraph(graph: graph, labels: labels)
    }
}
