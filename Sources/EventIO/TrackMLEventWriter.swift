import EventData
import FileSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an event as TrackML CSV files under a path prefix.
///
/// `write(event, prefix: "out/event000001000", compressed: true)` produces
/// `out/event000001000-hits.csv.gz` and, for the parts the event has, `-cells`, `-particles` and
/// `-truth`. Numbers are written in their shortest form that reads back to the same value, so
/// writing and reading again gives an equal ``Event``. The TrackML files do not store the event
/// number: it lives in the prefix.
public enum TrackMLEventWriter {
    /// Writes `event` under `prefix`, creating the directory when missing.
    ///
    /// The event is checked first (``EventValidation/check(_:)``); then every file is written to a
    /// temporary name and all are renamed into place only once all were written, so a failure
    /// leaves no partial output. Afterwards, files of the same prefix that would shadow or mix
    /// with the written event are removed: the other compression variant of each part written,
    /// and the files of parts the event does not have.
    ///
    /// - Parameter compressed: gzip the files (`.csv.gz`) or not (`.csv`).
    /// - Throws: ``EventIOError``.
    public static func write(_ event: Event, prefix: String, compressed: Bool) throws {
        try EventValidation.check(event)
        var outputs: [(part: String, bytes: [UInt8])] = [("hits", hitsCSV(event.hits))]
        if let cells = event.cells { outputs.append(("cells", cellsCSV(cells, hits: event.hits))) }
        if let particles = event.particles { outputs.append(("particles", particlesCSV(particles))) }
        if let truth = event.truth { outputs.append(("truth", truthCSV(truth, hits: event.hits))) }
        try TrackMLEventReader.wrapped {
            if let slash = prefix.lastIndex(of: "/"), slash != prefix.startIndex {
                try DataFile.makeDirectories(String(prefix[..<slash]))
            }
            let files = outputs.map { (TrackMLFileNames.output(prefix: prefix, part: $0.part, compressed: compressed),
                                       compressed ? Gzip.compress($0.bytes) : $0.bytes) }
            // A directory (or other non-file) in the way would fail its rename after others
            // succeeded: refuse before writing anything.
            for (path, _) in files where !DataFile.exists(path) && access(path, F_OK) == 0 {
                throw DataFileError.cannotWrite(path: path, reason: "exists and is not a regular file")
            }
            try writeAll(files[...])
        }
        let written = Set(outputs.map(\.part))
        for part in ["hits", "cells", "particles", "truth"] {
            for name in TrackMLFileNames.candidates(prefix: prefix, part: part)
            where !written.contains(part) || name != TrackMLFileNames.output(prefix: prefix, part: part, compressed: compressed) {
                if DataFile.exists(name) { unlink(name) }
            }
        }
    }

    /// Writes each file to a temporary name; all are renamed once every one was written.
    private static func writeAll(_ files: ArraySlice<(String, [UInt8])>) throws {
        guard let (path, bytes) = files.first else { return }
        try DataFile.replace(path) { tmp in
            try DataFile.write(bytes, to: tmp)
            try writeAll(files.dropFirst())
        }
    }

    /// `hit_id,x,y,z,volume_id,layer_id,module_id`.
    static func hitsCSV(_ h: Hits) -> [UInt8] {
        var w = CSVWriter(header: ["hit_id", "x", "y", "z", "volume_id", "layer_id", "module_id"], reservingRows: h.count)
        for i in 0 ..< h.count {
            let g = h.geometryID[i]
            w.field(h.hitID[i], first: true); w.field(h.x[i]); w.field(h.y[i]); w.field(h.z[i])
            w.field(g.volume); w.field(g.layer); w.field(g.module); w.endRow()
        }
        return w.bytes
    }

    /// `hit_id,ch0,ch1,value`.
    static func cellsCSV(_ c: Cells, hits: Hits) -> [UInt8] {
        var w = CSVWriter(header: ["hit_id", "ch0", "ch1", "value"], reservingRows: c.count)
        for i in 0 ..< c.count {
            w.field(hits.hitID[Int(c.hitIndex[i])], first: true); w.field(c.channel0[i]); w.field(c.channel1[i])
            w.field(c.value[i]); w.endRow()
        }
        return w.bytes
    }

    /// `particle_id,[particle_type,]vx,vy,vz,px,py,pz,q,nhits`.
    static func particlesCSV(_ p: Particles) -> [UInt8] {
        let type = p.particleType
        let header = ["particle_id"] + (type == nil ? [] : ["particle_type"]) + ["vx", "vy", "vz", "px", "py", "pz", "q", "nhits"]
        var w = CSVWriter(header: header, reservingRows: p.count)
        for i in 0 ..< p.count {
            w.field(p.particleID[i], first: true)
            if let t = type { w.field(t[i]) }
            w.field(p.vx[i]); w.field(p.vy[i]); w.field(p.vz[i]); w.field(p.px[i]); w.field(p.py[i]); w.field(p.pz[i])
            w.field(p.charge[i]); w.field(p.nHits[i]); w.endRow()
        }
        return w.bytes
    }

    /// `hit_id,particle_id,tx,ty,tz,tpx,tpy,tpz,weight`, one row per hit in hit order.
    static func truthCSV(_ t: Truth, hits: Hits) -> [UInt8] {
        var w = CSVWriter(header: ["hit_id", "particle_id", "tx", "ty", "tz", "tpx", "tpy", "tpz", "weight"],
                          reservingRows: t.count)
        for i in 0 ..< t.count {
            w.field(hits.hitID[i], first: true); w.field(t.particleID[i])
            w.field(t.tx[i]); w.field(t.ty[i]); w.field(t.tz[i]); w.field(t.tpx[i]); w.field(t.tpy[i]); w.field(t.tpz[i])
            w.field(t.weight[i]); w.endRow()
        }
        return w.bytes
    }
}
