import EventData

/// A uniform grid of cells over the bounding box of a set of hits, the hits stored cell by cell
/// (counting sort, in the order given within a cell), for finding the hits near a point of an
/// extrapolated helix. Its storage is reused between events.
struct HitGrid {
    private(set) var cellSize = 1.0
    private var lower = (0.0, 0.0, 0.0)
    private var nx = 0, ny = 0, nz = 0
    /// Hits of cell k: `members[cellStart[k] ..< cellStart[k + 1]]`.
    private(set) var cellStart: [Int32] = []
    private(set) var members: [Int32] = []
    private var cellOf: [Int32] = []
    /// The last visitor of each cell, so that a visitor looks at a cell once.
    private var stamp: [Int32] = []

    /// Fills the grid with `nodes` (rows of `hits`), cells of at least `minimumCell` mm and at most
    /// about 4 million cells.
    mutating func fill(nodes: [Int32], hits: Hits, minimumCell: Double) {
        var lo = (Double.infinity, Double.infinity, Double.infinity), hi = (-Double.infinity, -Double.infinity, -Double.infinity)
        for v in nodes {
            let x = Double(hits.x[Int(v)]), y = Double(hits.y[Int(v)]), z = Double(hits.z[Int(v)])
            lo = (min(lo.0, x), min(lo.1, y), min(lo.2, z)); hi = (max(hi.0, x), max(hi.1, y), max(hi.2, z))
        }
        if nodes.isEmpty { lo = (0, 0, 0); hi = (0, 0, 0) }
        var c = max(minimumCell, 1e-3)
        while ((hi.0 - lo.0) / c + 1) * ((hi.1 - lo.1) / c + 1) * ((hi.2 - lo.2) / c + 1) > 4_000_000 { c *= 2 }
        cellSize = c; lower = lo
        nx = Int((hi.0 - lo.0) / c) + 1; ny = Int((hi.1 - lo.1) / c) + 1; nz = Int((hi.2 - lo.2) / c) + 1
        let cells = nx * ny * nz
        cellStart.removeAll(keepingCapacity: true)
        cellStart.append(contentsOf: repeatElement(0, count: cells + 1))
        cellOf.removeAll(keepingCapacity: true)
        for v in nodes {
            let k = (inside(Double(hits.z[Int(v)]), lower.2, nz) * ny + inside(Double(hits.y[Int(v)]), lower.1, ny)) * nx
                + inside(Double(hits.x[Int(v)]), lower.0, nx)
            cellOf.append(Int32(k))
            cellStart[k + 1] += 1
        }
        for k in 0 ..< cells { cellStart[k + 1] += cellStart[k] }
        // Stable placement; `stamp` serves as the fill pointer first.
        stamp.removeAll(keepingCapacity: true)
        stamp.append(contentsOf: cellStart.dropLast())
        members.removeAll(keepingCapacity: true)
        members.append(contentsOf: repeatElement(0, count: nodes.count))
        for (i, v) in nodes.enumerated() {
            let k = Int(cellOf[i])
            members[Int(stamp[k])] = v
            stamp[k] += 1
        }
        for k in 0 ..< cells { stamp[k] = -1 }
    }

    /// Index along one axis: −1 and n just outside the grid, −2 and n + 1 farther out.
    @inline(__always) private func axis(_ v: Double, _ lo: Double, _ n: Int) -> Int {
        let i = ((v - lo) / cellSize).rounded(.down)
        if !(i >= -1) { return -2 }
        if !(i < Double(n + 1)) { return n + 1 }
        return Int(i)
    }

    /// Index along one axis of a point of the box, clamped against rounding.
    @inline(__always) private func inside(_ v: Double, _ lo: Double, _ n: Int) -> Int { max(0, min(n - 1, axis(v, lo, n))) }

    /// Calls `body` with every cell within one cell of the point, each cell once per `visitor` (a
    /// non-negative id that differs between successive visitors), and with ``cellStart`` and
    /// ``members``: the cell's hits are `members[cellStart[cell] ..< cellStart[cell + 1]]`.
    @inline(__always) mutating func forEachCell(near x: Double, _ y: Double, _ z: Double, visitor: Int32,
                                                _ body: (Int, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>) -> Void) {
        let ix = axis(x, lower.0, nx), iy = axis(y, lower.1, ny), iz = axis(z, lower.2, nz)
        guard ix >= -1, ix <= nx, iy >= -1, iy <= ny, iz >= -1, iz <= nz else { return }
        let (nx, ny, nz) = (self.nx, self.ny, self.nz)
        for cz in max(0, iz - 1) ... min(nz - 1, iz + 1) {
            for cy in max(0, iy - 1) ... min(ny - 1, iy + 1) {
                for cx in max(0, ix - 1) ... min(nx - 1, ix + 1) {
                    let k = (cz * ny + cy) * nx + cx
                    if stamp[k] == visitor { continue }
                    stamp[k] = visitor
                    cellStart.withUnsafeBufferPointer { starts in members.withUnsafeBufferPointer { body(k, starts, $0) } }
                }
            }
        }
    }

    /// Calls `body` as ``forEachCell(near:_:_:visitor:_:)`` does, but only for the cells that the box of
    /// half-width `radius` (mm) around the point overlaps: one to eight cells when `radius` is under
    /// half a cell, instead of the 27 around the point.
    @inline(__always) mutating func forEachCell(near x: Double, _ y: Double, _ z: Double, within radius: Double, visitor: Int32,
                                                _ body: (Int, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>) -> Void) {
        let (nx, ny, nz) = (self.nx, self.ny, self.nz)
        let x0 = max(0, axis(x - radius, lower.0, nx)), x1 = min(nx - 1, axis(x + radius, lower.0, nx))
        let y0 = max(0, axis(y - radius, lower.1, ny)), y1 = min(ny - 1, axis(y + radius, lower.1, ny))
        let z0 = max(0, axis(z - radius, lower.2, nz)), z1 = min(nz - 1, axis(z + radius, lower.2, nz))
        guard x0 <= x1, y0 <= y1, z0 <= z1 else { return }
        for cz in z0 ... z1 {
            for cy in y0 ... y1 {
                for cx in x0 ... x1 {
                    let k = (cz * ny + cy) * nx + cx
                    if stamp[k] == visitor { continue }
                    stamp[k] = visitor
                    cellStart.withUnsafeBufferPointer { starts in members.withUnsafeBufferPointer { body(k, starts, $0) } }
                }
            }
        }
    }
}
