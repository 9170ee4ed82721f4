import EventData
import HitGraph

/// Turns scored graph edges into track candidates: connected components over the edges above the
/// cut (union–find), then a walkthrough of the components that are not already simple chains.
///
/// The walkthrough is a greedy, score-ordered path cover: a component's kept edges are visited from
/// the highest score down, and `u → v` joins the tracks when `u` has no successor yet, `v` no
/// predecessor, and they are not already on one path (no cycles). A junction thus goes to its
/// higher-score branch — for a split at `u` the best outgoing edge, for a merge at `v` the best
/// incoming one — and the losing branch continues as a track of its own if it is long enough. Hits
/// left out between two consecutive track hits are then put back when the graph connects them (see
/// ``TrackBuildingConfig/insertSkippedHits``). Tracks shorter than ``TrackBuildingConfig/minHits``
/// are dropped. Every hit ends up in at most one track.
///
/// Deterministic: ties in score are broken by edge index, paths are emitted by their first hit's index.
public struct TrackBuilder: Sendable {
    /// The settings.
    public let config: TrackBuildingConfig

    public init(config: TrackBuildingConfig) { self.config = config }

    /// Builds tracks from the edges of `graph` and their `scores`; with ``TrackBuildingConfig/minPt``
    /// set, `hits` (the rows the graph's nodes are) give the pT estimate.
    ///
    /// - Throws: ``TrackBuildingError/invalidInput(reason:)`` when there is not one score per edge, or
    ///   a pT cut is configured and `hits` does not have one row per node.
    public func run(graph: EventGraph, scores: [Float], hits: Hits? = nil, scratch: TrackBuildingScratch) throws -> TrackBuildingResult {
        var result = try run(nodeCount: graph.nodeCount, source: graph.source, target: graph.target, scores: scores, scratch: scratch)
        if let minPt = config.minPt {
            guard let hits, hits.count == graph.nodeCount else {
                throw TrackBuildingError.invalidInput(reason: "a pT cut needs the event's hits (one row per graph node)")
            }
            var kept = Tracks()
            var assigned = 0
            for t in 0 ..< result.tracks.count {
                let list = result.tracks.hits(of: t)
                if TrackPtEstimate.pT(list, of: hits, bz: config.fieldBz) >= minPt { kept.append(hits: list); assigned += list.count }
            }
            result.statistics.droppedByPt = result.tracks.count - kept.count
            result.statistics.tracks = kept.count; result.statistics.assignedHits = assigned
            result.tracks = kept
        }
        return result
    }

    /// Builds tracks over `nodeCount` nodes (hit rows) from directed edges `source[e] → target[e]`
    /// with `scores[e]`.
    ///
    /// - Throws: ``TrackBuildingError/invalidInput(reason:)`` when the arrays differ in length or an
    ///   edge names a node outside `0 ..< nodeCount`. A NaN score is never above the cut.
    /// - Complexity: O(N + E) plus O(J log J) for the J edges of junction components.
    public func run(nodeCount: Int, source: [Int32], target: [Int32], scores: [Float],
                    scratch s: TrackBuildingScratch) throws -> TrackBuildingResult {
        guard source.count == target.count, scores.count == source.count else {
            throw TrackBuildingError.invalidInput(reason: "\(source.count) sources, \(target.count) targets, \(scores.count) scores")
        }
        for e in source.indices where !(source[e] >= 0 && Int(source[e]) < nodeCount && target[e] >= 0 && Int(target[e]) < nodeCount) {
            throw TrackBuildingError.invalidInput(reason: "edge \(e) (\(source[e]) → \(target[e])) names a node outside 0..<\(nodeCount)")
        }
        var stats = TrackBuildingStatistics()
        s.reset(nodes: nodeCount)

        // 1. Kept edges and their connected components.
        for e in source.indices where scores[e] > config.scoreCut && source[e] != target[e] {
            let u = source[e], v = target[e]
            s.kept.append(Int32(e))
            s.outDegree[Int(u)] += 1; s.inDegree[Int(v)] += 1
            UnionFind.union(&s.componentParent, &s.componentSize, u, v)
        }
        stats.keptEdges = s.kept.count

        // 2. Classify components: a chain has in- and out-degrees ≤ 1 and one edge fewer than nodes.
        //    componentNodes / componentEdges count per root; a junction is flagged by a negative count.
        for v in 0 ..< nodeCount where s.inDegree[v] + s.outDegree[v] > 0 {
            let r = Int(UnionFind.find(&s.componentParent, Int32(v)))
            if s.componentNodes[r] >= 0 { s.componentNodes[r] += 1 }
            if s.inDegree[v] > 1 || s.outDegree[v] > 1 { s.componentNodes[r] = -1 }
        }
        for e in s.kept {
            let r = Int(UnionFind.find(&s.componentParent, source[Int(e)]))
            s.componentEdges[r] += 1
        }
        for v in 0 ..< nodeCount where s.componentParent[v] < 0 && s.componentEdges[v] > 0 {
            stats.components += 1
            if s.componentNodes[v] >= 0 && s.componentEdges[v] == s.componentNodes[v] - 1 {
                stats.chainComponents += 1
            } else {
                s.componentNodes[v] = -1
                stats.junctionComponents += 1
            }
        }

        // 3. Chains link as they are; junction components' edges wait for the walkthrough.
        for e in s.kept {
            let u = source[Int(e)], v = target[Int(e)]
            let r = Int(UnionFind.find(&s.componentParent, u))
            if s.componentNodes[r] >= 0 {
                s.next[Int(u)] = v; s.previous[Int(v)] = u; s.nextScore[Int(u)] = scores[Int(e)]
            } else {
                s.junctionEdges.append(e)
            }
        }

        // 4. Walkthrough: greedy path cover by decreasing score.
        s.junctionEdges.sort { scores[Int($0)] > scores[Int($1)] || (scores[Int($0)] == scores[Int($1)] && $0 < $1) }
        for e in s.junctionEdges {
            let u = source[Int(e)], v = target[Int(e)]
            guard s.next[Int(u)] < 0, s.previous[Int(v)] < 0,
                  UnionFind.union(&s.pathParent, &s.pathSize, u, v) else { continue }
            s.next[Int(u)] = v; s.previous[Int(v)] = u; s.nextScore[Int(u)] = scores[Int(e)]
        }

        // 5. Put back hits skipped by an edge that jumps over them.
        if config.insertSkippedHits && !s.junctionEdges.isEmpty {
            stats.insertedHits = insertSkippedHits(nodeCount: nodeCount, source: source, target: target, scores: scores, s)
        }

        // 6. Emit paths from their first hit.
        var tracks = Tracks()
        var list: [Int32] = []
        for v in 0 ..< nodeCount where s.previous[v] < 0 && s.next[v] >= 0 {
            list.removeAll(keepingCapacity: true)
            var x = Int32(v)
            while x >= 0 { list.append(x); x = s.next[Int(x)] }
            if list.count >= config.minHits {
                tracks.append(hits: list)
                stats.assignedHits += list.count
            }
        }
        stats.tracks = tracks.count
        return TrackBuildingResult(tracks: tracks, statistics: stats)
    }

    /// For every linked pair `u → w`, inserts the unassigned hit `v` with kept edges `u → v` and
    /// `v → w` of the highest min(score(u → v), score(v → w)) (ties: the smaller `v`). Returns the
    /// number of hits inserted.
    private func insertSkippedHits(nodeCount: Int, source: [Int32], target: [Int32], scores: [Float],
                                   _ s: TrackBuildingScratch) -> Int {
        // Kept out-edges per node, compressed rows.
        s.outOffsets.removeAll(keepingCapacity: true)
        s.outOffsets.append(contentsOf: repeatElement(0, count: nodeCount + 1))
        for e in s.kept { s.outOffsets[Int(source[Int(e)]) + 1] += 1 }
        for v in 0 ..< nodeCount { s.outOffsets[v + 1] += s.outOffsets[v] }
        s.outList.removeAll(keepingCapacity: true)
        s.outList.append(contentsOf: repeatElement(0, count: s.kept.count))
        var fill = Array(s.outOffsets.dropLast())
        for e in s.kept {
            let u = Int(source[Int(e)])
            s.outList[Int(fill[u])] = e; fill[u] += 1
        }
        var inserted = 0
        for u in 0 ..< nodeCount {
            let w = s.next[u]
            guard w >= 0 else { continue }
            var best: Int32 = -1, bestScore: Float = -1
            for k in Int(s.outOffsets[u]) ..< Int(s.outOffsets[u + 1]) {
                let e1 = Int(s.outList[k]), v = target[e1]
                guard v != w, s.previous[Int(v)] < 0, s.next[Int(v)] < 0 else { continue }
                for k2 in Int(s.outOffsets[Int(v)]) ..< Int(s.outOffsets[Int(v) + 1]) {
                    let e2 = Int(s.outList[k2])
                    guard target[e2] == w else { continue }
                    let score = min(scores[e1], scores[e2])
                    if score > bestScore || (score == bestScore && v < best) { best = v; bestScore = score }
                }
            }
            if best >= 0 {
                s.next[u] = best; s.previous[Int(best)] = Int32(u)
                s.next[Int(best)] = w; s.previous[Int(w)] = best
                inserted += 1
            }
        }
        return inserted
    }
}
