import EdgeScoring
import EventData
import HitGraph
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns simulated events into labelled training graphs: the event's module-map graph, its edges
/// labelled from truth (``HitGraph/EdgeTruth``: consecutive hits of one particle), split into φ
/// sectors by the azimuth of each edge's inner hit so that a recorded forward pass fits in memory.
public enum GNNTrainingData {
    /// The training graphs of one event.
    ///
    /// - Parameters:
    ///   - sectors: number of φ sectors (≥ 1); each sector keeps its edges and the nodes they touch.
    ///   - signalPt: true edges of particles below this pT (GeV) get loss weight `lowPtWeight` (the
    ///     others weight 1): the module map is built for pT above ≈ 0.5 GeV, and below it the graph
    ///     holds only fragments of tracks, whose labels would teach the network little that matters.
    ///   - lowPtWeight: the loss weight of those edges (1 = no special treatment).
    ///   - highPt: true edges of particles at or above this pT (GeV) get loss weight `highPtWeight`
    ///     (0 = no such class).
    ///   - highPtWeight: the loss weight of those edges.
    ///   - after: a first pass whose tracks' hits are taken out first (for the model of a later pass,
    ///     which sees only the hits the earlier pass left; see ``GNNChain/lowPtPass``). Give it as the
    ///     chain runs it before a later pass (``GNNChainPass/followed(detector:moduleMap:model:building:rescoring:)``).
    /// - Throws: ``HitGraph/HitGraphError`` when the event has no truth or its hits do not fit the
    ///   detector, and the errors of `after`'s graph construction and scoring.
    public static func samples(event whole: Event, builder: GraphBuilder, sectors: Int, signalPt: Float = 0, lowPtWeight: Float = 1,
                               highPt: Float = 0, highPtWeight: Float = 1, after earlier: GNNChainPass? = nil, scratch: GraphBuilderScratch)
        throws -> (samples: [TrainingGraph], statistics: GraphStatistics, truePairs: Int, trueEdges: Int) {
        guard whole.truth != nil else {
            throw HitGraphError.invalidEvent(reason: "event \(whole.eventID) has no truth to label its edges")
        }
        var event = whole
        if let earlier {
            let taken = try earlier.run(hits: whole.hits, cells: whole.cells, scratch: GNNChainScratch(), clock: StageClock(), suffix: "").tracks
            event = whole.selecting(rows: taken.freeRows(hitCount: whole.hits.count))
        }
        let truth = event.truth!
        let built = try builder.run(hits: event.hits, cells: event.cells, scratch: scratch)
        let graph = built.graph
        let truthLabels = EdgeTruth(graph: graph, order: TruthOrder(truth: truth, particles: event.particles))
        var bySector = [[Int]](repeating: [], count: max(1, sectors))
        for e in 0 ..< graph.edgeCount {
            let h = Int(graph.source[e])
            let phi = atan2f(event.hits.y[h], event.hits.x[h])
            let s = min(bySector.count - 1, Int((phi + .pi) / (2 * .pi) * Float(bySector.count)))
            bySector[max(0, s)].append(e)
        }
        // High-pT particles are a small minority of the true edges but carry the
        // physics and the largest TrackML hit weights; in dense pile-up their straight segments share
        // hits with many soft candidates, and an unweighted loss lets the network trade them away.
        let weights = truthLabels.lossWeights(signalPt: signalPt, lowPtWeight: lowPtWeight, highPt: highPt, highPtWeight: highPtWeight)
        var samples: [TrainingGraph] = []
        for edges in bySector where !edges.isEmpty {
            let sub = bySector.count == 1 ? (graph, []) : graph.subgraph(edges: edges)
            let labels = bySector.count == 1 ? truthLabels.labels : edges.map { truthLabels.labels[$0] }
            let w = weights.map { all in bySector.count == 1 ? all : edges.map { all[$0] } }
            samples.append(try TrainingGraph(graph: sub.0, labels: labels, weights: w))
        }
        return (samples, built.statistics, truthLabels.existingPairs, truthLabels.labels.reduce(0) { $0 + ($1 ? 1 : 0) })
    }
}
