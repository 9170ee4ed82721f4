import EventData
import FileSupport

/// Reads a TrackML event from its CSV files (plain or gzip-compressed).
///
/// An event is named by its path prefix: `dir/event000001000` stands for
/// `dir/event000001000-hits.csv[.gz]` (required), `-cells`, `-particles` and `-truth` (optional).
/// See ``TrackMLFileNames`` for which file is read when both a `.csv` and a `.csv.gz` exist, and
/// `docs/FORMATS.md` for the columns.
///
/// Everything read is validated: missing or non-numeric fields, NaN or infinite coordinates,
/// geometry ids out of range, duplicate hit ids, an event without hits, truth or cell rows naming
/// unknown hits, hits without truth, duplicate particle ids, and, given a module check, hits on
/// modules the detector does not have. Each error names the file, line and column.
public enum TrackMLEventReader {
    /// Reads the event at `prefix`.
    ///
    /// - Parameters:
    ///   - prefix: the path prefix, e.g. `data/event000001000`.
    ///   - parts: the optional parts to read when their file exists (hits are always read).
    ///   - required: the optional parts whose file must exist (an error otherwise).
    ///   - eventID: the event number; `nil` reads it from the prefix (`event000001000` → 1000).
    ///   - isKnownModule: when given, every hit must lie on a module for which it returns true
    ///     (for example `{ detector.moduleIndex(of: $0) != nil }`).
    /// - Returns: the event; `cells`, `particles` and `truth` are `nil` when not read. Truth rows are
    ///   reordered to follow the hits when the truth file lists the hits in another order.
    /// - Throws: ``EventIOError``.
    public static func read(prefix: String, parts: EventParts = .all, required: EventParts = [],
                            eventID: Int64? = nil,
                            isKnownModule: ((GeometryID) -> Bool)? = nil) throws -> Event {
        guard let id = eventID ?? TrackMLFileNames.eventID(fromPrefix: prefix) else {
            throw EventIOError.badEventPrefix(prefix: prefix)
        }
        return try wrapped {
            let hitsTable = try table(prefix: prefix, part: "hits", required: true)!
            let hits = try readHits(hitsTable)
            let index: HitIDIndex
            do throws(HitIDIndex.Duplicate) { index = try HitIDIndex(hits.hitID) } catch {
                throw EventIOError.duplicateHitID(hitID: error.hitID,
                                                  at: hitsTable.location(row: error.second, column: "hit_id"),
                                                  firstAt: hitsTable.location(row: error.first, column: "hit_id"))
            }
            if let isKnown = isKnownModule {
                try EventValidation.checkModules(hits, isKnown: isKnown) { row, _ in
                    hitsTable.location(row: row, column: "volume_id")
                }
            }
            var event = Event(eventID: id, hits: hits)
            let wanted = parts.union(required)
            if wanted.contains(.cells), let t = try table(prefix: prefix, part: "cells", required: required.contains(.cells)) {
                event.cells = try readCells(t, hits: hits, index: index)
            }
            if wanted.contains(.particles),
               let t = try table(prefix: prefix, part: "particles", required: required.contains(.particles)) {
                event.particles = try readParticles(t)
            }
            if wanted.contains(.truth), let t = try table(prefix: prefix, part: "truth", required: required.contains(.truth)) {
                event.truth = try readTruth(t, hits: hits, hitsTable: hitsTable, index: index)
            }
            return event
        }
    }

    /// Runs `body`, turning FileSupport errors into ``EventIOError/file(_:)``.
    static func wrapped<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as DataFileError { throw EventIOError.file(e) }
    }

    /// Opens the table of `part`, or returns `nil` (or throws, when `required`) if it has no file.
    static func table(prefix: String, part: String, required: Bool) throws -> CSVTable? {
        guard let path = TrackMLFileNames.existing(prefix: prefix, part: part) else {
            if required {
                throw EventIOError.missingFile(part: part, tried: TrackMLFileNames.candidates(prefix: prefix, part: part))
            }
            return nil
        }
        return try CSVTable(path: path)
    }

    // Each table is parsed column-wise into arrays sized by a first counting pass, so the parse
    // allocates nothing per row; the buffers are filled through unsafe pointers.

    /// Parses `hit_id, x, y, z, volume_id, layer_id, module_id`.
    static func readHits(_ t: CSVTable) throws -> Hits {
        let cID = try t.column("hit_id"), cx = try t.column("x"), cy = try t.column("y"), cz = try t.column("z")
        let cv = try t.column("volume_id"), cl = try t.column("layer_id"), cm = try t.column("module_id")
        let n = t.rowCount
        guard n > 0 else { throw EventIOError.emptyEvent(.file(t.path)) }
        var ids = [Int64](repeating: 0, count: n)
        var x = [Float](repeating: 0, count: n), y = x, z = x
        var geo = [GeometryID](repeating: GeometryID(rawValue: 0), count: n)
        try ids.withUnsafeMutableBufferPointer { pID in
            try x.withUnsafeMutableBufferPointer { px in
                try y.withUnsafeMutableBufferPointer { py in
                    try z.withUnsafeMutableBufferPointer { pz in
                        try geo.withUnsafeMutableBufferPointer { pg in
                            var i = 0
                            try t.forEachRow { r in
                                pID[i] = try r.int64(cID)
                                px[i] = try r.float(cx)
                                py[i] = try r.float(cy)
                                pz[i] = try r.float(cz)
                                let v = try r.int64(cv), l = try r.int64(cl), m = try r.int64(cm)
                                guard v >= 0 && v <= Int64(GeometryID.maxVolume), l >= 0 && l <= Int64(GeometryID.maxLayer),
                                      m >= 0 && m <= Int64(GeometryID.maxModule) else {
                                    let column = v < 0 || v > Int64(GeometryID.maxVolume) ? "volume_id"
                                        : l < 0 || l > Int64(GeometryID.maxLayer) ? "layer_id" : "module_id"
                                    throw EventIOError.geometryOutOfRange(volume: v, layer: l, module: m,
                                                                          at: t.location(line: r.line, column: column))
                                }
                                pg[i] = GeometryID(volume: Int32(v), layer: Int32(l), module: Int32(m))
                                i += 1
                            }
                        }
                    }
                }
            }
        }
        return Hits(hitID: ids, x: x, y: y, z: z, geometryID: geo)
    }

    /// Parses `hit_id, ch0, ch1, value`, mapping hit ids to hit rows.
    static func readCells(_ t: CSVTable, hits: Hits, index: HitIDIndex) throws -> Cells {
        let cID = try t.column("hit_id"), c0 = try t.column("ch0"), c1 = try t.column("ch1"), cv = try t.column("value")
        let n = t.rowCount
        var hitIndex = [Int32](repeating: 0, count: n), ch0 = hitIndex, ch1 = hitIndex
        var value = [Float](repeating: 0, count: n)
        try hitIndex.withUnsafeMutableBufferPointer { ph in
            try ch0.withUnsafeMutableBufferPointer { p0 in
                try ch1.withUnsafeMutableBufferPointer { p1 in
                    try value.withUnsafeMutableBufferPointer { pv in
                        var i = 0, hint = 0
                        try t.forEachRow { r in
                            let id = try r.int64(cID)
                            // Cells of one hit are contiguous: the next cell is on this hit or the next.
                            guard let row = index.row(of: id, hint: hint) ?? index.row(of: id, hint: hint + 1) else {
                                throw EventIOError.unknownHitID(hitID: id, at: t.location(line: r.line, column: "hit_id"))
                            }
                            hint = row
                            ph[i] = Int32(row)
                            p0[i] = try r.int32(c0)
                            p1[i] = try r.int32(c1)
                            pv[i] = try r.float(cv)
                            i += 1
                        }
                    }
                }
            }
        }
        return Cells(hitIndex: hitIndex, channel0: ch0, channel1: ch1, value: value)
    }

    /// Parses `particle_id, [particle_type,] vx, vy, vz, px, py, pz, q, nhits`.
    static func readParticles(_ t: CSVTable) throws -> Particles {
        let cID = try t.column("particle_id"), cType = t.optionalColumn("particle_type")
        let cvx = try t.column("vx"), cvy = try t.column("vy"), cvz = try t.column("vz")
        let cpx = try t.column("px"), cpy = try t.column("py"), cpz = try t.column("pz")
        let cq = try t.column("q"), cn = try t.column("nhits")
        let n = t.rowCount
        var p = Particles(withType: cType != nil)
        p.particleID = [UInt64](repeating: 0, count: n)
        let zeros = [Float](repeating: 0, count: n), izeros = [Int32](repeating: 0, count: n)
        p.vx = zeros; p.vy = zeros; p.vz = zeros; p.px = zeros; p.py = zeros; p.pz = zeros
        p.charge = izeros; p.nHits = izeros
        var type = cType == nil ? [] : izeros
        var i = 0
        try t.forEachRow { r in
            p.particleID[i] = try r.uint64(cID)
            if let c = cType { type[i] = try r.int32(c) }
            p.vx[i] = try r.float(cvx); p.vy[i] = try r.float(cvy); p.vz[i] = try r.float(cvz)
            p.px[i] = try r.float(cpx); p.py[i] = try r.float(cpy); p.pz[i] = try r.float(cpz)
            p.charge[i] = try r.int32(cq); p.nHits[i] = try r.int32(cn)
            i += 1
        }
        if cType != nil { p.particleType = type }
        if let (first, second) = EventValidation.firstDuplicate(p.particleID) {
            throw EventIOError.duplicateParticleID(particleID: p.particleID[second],
                                                   at: t.location(row: second, column: "particle_id"),
                                                   firstAt: t.location(row: first, column: "particle_id"))
        }
        return p
    }

    /// Parses `hit_id, particle_id, tx, ty, tz, tpx, tpy, tpz, weight` into rows aligned with the hits.
    static func readTruth(_ t: CSVTable, hits: Hits, hitsTable: CSVTable, index: HitIDIndex) throws -> Truth {
        let cID = try t.column("hit_id"), cp = try t.column("particle_id")
        let ctx = try t.column("tx"), cty = try t.column("ty"), ctz = try t.column("tz")
        let cpx = try t.column("tpx"), cpy = try t.column("tpy"), cpz = try t.column("tpz"), cw = try t.column("weight")
        let n = hits.count
        var truth = Truth()
        truth.particleID = [UInt64](repeating: 0, count: n)
        let zeros = [Float](repeating: 0, count: n)
        truth.tx = zeros; truth.ty = zeros; truth.tz = zeros
        truth.tpx = zeros; truth.tpy = zeros; truth.tpz = zeros; truth.weight = zeros
        // The file line that filled each hit row (0: not yet filled), to report repeats and gaps.
        var filledBy = [Int32](repeating: 0, count: n)
        var i = 0
        try t.forEachRow { r in
            let id = try r.int64(cID)
            guard let row = index.row(of: id, hint: i) else {
                throw EventIOError.unknownHitID(hitID: id, at: t.location(line: r.line, column: "hit_id"))
            }
            guard filledBy[row] == 0 else {
                throw EventIOError.duplicateHitID(hitID: id, at: t.location(line: r.line, column: "hit_id"),
                                                  firstAt: t.location(line: Int(filledBy[row]), column: "hit_id"))
            }
            filledBy[row] = Int32(truncatingIfNeeded: r.line)
            truth.particleID[row] = try r.uint64(cp)
            truth.tx[row] = try r.float(ctx); truth.ty[row] = try r.float(cty); truth.tz[row] = try r.float(ctz)
            truth.tpx[row] = try r.float(cpx); truth.tpy[row] = try r.float(cpy); truth.tpz[row] = try r.float(cpz)
            truth.weight[row] = try r.float(cw)
            i += 1
        }
        if let row = filledBy.firstIndex(of: 0) {
            throw EventIOError.missingTruth(hitID: hits.hitID[row], hitAt: hitsTable.location(row: row, column: "hit_id"),
                                            truthFile: t.path)
        }
        return truth
    }
}
