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
/// ``TrackBuildingConfig/insertSkippedHits``).
///
/// With the event's hits, the paths' shapes are used next (all optional, see ``TrackBuildingConfig``):
/// path ends are joined through edges below the score cut (``TrackBuildingConfig/joinScoreCut``) and
/// then across gaps without an edge (``TrackBuildingConfig/mergeMaxGap``) when the joined track still
/// fits one helix (``TrackHelixFit``); tracks are dropped below a pT estimate, when short for their
/// estimated pT (``TrackBuildingConfig/minHitsLowPt``), or when short and not a helix from the beam
/// line (``TrackBuildingConfig/helixCutsBelowHits``). Tracks shorter than
/// ``TrackBuildingConfig/minHits`` are always dropped. Every hit ends up in at most one track.
///
/// Deterministic: ties in score are broken by edge index, joins and merges by score or closeness
/// and then by node index, and paths are emitted by their first hit's index.
public struct TrackBuilder: Sendable {
    /// The settings.
    public let config: TrackBuildingConfig

    public init(config: TrackBuildingConfig) { self.config = config }

    /// Builds tracks from the edges of `graph` and their `scores`; `hits` (the rows the graph's nodes
    /// are) are needed by the options that look at the track's shape (``TrackBuildingConfig/needsHits``).
    ///
    /// - Throws: ``TrackBuildingError/invalidInput(reason:)`` when there is not one score per edge, or
    ///   a shape option is configured and `hits` does not have one row per node.
    public func run(graph: EventGraph, scores: [Float], hits: Hits? = nil, scratch: TrackBuildingScratch) throws -> TrackBuildingResult {
        try run(nodeCount: graph.nodeCount, source: graph.source, target: graph.target, scores: scores, hits: hits, scratch: scratch)
    }

    /// Builds tracks over `nodeCount` nodes (hit rows) from directed edges `source[e] → target[e]`
    /// with `scores[e]`; `hits` (one row per node) are needed by the options that look at the track's
    /// shape (``TrackBuildingConfig/needsHits``).
    ///
    /// - Throws: ``TrackBuildingError/invalidInput(reason:)`` when the arrays differ in length, an
    ///   edge names a node outside `0 ..< nodeCount`, or a shape option is set without `hits` of
    ///   `nodeCount` rows. A NaN score is never above a cut.
    /// - Complexity: O(N + E) plus O(J log J) for the J edges of junction components and the
    ///   candidate joins, and one helix fit per candidate join and per track.
    public func run(nodeCount: Int, source: [Int32], target: [Int32], scores: [Float], hits: Hits? = nil,
                    scratch s: TrackBuildingScratch) throws -> TrackBuildingResult {
        guard source.count == target.count, scores.count == source.count else {
            throw TrackBuildingError.invalidInput(reason: "\(source.count) sources, \(target.count) targets, \(scores.count) scores")
        }
        for e in source.indices where !(source[e] >= 0 && Int(source[e]) < nodeCount && target[e] >= 0 && Int(target[e]) < nodeCount) {
            throw TrackBuildingError.invalidInput(reason: "edge \(e) (\(source[e]) → \(target[e])) names a node outside 0..<\(nodeCount)")
        }
        if config.needsHits {
            guard let hits, hits.count == nodeCount else {
                throw TrackBuildingError.invalidInput(reason: "the pT, helix and join options need the event's hits (one row per graph node)")
            }
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

        // 6. Join path ends through weaker edges, then across gaps without an edge, when the joined
        //    track still fits one helix.
        if let joinCut = config.joinScoreCut, let hits {
            stats.joins = joinPaths(source: source, target: target, scores: scores, cut: joinCut, hits: hits, s)
        }
        if let gap = config.mergeMaxGap, let hits {
            stats.merges = mergeFragments(nodeCount: nodeCount, gap: gap, hits: hits, s)
        }

        // 7. Drop the short paths and, with hits, those whose shape is not that of a track from the
        //    beam line above the pT cut (after trimming their worst hits, when configured); their
        //    hits are free again.
        var list: [Int32] = []
        for v in 0 ..< nodeCount where s.previous[v] < 0 && s.next[v] >= 0 {
            list.removeAll(keepingCapacity: true)
            var x = Int32(v)
            while x >= 0 { list.append(x); x = s.next[Int(x)] }
            var keep = list.count >= config.minHits
            if keep, let hits {
                if let minPt = config.minPt, TrackPtEstimate.pT(list, of: hits, bz: config.fieldBz) < minPt {
                    stats.droppedByPt += 1; keep = false
                } else if config.hasShapeCuts, !passesShapeCuts(list, hits: hits) {
                    if trimToHelix(&list, hits: hits, s) { stats.trimmedTracks += 1 } else { stats.droppedByFit += 1; keep = false }
                }
            }
            if !keep { for x in list { s.next[Int(x)] = -1; s.previous[Int(x)] = -1 } }
        }

        // 8. The kept tracks pick up the free hits on their helices.
        if let tolT = config.pickMaxTransverseResidual, let tolL = config.pickMaxLongitudinalResidual, let hits {
            stats.pickedHits = pickUpHits(nodeCount: nodeCount, tolerance: (Double(tolT), Double(tolL)), hits: hits, s)
        }

        // 9. Refine the tracks' ends on the helix of their neighbouring hits.
        if let tolT = config.endMaxTransverseResidual, let tolL = config.endMaxLongitudinalResidual, let gap = config.endMaxGap, let hits {
            (stats.droppedEndHits, stats.addedEndHits) = refineEnds(nodeCount: nodeCount, tolerance: (Double(tolT), Double(tolL)),
                                                                      gap: Double(gap), hits: hits, s)
        }

        // 10. Emit the tracks from their first hit.
        let tracks = emitPaths(nodeCount: nodeCount, s)
        stats.assignedHits = tracks.hitIndices.count
        stats.tracks = tracks.count
        return TrackBuildingResult(tracks: tracks, statistics: stats)
    }

    /// Whether `list` passes the helix-fit cuts (residuals, impact parameters) and the length a track
    /// of its estimated pT must have.
    func passesShapeCuts(_ list: [Int32], hits: Hits) -> Bool {
        if let n = config.minHitsLowPt, list.count < n, let ptLimit = config.lowPtBelow,
           TrackPtEstimate.pT(list, of: hits, bz: config.fieldBz) < ptLimit { return false }
        guard helixCutsApply(count: list.count) else { return true }
        guard let fit = TrackHelixFit(list, of: hits) else { return true }
        return fitAccepted(fit)
    }

    /// Whether the helix-fit cuts apply to a track of `count` hits.
    func helixCutsApply(count: Int) -> Bool {
        config.hasHelixCuts && (config.helixCutsBelowHits.map { count < $0 } ?? true)
    }

    /// Removes the worst-fitting hits of `list` (a linked path failing the shape cuts), one at a time
    /// and at most ``TrackBuildingConfig/maxTrimmedHits``, until it passes; relinks the path and frees
    /// the removed hits when it then passes, and returns whether it does. A path failing only the
    /// pT-dependent length cut is not trimmed (fewer hits cannot pass it).
    ///
    /// Physics: at a junction the walkthrough may continue a track through a hit of a crossing
    /// particle; that one hit pulls the helix fit off, and dropping the whole track loses a particle
    /// whose other hits lie on one helix.
    private func trimToHelix(_ list: inout [Int32], hits: Hits, _ s: TrackBuildingScratch) -> Bool {
        guard let limit = config.maxTrimmedHits, helixCutsApply(count: list.count),
              let whole = TrackHelixFit(list, of: hits), !fitAccepted(whole) else { return false }
        let tolT = Double(config.maxTransverseResidual ?? 1), tolL = Double(config.maxLongitudinalResidual ?? 10)
        var trimmed = list
        var passes = false
        for _ in 0 ..< limit where trimmed.count > config.minHits {
            guard let fit = TrackHelixFit(trimmed, of: hits) else { break }
            var worst = 0, worstCost = -Double.infinity
            for (k, h) in trimmed.enumerated() {
                let e = fit.extrapolation(x: Double(hits.x[Int(h)]), y: Double(hits.y[Int(h)]), z: Double(hits.z[Int(h)]))
                let cost = e.transverse / tolT + e.longitudinal / tolL
                if cost > worstCost { worstCost = cost; worst = k }
            }
            trimmed.remove(at: worst)
            if passesShapeCuts(trimmed, hits: hits) { passes = true; break }
        }
        guard passes else { return false }
        for h in list { s.next[Int(h)] = -1; s.previous[Int(h)] = -1 }
        for k in trimmed.indices {
            s.previous[Int(trimmed[k])] = k > 0 ? trimmed[k - 1] : -1
            s.next[Int(trimmed[k])] = k + 1 < trimmed.count ? trimmed[k + 1] : -1
        }
        list = trimmed
        return true
    }

    /// Merges whole tracks by the merge step (``TrackBuildingConfig/mergeMaxGap`` with the join
    /// residual cuts): a track whose first hits lie ahead on another's helix continues it.
    /// `tracks` hold rows of `hits` in order along each track, every row in at most one track; the
    /// result holds every hit of `tracks` once, merged tracks in the order of their first hit's row.
    ///
    /// Physics: passes that build tracks from different graphs each see part of some particles — a
    /// soft particle in the end-caps whose inner hits made a first-pass track and whose outer hits
    /// only the wider low-pT graph connects; each part has under half of the particle's hits.
    public func merge(_ tracks: Tracks, hits: Hits, scratch s: TrackBuildingScratch) -> (tracks: Tracks, merges: Int) {
        linkPaths(tracks, nodeCount: hits.count, s)
        var merges = 0
        if let gap = config.mergeMaxGap { merges = mergeFragments(nodeCount: hits.count, gap: gap, hits: hits, s) }
        var merged = Tracks()
        var heads = Set<Int32>()
        for t in 0 ..< tracks.count {
            guard var x = tracks.hits(of: t).first else { continue }
            while s.previous[Int(x)] >= 0 { x = s.previous[Int(x)] }
            heads.insert(x)
        }
        for h in heads.sorted() {
            s.list.removeAll(keepingCapacity: true)
            var x = h
            while x >= 0 { s.list.append(x); x = s.next[Int(x)] }
            merged.append(hits: s.list)
        }
        return (merged, merges)
    }

    /// Resets `s` to `nodeCount` nodes and links the hits of each of `tracks` into a path, in order.
    func linkPaths(_ tracks: Tracks, nodeCount: Int, _ s: TrackBuildingScratch) {
        s.reset(nodes: nodeCount)
        for t in 0 ..< tracks.count {
            var previous: Int32 = -1
            for h in tracks.hits(of: t) {
                if previous >= 0 { s.next[Int(previous)] = h; s.previous[Int(h)] = previous }
                previous = h
            }
        }
    }

    /// The linked paths of two or more hits, in the order of their first hit's index.
    func emitPaths(nodeCount: Int, _ s: TrackBuildingScratch) -> Tracks {
        var tracks = Tracks()
        for v in 0 ..< nodeCount where s.previous[v] < 0 && s.next[v] >= 0 {
            s.list.removeAll(keepingCapacity: true)
            var x = Int32(v)
            while x >= 0 { s.list.append(x); x = s.next[Int(x)] }
            tracks.append(hits: s.list)
        }
        return tracks
    }

    /// Whether a helix fit is within the configured residual and impact-parameter cuts.
    func fitAccepted(_ fit: TrackHelixFit) -> Bool {
        if let m = config.maxTransverseResidual, !(fit.maxTransverseResidual <= Double(m)) { return false }
        if let m = config.maxLongitudinalResidual, !(fit.maxLongitudinalResidual <= Double(m)) { return false }
        if let m = config.maxTransverseImpact, !(fit.transverseImpact <= Double(m)) { return false }
        if let m = config.maxLongitudinalImpact, !(abs(fit.longitudinalImpact) <= Double(m)) { return false }
        return true
    }

    /// Joins a path ending at `u` to a path starting at `v` through a graph edge `u → v` with a score
    /// above `cut` (but not above the score cut, or the walkthrough would have seen it), strongest
    /// edge first, when the joined hit list still fits one helix (``TrackBuildingConfig/joinMaxTransverseResidual``,
    /// ``TrackBuildingConfig/joinMaxLongitudinalResidual``). At least one side must already be
    /// a path of two or more hits: a weak edge extends or bridges tracks, it does not start one.
    /// Returns the number of joins.
    ///
    /// Physics: an edge the network scored just under the cut between the end of one fragment and the
    /// start of the next is most often a true edge with a poorly measured hit (a cluster merged with a
    /// neighbour, a module-edge hit); the helix test keeps the junctions to a different particle out.
    private func joinPaths(source: [Int32], target: [Int32], scores: [Float], cut: Float, hits: Hits,
                           _ s: TrackBuildingScratch) -> Int {
        s.junctionEdges.removeAll(keepingCapacity: true)
        for e in source.indices {
            let sc = scores[e]
            guard sc > cut, !(sc > config.scoreCut) else { continue }
            let u = Int(source[e]), v = Int(target[e])
            guard u != v, s.next[u] < 0, s.previous[v] < 0, s.previous[u] >= 0 || s.next[v] >= 0 else { continue }
            s.junctionEdges.append(Int32(e))
        }
        s.junctionEdges.sort { scores[Int($0)] > scores[Int($1)] || (scores[Int($0)] == scores[Int($1)] && $0 < $1) }
        var joins = 0
        for e in s.junctionEdges {
            let u = source[Int(e)], v = target[Int(e)]
            guard s.previous[Int(u)] >= 0 || s.next[Int(v)] >= 0 else { continue }
            if link(u, v, hits: hits, s) { s.nextScore[Int(u)] = scores[Int(e)]; joins += 1 }
        }
        return joins
    }

    /// Links the path ending at `u` to the path starting at `v` when both ends are free, they are
    /// different paths, and the joined hit list passes the join residual cuts. Returns whether it did.
    private func link(_ u: Int32, _ v: Int32, hits: Hits, _ s: TrackBuildingScratch) -> Bool {
        guard u != v, s.next[Int(u)] < 0, s.previous[Int(v)] < 0 else { return false }
        // The joined list: u's path from its head, then v's path; a cycle when v's path holds u.
        s.list.removeAll(keepingCapacity: true)
        var x = u
        while x >= 0 { s.list.append(x); x = s.previous[Int(x)] }
        s.list.reverse()
        x = v
        while x >= 0 {
            if x == u { return false }
            s.list.append(x); x = s.next[Int(x)]
        }
        guard let fit = TrackHelixFit(s.list, of: hits) else { return false }
        if let m = config.joinMaxTransverseResidual, !(fit.maxTransverseResidual <= Double(m)) { return false }
        if let m = config.joinMaxLongitudinalResidual, !(fit.maxLongitudinalResidual <= Double(m)) { return false }
        if config.strictJoins, helixCutsApply(count: s.list.count), !fitAccepted(fit) { return false }
        s.next[Int(u)] = v; s.previous[Int(v)] = u
        return true
    }

    /// Merges track fragments across gaps with no graph edge: the end of a path of three or more hits
    /// is linked to the start of another path of two or more hits within ``TrackBuildingConfig/mergeMaxGap``
    /// (3D) when the other path's first two hits lie ahead on the first path's helix within the join
    /// tolerances and the merged track passes the join residual cuts; the closest matches (in units of
    /// the tolerances) go first. Returns the number of merges.
    ///
    /// Physics: a particle's chain breaks where a hit is missing (inefficiency, a module-map hole) or
    /// was taken by another track at a junction; the two pieces each have fewer than half the
    /// particle's hits and count as fakes, while the helix through one predicts the other.
    private func mergeFragments(nodeCount: Int, gap: Float, hits: Hits, _ s: TrackBuildingScratch) -> Int {
        let tolT = Double(config.joinMaxTransverseResidual ?? .infinity), tolL = Double(config.joinMaxLongitudinalResidual ?? .infinity)
        let g = Double(gap)
        // Path starts (paths of two or more hits) in a grid of cells at least as large as the
        // tolerances (a start within them of a step lies in the step's cell or a neighbour). A path
        // end walks its helix ahead up to the gap and looks at the cells around each step: only the
        // starts near the extrapolation are tested.
        s.nodes.removeAll(keepingCapacity: true)
        for v in 0 ..< nodeCount where s.previous[v] < 0 && s.next[v] >= 0 { s.nodes.append(Int32(v)) }
        guard !s.nodes.isEmpty else { return 0 }
        // The grid and the candidate list move to locals for the search (no dynamic exclusivity
        // checks on the scratch object in the inner loops) and back at the end.
        var grid = HitGrid(), candidates: [(Double, Int32, Int32)] = []
        swap(&grid, &s.grid); swap(&candidates, &s.candidates)
        defer { swap(&grid, &s.grid); swap(&candidates, &s.candidates) }
        grid.fill(nodes: s.nodes, hits: hits, minimumCell: max(50, tolT.isFinite ? tolT : 0, tolL.isFinite ? tolL : 0))
        let c = grid.cellSize
        candidates.removeAll(keepingCapacity: true)
        for head in s.nodes {
            s.list.removeAll(keepingCapacity: true)
            var x = head
            while x >= 0 { s.list.append(x); x = s.next[Int(x)] }
            guard s.list.count >= 3, let fit = TrackHelixFit(s.list, of: hits) else { continue }
            let t = Int(s.list[s.list.count - 1])
            let tx = Double(hits.x[t]), ty = Double(hits.y[t]), tz = Double(hits.z[t])
            let tailDistance2 = tx * tx + ty * ty + tz * tz
            let tailArc = fit.extrapolation(x: tx, y: ty, z: tz).arcLength
            // Steps of half a cell in 3D along the helix, from the end up to the gap.
            let step = 0.5 * c / (1 + fit.dzds * fit.dzds).squareRoot()
            let steps = Int((g / (0.5 * c)).rounded(.up))
            for k in 0 ... steps {
                let p = fit.point(atArcLength: tailArc + Double(k) * step)
                grid.forEachCell(near: p.x, p.y, p.z, visitor: Int32(t)) { cell, cellStart, members in
                    for m in Int(cellStart[cell]) ..< Int(cellStart[cell + 1]) {
                        let h = Int(members[m])
                        guard h != Int(head) else { continue }
                        let hx = Double(hits.x[h]), hy = Double(hits.y[h]), hz = Double(hits.z[h])
                        let d2 = (hx - tx) * (hx - tx) + (hy - ty) * (hy - ty) + (hz - tz) * (hz - tz)
                        // Within the gap, and farther out: the particles the graph follows move away
                        // from the interaction region.
                        guard d2 <= g * g, hx * hx + hy * hy + hz * hz > tailDistance2,
                              fit.transverseDistance(x: hx, y: hy) <= tolT else { continue }
                        let p1 = fit.extrapolation(x: hx, y: hy, z: hz)
                        guard p1.arcLength > tailArc, p1.longitudinal <= tolL else { continue }
                        let h2 = Int(s.next[h])
                        let p2 = fit.extrapolation(x: Double(hits.x[h2]), y: Double(hits.y[h2]), z: Double(hits.z[h2]))
                        guard p2.arcLength > p1.arcLength, p2.transverse <= tolT, p2.longitudinal <= tolL else { continue }
                        let cost = (p1.transverse + p2.transverse) / tolT + (p1.longitudinal + p2.longitudinal) / tolL
                        candidates.append((cost, Int32(t), Int32(h)))
                    }
                }
            }
        }
        candidates.sort { $0.0 < $1.0 || ($0.0 == $1.0 && ($0.1 < $1.1 || ($0.1 == $1.1 && $0.2 < $1.2))) }
        var merges = 0
        for (_, t, h) in candidates where link(t, h, hits: hits, s) { merges += 1 }
        return merges
    }

    /// Adds to each path of four or more hits the unassigned hits near its own hits that lie on its
    /// helix between its first and last hit, within ``TrackBuildingConfig/pickMaxTransverseResidual`` in xy and
    /// ``TrackBuildingConfig/pickMaxLongitudinalResidual`` in z; a hit near several paths goes to the
    /// closest (in units of the tolerances). The path is then reordered by arc length. Returns the
    /// number of hits added.
    ///
    /// Physics: the module map links one hit per layer, while a particle crossing the overlap of two
    /// neighbouring modules leaves a hit in each, and a hit the graph missed leaves a hole; both are
    /// on the particle's helix, and a track holding more of its particle's hits is matched (and
    /// scored) where a fragment was not.
    private func pickUpHits(nodeCount: Int, tolerance: (Double, Double), hits: Hits, _ s: TrackBuildingScratch) -> Int {
        let (tolT, tolL) = tolerance
        s.nodes.removeAll(keepingCapacity: true)
        for v in 0 ..< nodeCount where s.previous[v] < 0 && s.next[v] < 0 { s.nodes.append(Int32(v)) }
        guard !s.nodes.isEmpty else { return 0 }
        var grid = HitGrid(), picks: [(Int32, Double, Int32)] = []
        swap(&grid, &s.grid); swap(&picks, &s.picks)
        defer { swap(&grid, &s.grid); swap(&picks, &s.picks) }
        grid.fill(nodes: s.nodes, hits: hits, minimumCell: max(20, tolT, tolL))
        picks.removeAll(keepingCapacity: true)
        for head in 0 ..< nodeCount where s.previous[head] < 0 && s.next[head] >= 0 {
            s.list.removeAll(keepingCapacity: true)
            var x = Int32(head)
            while x >= 0 { s.list.append(x); x = s.next[Int(x)] }
            guard s.list.count >= 4, let fit = TrackHelixFit(s.list, of: hits) else { continue }
            let t = Int(s.list[s.list.count - 1])
            let lastArc = fit.extrapolation(x: Double(hits.x[t]), y: Double(hits.y[t]), z: Double(hits.z[t])).arcLength
            guard lastArc > 0 else { continue }
            // The cells around the track's own hits: a second hit on an overlapping module is next
            // to the first, within a cell of it.
            for v in s.list {
                grid.forEachCell(near: Double(hits.x[Int(v)]), Double(hits.y[Int(v)]), Double(hits.z[Int(v)]), visitor: Int32(head)) { cell, cellStart, members in
                    for m in Int(cellStart[cell]) ..< Int(cellStart[cell + 1]) {
                        let h = Int(members[m])
                        let hx = Double(hits.x[h]), hy = Double(hits.y[h])
                        guard fit.transverseDistance(x: hx, y: hy) <= tolT else { continue }
                        let e = fit.extrapolation(x: hx, y: hy, z: Double(hits.z[h]))
                        guard e.longitudinal <= tolL, e.arcLength > 0, e.arcLength < lastArc else { continue }
                        picks.append((Int32(h), e.transverse / tolT + e.longitudinal / tolL, Int32(head)))
                    }
                }
            }
        }
        guard !picks.isEmpty else { return 0 }
        // Each hit to its closest path; then the paths' new members grouped by path.
        picks.sort { $0.1 < $1.1 || ($0.1 == $1.1 && ($0.0 < $1.0 || ($0.0 == $1.0 && $0.2 < $1.2))) }
        s.assigned.removeAll(keepingCapacity: true)
        for (h, _, head) in picks where s.next[Int(h)] < 0 && s.previous[Int(h)] < 0 {
            // Mark the hit taken (a self-link, replaced below) and remember its path.
            s.next[Int(h)] = h
            s.assigned.append((head, h))
        }
        var added = 0
        s.assigned.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        var i = 0
        while i < s.assigned.count {
            let head = s.assigned[i].0
            var j = i
            while j < s.assigned.count && s.assigned[j].0 == head { j += 1 }
            s.list.removeAll(keepingCapacity: true)
            var x = head
            while x >= 0 { s.list.append(x); x = s.next[Int(x)] }
            guard let fit = TrackHelixFit(s.list, of: hits) else {
                for k in i ..< j { s.next[Int(s.assigned[k].1)] = -1 }
                i = j; continue
            }
            s.arcs.removeAll(keepingCapacity: true)
            for v in s.list { s.arcs.append((fit.extrapolation(x: Double(hits.x[Int(v)]), y: Double(hits.y[Int(v)]), z: Double(hits.z[Int(v)])).arcLength, v)) }
            for k in i ..< j {
                let v = s.assigned[k].1
                s.arcs.append((fit.extrapolation(x: Double(hits.x[Int(v)]), y: Double(hits.y[Int(v)]), z: Double(hits.z[Int(v)])).arcLength, v))
            }
            s.arcs.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
            for k in s.arcs.indices {
                let v = Int(s.arcs[k].1)
                s.previous[v] = k > 0 ? s.arcs[k - 1].1 : -1
                s.next[v] = k + 1 < s.arcs.count ? s.arcs[k + 1].1 : -1
            }
            added += j - i
            i = j
        }
        return added
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
