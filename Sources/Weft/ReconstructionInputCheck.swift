/// The checks every event passes before a reconstruction stage sees it, so that no stage can trap
/// on bad data from either front door (the CLI's reader checks files; the C API passes raw arrays).
enum ReconstructionInputCheck {
    /// Checks row counts, finiteness and that every hit lies on a module of `detector`.
    ///
    /// - Complexity: O(hits + cells), one hash lookup per hit.
    static func check(hits: Hits, cells: Cells?, detector: Detector) throws {
        guard hits.count <= Int(Int32.max) else { throw ReconstructionError.tooManyRows(what: "hits", count: hits.count) }
        try hits.x.withUnsafeBufferPointer { x in
            try hits.y.withUnsafeBufferPointer { y in
                try hits.z.withUnsafeBufferPointer { z in
                    for i in 0 ..< hits.count {
                        guard x[i].isFinite else { throw ReconstructionError.nonFiniteCoordinate(row: i, field: "x") }
                        guard y[i].isFinite else { throw ReconstructionError.nonFiniteCoordinate(row: i, field: "y") }
                        guard z[i].isFinite else { throw ReconstructionError.nonFiniteCoordinate(row: i, field: "z") }
                    }
                }
            }
        }
        for (i, id) in hits.geometryID.enumerated() where detector.moduleIndex(of: id) == nil {
            throw ReconstructionError.unknownModule(row: i, geometryID: id, detector: detector.name)
        }
        guard let cells else { return }
        guard cells.count <= Int(Int32.max) else { throw ReconstructionError.tooManyRows(what: "cells", count: cells.count) }
        for c in 0 ..< cells.count {
            let h = cells.hitIndex[c]
            guard h >= 0, Int(h) < hits.count else {
                throw ReconstructionError.cellHitOutOfRange(cell: c, hitIndex: h, hitCount: hits.count)
            }
            guard cells.value[c].isFinite else { throw ReconstructionError.nonFiniteCellValue(cell: c) }
        }
    }
}
