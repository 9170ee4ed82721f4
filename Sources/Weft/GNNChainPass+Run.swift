import EdgeScoring
import EventData
import HitGraph
import TrackBuilding

extension GNNChainPass {
    /// Runs the pass over `hits`: graph construction, edge scoring (with the model's rescoring),
    /// track building and the leftover rounds, each stage timed on `clock` with `suffix` appended.
    func run(hits: Hits, cells: Cells?, scratch: GNNChainScratch, clock: StageClock, suffix: String) throws -> GNNPassOutput {
        let built = try clock.time("graph construction" + suffix) { try graphBuilder.run(hits: hits, cells: cells, scratch: scratch.graph) }
        let graph = built.graph
        let scored = try clock.time("edge scoring" + suffix) { try score(graph, workspace: scratch.network) }
        let result = try clock.time("track building" + suffix) {
            try trackBuilder.run(nodeCount: graph.nodeCount, source: scored.edges.map { graph.source[$0] },
                                 target: scored.edges.map { graph.target[$0] }, scores: scored.scores, hits: hits, scratch: scratch.building)
        }
        var output = GNNPassOutput(built: built, scores: scored.all, tracks: result.tracks, building: result.statistics,
                                   rescoring: rescoring == .scoreOnce ? nil : RescoringSummary(keptEdges: scored.edges.count))
        if rescoring.leftoverRounds > 0 {
            try clock.time("leftover rounds" + suffix) {
                var edges = scored.edges, scores = scored.scores, made = 0
                for _ in 0 ..< rescoring.leftoverRounds {
                    (edges, scores, made) = try leftoverRound(graph: graph, edges: edges, scores: scores, tracks: &output.tracks,
                                                              hits: hits, scratch: scratch)
                    output.rescoring?.leftoverEdges.append(edges.count)
                    output.rescoring?.leftoverTracks.append(made)
                }
            }
        }
        return output
    }

    /// The scores of `graph`'s edges and, with a prune cut, those of the edges at or above it scored
    /// again — over the graph of those edges and the hits they join only.
    ///
    /// - Returns: the edges the tracks are built from (all, or those kept) with their scores, and the
    ///   final score of every edge of `graph`.
    func score(_ graph: EventGraph, workspace: InteractionNetworkWorkspace) throws -> (edges: [Int], scores: [Float], all: [Float]) {
        let first = try model.network.scores(for: graph, workspace: workspace)
        guard let cut = rescoring.pruneCut else { return (Array(0 ..< graph.edgeCount), first, first) }
        let kept = first.indices.filter { first[$0] >= cut }
        let again = try model.network.scores(for: graph.subgraph(edges: kept).graph, workspace: workspace)
        var all = first
        for (k, e) in kept.enumerated() { all[e] = again[k] }
        return (kept, again, all)
    }

    /// One leftover round: those of `edges` (indices into `graph`, whose node i is hit i; with
    /// `scores` at or above the prune cut, if any) that join two hits no track of `tracks` holds are
    /// scored again, over the graph of those edges and the hits they join, and built into tracks over
    /// the free hits; the tracks are added to `tracks`.
    ///
    /// - Returns: the round's edges (indices into `graph`), their new scores and the number of tracks built.
    private func leftoverRound(graph: EventGraph, edges: [Int], scores: [Float], tracks: inout Tracks, hits: Hits,
                               scratch: GNNChainScratch) throws -> (edges: [Int], scores: [Float], tracks: Int) {
        let free = tracks.freeRows(hitCount: hits.count)
        var position = [Int32](repeating: -1, count: hits.count)
        for (i, row) in free.enumerated() { position[Int(row)] = Int32(i) }
        let cut = rescoring.pruneCut ?? 0
        let round = edges.indices.filter {
            scores[$0] >= cut && position[Int(graph.source[edges[$0]])] >= 0 && position[Int(graph.target[edges[$0]])] >= 0
        }.map { edges[$0] }
        let again = try model.network.scores(for: graph.subgraph(edges: round).graph, workspace: scratch.network)
        let built = try trackBuilder.run(nodeCount: free.count, source: round.map { position[Int(graph.source[$0])] },
                                         target: round.map { position[Int(graph.target[$0])] }, scores: again,
                                         hits: hits.selecting(rows: free), scratch: scratch.building)
        for t in 0 ..< built.tracks.count { tracks.append(hits: built.tracks.hits(of: t).map { free[Int($0)] }) }
        return (round, again, built.tracks.count)
    }
}
