import EventData

extension TrackBuilder {
    /// Hits fitted at a track's end to judge and extend it: few enough that the helix is local
    /// (curvature and scattering over a long arc bend a quick fit away from the end), enough to fit.
    static let endFitHits = 6
    /// Hits added at most beyond each end of a track (besides those replacing dropped ones): a soft
    /// particle leaving the pixel end-cap disks crosses a disk every 20–50 mm of arc.
    static let maxEndHits = 6
    /// First hits dropped at most from a track.
    static let maxDroppedEndHits = 2
    /// Candidates within this arc length (mm) of the nearest one lie on the same detector layer (or
    /// on its overlapping modules): the best-fitting of them is taken, not simply the nearest.
    static let endLayerBand = 10.0
    /// The 3D distance (mm) between the points of the helix around which the end refinement looks.
    static let endSearchStep = 8.0
    /// The longest walk along the helix, in 3D, in units of ``TrackBuildingConfig/endMaxGap``.
    static let endGapCap = 3.0

    /// The end refinement (``TrackBuildingConfig/endMaxTransverseResidual``) over finished `tracks`
    /// (rows of `hits` in order along each track, every row in at most one track); tracks are
    /// returned in the order of their first hit's row. Without the end options, `tracks` as they are.
    public func refineEnds(_ tracks: Tracks, hits: Hits, scratch s: TrackBuildingScratch) -> (tracks: Tracks, dropped: Int, added: Int) {
        guard let tolT = config.endMaxTransverseResidual, let tolL = config.endMaxLongitudinalResidual, let gap = config.endMaxGap else {
            return (tracks, 0, 0)
        }
        linkPaths(tracks, nodeCount: hits.count, s)
        let (dropped, added) = refineEnds(nodeCount: hits.count, tolerance: (Double(tolT), Double(tolL)), gap: Double(gap), hits: hits, s)
        return (emitPaths(nodeCount: hits.count, s), dropped, added)
    }

    /// Refines both ends of every track of four or more hits against the helix of its neighbouring
    /// hits (``endFitHits``): first hits farther than ``TrackBuildingConfig/endDropResidual`` from the
    /// helix of the hits after them are dropped (at most ``maxDroppedEndHits``, never below ``TrackBuildingConfig/minHits``),
    /// then at each end up to ``maxEndHits`` (plus the dropped ones) free hits on the helix beyond the
    /// end extend the track, each within ``TrackBuildingConfig/endMaxGap`` of arc length and within
    /// ``TrackBuildingConfig/endMaxTransverseResidual`` and ``TrackBuildingConfig/endMaxLongitudinalResidual``
    /// (times √(1 + cot²θ), see ``endCost(_:_:_:_:)``). Tracks go in the order of their first hit's
    /// index; a hit a track drops is free for the tracks after it. Returns the numbers of dropped and
    /// added hits.
    ///
    /// Physics: the walkthrough settles a junction by edge score alone. At a track's inner end, in the
    /// dense innermost pixel layer, the best-scored first edge leads to another particle's hit a few
    /// millimetres away in z in about one matched first-pass track in ten, while the particle's own
    /// hit is left free; at either end an edge the network scored below the cut leaves the last hit
    /// out. The first hits carry the largest TrackML weights (the profile along a particle peaks
    /// there), and the helix through the next hits predicts them in z to 0.4 mm (90 % of true first
    /// hits, pixel barrel) against 4 mm and more for half of the wrong ones.
    func refineEnds(nodeCount: Int, tolerance: (Double, Double), gap: Double, hits: Hits,
                    _ s: TrackBuildingScratch) -> (dropped: Int, added: Int) {
        // The grid holds the hits that can be added: the free ones and the first hits a track may drop.
        s.nodes.removeAll(keepingCapacity: true)
        for v in 0 ..< nodeCount where s.next[v] < 0 && s.previous[v] < 0 { s.nodes.append(Int32(v)) }
        if config.endDropResidual != nil {
            for v in 0 ..< nodeCount where s.previous[v] < 0 && s.next[v] >= 0 {
                var x = Int32(v)
                for _ in 0 ..< Self.maxDroppedEndHits where x >= 0 { s.nodes.append(x); x = s.next[Int(x)] }
            }
        }
        var grid = HitGrid()
        swap(&grid, &s.grid)
        defer { swap(&grid, &s.grid) }
        grid.fill(nodes: s.nodes, hits: hits, minimumCell: max(10, tolerance.0, tolerance.1))
        // The heads are fixed first: a refined track gets a new head, and must not be seen twice.
        s.nodes.removeAll(keepingCapacity: true)
        for v in 0 ..< nodeCount where s.previous[v] < 0 && s.next[v] >= 0 { s.nodes.append(Int32(v)) }
        var visitor: Int32 = 0
        var dropped = 0, added = 0
        var list: [Int32] = []
        for head in s.nodes where s.previous[Int(head)] < 0 && s.next[Int(head)] >= 0 {
            list.removeAll(keepingCapacity: true)
            var x = head
            while x >= 0 { list.append(x); x = s.next[Int(x)] }
            guard list.count >= 4 else { continue }
            for h in list { s.next[Int(h)] = -1; s.previous[Int(h)] = -1 }
            // The hits of this track stay marked taken while its ends are searched.
            for h in list { s.next[Int(h)] = h }
            for side in 0 ..< 2 {
                if side == 1 { list.reverse() }
                let (e, a) = refineFirstEnd(&list, outer: side == 1, tolerance: tolerance, gap: gap, hits: hits, grid: &grid, visitor: &visitor, s)
                dropped += e; added += a
                if side == 1 { list.reverse() }
            }
            for k in list.indices {
                s.previous[Int(list[k])] = k > 0 ? list[k - 1] : -1
                s.next[Int(list[k])] = k + 1 < list.count ? list[k + 1] : -1
            }
        }
        return (dropped, added)
    }

    /// Refines the end at `list[0]` (the inner end, or with `outer` the outer one of a reversed list):
    /// drops inner end hits off the helix of the hits after them, then adds free hits on the helix
    /// beyond the end. Only the inner end drops: outer hits in the strips measure z to millimetres and
    /// a soft track's outer arc bends away from a local fit, so a true outer hit often looks off.
    /// Hits taken are marked with a self-link, hits given up are unmarked.
    private func refineFirstEnd(_ list: inout [Int32], outer: Bool, tolerance: (Double, Double), gap: Double, hits: Hits,
                                grid: inout HitGrid, visitor: inout Int32, _ s: TrackBuildingScratch) -> (Int, Int) {
        var dropped = 0, added = 0
        while !outer, let drop = config.endDropResidual.map(Double.init), dropped < Self.maxDroppedEndHits,
              list.count > max(4, config.minHits),
              let fit = TrackHelixFit(list[1 ..< min(list.count, Self.endFitHits + 1)], of: hits),
              Self.endCost(fit, Int(list[0]), (drop, drop), hits) > 1 {
            s.next[Int(list[0])] = -1
            list.removeFirst()
            dropped += 1
        }
        for _ in 0 ..< Self.maxEndHits + dropped {
            guard let fit = TrackHelixFit(list[0 ..< min(list.count, Self.endFitHits)], of: hits),
                  let b = bestHitBehind(fit, inward: !outer, tolerance: tolerance, gap: gap, hits: hits, grid: &grid, visitor: &visitor, s)
            else { break }
            s.next[Int(b)] = b
            list.insert(b, at: 0)
            added += 1
        }
        return (dropped, added)
    }

    /// How far hit `h` lies from `fit`'s helix, in units of the tolerances (the larger of the two).
    /// The z tolerance grows with |cot θ|: an error along the track moves a steep track's z by cot θ
    /// times as much.
    static func endCost(_ fit: TrackHelixFit, _ h: Int, _ tolerance: (Double, Double), _ hits: Hits) -> Double {
        let e = fit.extrapolation(x: Double(hits.x[h]), y: Double(hits.y[h]), z: Double(hits.z[h]))
        return max(e.transverse / tolerance.0, e.longitudinal / (tolerance.1 * (1 + fit.dzds * fit.dzds).squareRoot()))
    }

    /// The free hit on `fit`'s helix behind its first hit (arc length in [−gap, 0)) within the
    /// tolerances: among those on the nearest layer (within ``endLayerBand`` of the nearest), the one
    /// closest to the helix in units of the tolerances (ties: the smaller index). With `inward` (a
    /// track's inner end) the walk stops where the helix passes closest to the beam line: a particle
    /// from the interaction region has no hit before it.
    private func bestHitBehind(_ fit: TrackHelixFit, inward: Bool, tolerance: (Double, Double), gap: Double, hits: Hits,
                               grid: inout HitGrid, visitor: inout Int32, _ s: TrackBuildingScratch) -> Int32? {
        let (tolT, tolL) = tolerance
        s.candidates.removeAll(keepingCapacity: true)
        visitor &+= 1
        if visitor < 0 { visitor = 0 }
        // The walk's points lie `step3D` apart in 3D (an arc-length step moves a steep track
        // √(1 + cot²θ) times as far); a hit within the tolerances of the helix lies within `reach`
        // of the nearest point, so the cells that a box of that half-width overlaps hold it.
        let steep = (1 + fit.dzds * fit.dzds).squareRoot(), step3D = Self.endSearchStep, step = step3D / steep
        let reach = 0.5 * step3D + tolT + tolL * steep
        // The gap is transverse arc length, capped at three times that in 3D: a steep track crosses
        // end-cap discs, which lie 100–400 mm apart in z whatever its angle.
        let arcGap = gap * min(1, Self.endGapCap / steep)
        var arc = 0.0
        var nearest = -Double.infinity
        // Walk back along the helix a cell at a time; stop once a layer with candidates lies behind.
        var lastRadius2 = Double.infinity
        while arc >= -arcGap - step && arc >= nearest - Self.endLayerBand - step {
            let p = fit.point(atArcLength: arc)
            let radius2 = p.x * p.x + p.y * p.y
            if inward && radius2 > lastRadius2 { break }
            lastRadius2 = radius2
            grid.forEachCell(near: p.x, p.y, p.z, within: reach, visitor: visitor) { cell, cellStart, members in
                for m in Int(cellStart[cell]) ..< Int(cellStart[cell + 1]) {
                    let h = Int(members[m])
                    guard s.next[h] < 0, s.previous[h] < 0 else { continue }
                    let hx = Double(hits.x[h]), hy = Double(hits.y[h])
                    guard fit.transverseDistance(x: hx, y: hy) <= tolT else { continue }
                    let e = fit.extrapolation(x: hx, y: hy, z: Double(hits.z[h]))
                    guard e.longitudinal <= tolL * steep, e.arcLength < 0, e.arcLength >= -arcGap else { continue }
                    s.candidates.append((e.arcLength, Int32(h), 0))
                    nearest = max(nearest, e.arcLength)
                }
            }
            arc -= step
        }
        var best: Int32?, bestCost = Double.infinity
        for (a, h, _) in s.candidates where a >= nearest - Self.endLayerBand {
            let cost = Self.endCost(fit, Int(h), tolerance, hits)
            if cost < bestCost || (cost == bestCost && h < best!) { best = h; bestCost = cost }
        }
        return best
    }
}
