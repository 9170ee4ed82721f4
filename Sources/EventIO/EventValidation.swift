import Detector
import EventData

/// Consistency checks of event data, shared by every reader and writer.
///
/// Readers call them with locations in their own terms (file line and column, HDF5 dataset and
/// row); the public entry points check in-memory events, naming the table and row.
public enum EventValidation {
    /// Builds the location of a (row, column) of one table for error messages.
    typealias Locator = (_ row: Int, _ column: String) -> DataLocation

    /// An in-memory locator: `event 1000 hits.x, row 5`.
    static func memory(_ event: Int64, _ table: String) -> Locator {
        { row, column in .memory(table: "event \(event) \(table).\(column)", row: row) }
    }

    /// Checks an in-memory event before it is written: at least one hit; finite coordinates;
    /// geometry ids made of volume, layer and module only; unique hit ids; columns of equal length
    /// in every table; truth aligned with the hits; cells pointing at existing hits; unique
    /// particle ids.
    ///
    /// - Throws: ``EventIOError`` naming the table, column and row.
    /// - Complexity: O(hits + cells + particles).
    public static func check(_ event: Event) throws {
        let id = event.eventID
        try checkHits(event.hits, locate: memory(id, "hits"))
        if let truth = event.truth {
            try checkTruth(truth, hitCount: event.hits.count, locate: memory(id, "truth"))
        }
        if let cells = event.cells {
            try checkCells(cells, hitCount: event.hits.count, locate: memory(id, "cells"))
        }
        if let particles = event.particles {
            try checkParticles(particles, locate: memory(id, "particles"))
        }
    }

    /// Checks that every hit lies on a module for which `isKnown` is true (for example a module of
    /// the detector the event belongs to).
    ///
    /// - Throws: ``EventIOError/unknownModule(_:at:)`` for the first hit on an unknown module.
    /// - Complexity: O(hits) calls of `isKnown`.
    public static func checkModules(_ hits: Hits, event: Int64, isKnown: (GeometryID) -> Bool) throws {
        try checkModules(hits, isKnown: isKnown, locate: memory(event, "hits"))
    }

    /// Checks that every hit lies on a module of `detector`.
    ///
    /// - Throws: ``EventIOError/unknownModule(_:at:)`` for the first hit on a module the detector
    ///   does not have.
    /// - Complexity: O(hits) module look-ups.
    public static func checkModules(_ hits: Hits, event: Int64, detector: Detector) throws {
        try checkModules(hits, event: event) { detector.moduleIndex(of: $0) != nil }
    }

    static func checkModules(_ hits: Hits, isKnown: (GeometryID) -> Bool, locate: Locator) throws {
        for (row, g) in hits.geometryID.enumerated() where !isKnown(g) {
            throw EventIOError.unknownModule(g, at: locate(row, "geometry_id"))
        }
    }

    /// Hits: non-empty, equal column lengths, finite coordinates, packable geometry ids, unique ids.
    static func checkHits(_ hits: Hits, locate: Locator) throws {
        let n = hits.hitID.count
        guard n > 0 else { throw EventIOError.emptyEvent(locate(0, "hit_id")) }
        try equalLengths(n, [("x", hits.x.count), ("y", hits.y.count), ("z", hits.z.count),
                             ("geometry_id", hits.geometryID.count)], locate)
        try finite(hits.x, "x", locate)
        try finite(hits.y, "y", locate)
        try finite(hits.z, "z", locate)
        for (row, g) in hits.geometryID.enumerated() where !isPacked(g) {
            throw EventIOError.geometryOutOfRange(volume: Int64(g.volume), layer: Int64(g.layer),
                                                  module: Int64(g.module), at: locate(row, "geometry_id"))
        }
        do throws(HitIDIndex.Duplicate) { _ = try HitIDIndex(hits.hitID) } catch {
            throw EventIOError.duplicateHitID(hitID: error.hitID, at: locate(error.second, "hit_id"),
                                              firstAt: locate(error.first, "hit_id"))
        }
    }

    /// Truth: one row per hit, equal column lengths.
    static func checkTruth(_ truth: Truth, hitCount: Int, locate: Locator) throws {
        let n = truth.particleID.count
        if n != hitCount {
            throw EventIOError.lengthMismatch(expected: hitCount, found: n, at: locate(min(n, hitCount), "particle_id"))
        }
        try equalLengths(n, [("tx", truth.tx.count), ("ty", truth.ty.count), ("tz", truth.tz.count),
                             ("tpx", truth.tpx.count), ("tpy", truth.tpy.count), ("tpz", truth.tpz.count),
                             ("weight", truth.weight.count)], locate)
    }

    /// Cells: equal column lengths, hit indices in `0 ..< hitCount`.
    static func checkCells(_ cells: Cells, hitCount: Int, locate: Locator) throws {
        let n = cells.hitIndex.count
        try equalLengths(n, [("ch0", cells.channel0.count), ("ch1", cells.channel1.count),
                             ("value", cells.value.count)], locate)
        for (row, h) in cells.hitIndex.enumerated() where h < 0 || Int(h) >= hitCount {
            throw EventIOError.badValue(text: String(h), expected: "a hit index in 0..<\(hitCount)",
                                        at: locate(row, "hit_index"))
        }
    }

    /// Particles: equal column lengths, unique particle ids.
    static func checkParticles(_ p: Particles, locate: Locator) throws {
        let n = p.particleID.count
        var lengths = [("vx", p.vx.count), ("vy", p.vy.count), ("vz", p.vz.count), ("px", p.px.count),
                       ("py", p.py.count), ("pz", p.pz.count), ("q", p.charge.count), ("nhits", p.nHits.count)]
        if let t = p.particleType { lengths.append(("particle_type", t.count)) }
        try equalLengths(n, lengths, locate)
        if let (first, second) = firstDuplicate(p.particleID) {
            throw EventIOError.duplicateParticleID(particleID: p.particleID[second], at: locate(second, "particle_id"),
                                                   firstAt: locate(first, "particle_id"))
        }
    }

    /// Whether a geometry id holds only volume, layer and module bits (so that TrackML's three
    /// columns represent it exactly).
    @inline(__always) static func isPacked(_ g: GeometryID) -> Bool {
        GeometryID(volume: g.volume, layer: g.layer, module: g.module) == g
    }

    /// The rows of the first repeated value (in order of the second occurrence), or `nil`.
    static func firstDuplicate(_ ids: [UInt64]) -> (Int, Int)? {
        var increasing = true
        for i in ids.indices.dropFirst() where ids[i] <= ids[i - 1] { increasing = false; break }
        if increasing { return nil }
        var seen = [UInt64: Int](minimumCapacity: ids.count)
        for (row, id) in ids.enumerated() {
            if let first = seen.updateValue(row, forKey: id) { return (first, row) }
        }
        return nil
    }

    static func equalLengths(_ n: Int, _ columns: [(String, Int)], _ locate: Locator) throws {
        for (name, count) in columns where count != n {
            throw EventIOError.lengthMismatch(expected: n, found: count, at: locate(min(n, count), name))
        }
    }

    static func finite(_ values: [Float], _ column: String, _ locate: Locator) throws {
        let bad = values.withUnsafeBufferPointer { p -> Int? in
            var allFinite = true
            for v in p { allFinite = allFinite && v.isFinite }
            return allFinite ? nil : p.firstIndex { !$0.isFinite }
        }
        if let row = bad { throw EventIOError.nonFinite(value: Double(values[row]), at: locate(row, column)) }
    }
}
