extension Hits {
    /// The hits of `rows`, in that order.
    ///
    /// - Precondition: every row is in `0 ..< count`.
    public func selecting(rows: [Int32]) -> Hits {
        Hits(hitID: rows.map { hitID[Int($0)] }, x: rows.map { x[Int($0)] }, y: rows.map { y[Int($0)] },
             z: rows.map { z[Int($0)] }, geometryID: rows.map { geometryID[Int($0)] })
    }
}

extension Truth {
    /// The truth rows `rows`, in that order.
    ///
    /// - Precondition: every row is in `0 ..< count`.
    public func selecting(rows: [Int32]) -> Truth {
        var t = Truth()
        t.reserveCapacity(rows.count)
        for r in rows.map(Int.init) {
            t.append(particleID: particleID[r], tx: tx[r], ty: ty[r], tz: tz[r], tpx: tpx[r], tpy: tpy[r], tpz: tpz[r], weight: weight[r])
        }
        return t
    }
}

extension Cells {
    /// The cells of the hits `rows`, renumbered to their positions in `rows` (cells of other hits are
    /// left out), for an event with `hitCount` hits.
    public func selecting(hitRows rows: [Int32], hitCount: Int) -> Cells {
        var newRow = [Int32](repeating: -1, count: hitCount)
        for (i, r) in rows.enumerated() { newRow[Int(r)] = Int32(i) }
        var c = Cells()
        for k in 0 ..< count {
            let h = hitIndex[k]
            guard h >= 0, Int(h) < hitCount, newRow[Int(h)] >= 0 else { continue }
            c.append(hitIndex: newRow[Int(h)], channel0: channel0[k], channel1: channel1[k], value: value[k])
        }
        return c
    }
}

extension Event {
    /// The event restricted to the hit rows `rows` (in that order): their hits, cells and truth; the
    /// particles are kept whole. A later pass of a reconstruction runs on the hits an earlier one
    /// left, and training for that pass needs the same view with its truth.
    ///
    /// - Precondition: every row is in `0 ..< hits.count`.
    public func selecting(rows: [Int32]) -> Event {
        Event(eventID: eventID, hits: hits.selecting(rows: rows), cells: cells?.selecting(hitRows: rows, hitCount: hits.count),
              particles: particles, truth: truth?.selecting(rows: rows))
    }
}
