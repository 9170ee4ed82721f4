import CHDF5
import CHDF5Support
import EventData
import FileSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Many events in one HDF5 file: `/events/<event_id>/{hits,cells,particles,truth}/<column>`.
///
/// The layout (documented in `docs/FORMATS.md`) is plain groups of one-dimensional, chunked,
/// shuffle+deflate-compressed datasets, readable by `h5dump`, h5py or any HDF5 client. The root
/// carries the attributes `weft_format = "weft-event-store"` and `weft_format_version = 1`.
///
/// Open a store to list and read its events; ``write(_:to:)`` and ``append(_:to:replacing:)``
/// produce stores atomically (a temporary file renamed into place), so a failed write leaves
/// the previous file, or none, never a half-written one.
///
/// An open store holds an HDF5 file handle: use it from one thread at a time (every HDF5 call in
/// Weft runs under one process-wide lock).
public final class HDF5EventStore {
    /// The format name stored in the root attribute `weft_format`.
    public static let formatName = "weft-event-store"
    /// The format version stored in the root attribute `weft_format_version`, the only one read.
    public static let formatVersion: Int64 = 1

    /// The file.
    public let path: String
    /// The ids of the events in the store, in increasing order.
    public let eventIDs: [Int64]
    private let file: hid_t
    private let access: HDF5Access

    /// Opens an existing store for reading and lists its events.
    ///
    /// - Throws: ``EventIOError``: a missing file, a file that is not HDF5 or is cut short
    ///   (``EventIOError/notHDF5(file:reason:)``), an HDF5 file of another format
    ///   (``EventIOError/notEventStore(file:reason:)``), another format version.
    public init(path: String) throws {
        self.path = path
        access = HDF5Access(file: path)
        (file, eventIDs) = try HDF5Access.locked { [access] in
            let file = try access.open(writable: false)
            do {
                return (file, try Self.checkFormat(access, file))
            } catch {
                H5Fclose(file)
                throw error
            }
        }
    }

    deinit {
        HDF5Access.locked { _ = H5Fclose(file) }
    }

    /// Reads one event.
    ///
    /// - Parameters:
    ///   - eventID: the event to read.
    ///   - parts: the optional parts to read when the store has them (hits are always read).
    ///   - required: the optional parts the store must have for this event.
    ///   - isKnownModule: when given, every hit must lie on a module for which it returns true.
    /// - Throws: ``EventIOError``: ``EventIOError/eventNotFound(file:eventID:available:)``, a
    ///   missing or damaged group or dataset, columns of different lengths, and the same
    ///   validation as the CSV reader (finite coordinates, geometry ids, unique hit and particle
    ///   ids, cell hit indices); each names the dataset and row.
    /// - Complexity: O(size of the event).
    public func read(eventID: Int64, parts: EventParts = .all, required: EventParts = [],
                     isKnownModule: ((GeometryID) -> Bool)? = nil) throws -> Event {
        guard eventIDs.contains(eventID) else {
            throw EventIOError.eventNotFound(file: path, eventID: eventID, available: eventIDs)
        }
        return try HDF5Access.locked {
            let a = access
            let eventPath = "/events/\(eventID)"
            let group = try a.openGroup(file, String(eventPath.dropFirst()), path: eventPath)
            defer { H5Gclose(group) }
            func locator(_ table: String) -> EventValidation.Locator {
                { row, column in .dataset(file: a.file, dataset: "\(eventPath)/\(table)/\(column)", row: row) }
            }
            func table<T>(_ name: String, _ part: EventParts?, _ body: (hid_t, String) throws -> T) throws -> T? {
                if let part {
                    guard parts.union(required).contains(part) else { return nil }
                    guard a.exists(group, name) else {
                        if required.contains(part) {
                            throw EventIOError.hdf5(operation: "missing group",
                                                    at: .dataset(file: a.file, dataset: "\(eventPath)/\(name)", row: nil))
                        }
                        return nil
                    }
                }
                let g = try a.openGroup(group, name, path: "\(eventPath)/\(name)")
                defer { H5Gclose(g) }
                return try body(g, "\(eventPath)/\(name)")
            }

            let hits = try table("hits", nil) { g, p in
                let ids = try a.read(Int64.self, g, "hit_id", path: p)
                let geometry = try a.read(UInt64.self, g, "geometry_id", path: p).map(GeometryID.init(rawValue:))
                let x = try a.read(Float.self, g, "x", path: p), y = try a.read(Float.self, g, "y", path: p)
                let z = try a.read(Float.self, g, "z", path: p)
                try Self.sameLength(ids.count, [("x", x.count), ("y", y.count), ("z", z.count),
                                                ("geometry_id", geometry.count)], locator("hits"))
                return Hits(hitID: ids, x: x, y: y, z: z, geometryID: geometry)
            }!
            try EventValidation.checkHits(hits, locate: locator("hits"))
            if let isKnownModule {
                try EventValidation.checkModules(hits, isKnown: isKnownModule, locate: locator("hits"))
            }
            var event = Event(eventID: eventID, hits: hits)
            event.cells = try table("cells", .cells) { g, p in
                let h = try a.read(Int32.self, g, "hit_index", path: p)
                let c0 = try a.read(Int32.self, g, "ch0", path: p), c1 = try a.read(Int32.self, g, "ch1", path: p)
                let v = try a.read(Float.self, g, "value", path: p)
                try Self.sameLength(h.count, [("ch0", c0.count), ("ch1", c1.count), ("value", v.count)], locator("cells"))
                let cells = Cells(hitIndex: h, channel0: c0, channel1: c1, value: v)
                try EventValidation.checkCells(cells, hitCount: hits.count, locate: locator("cells"))
                return cells
            }
            event.particles = try table("particles", .particles) { g, p in
                var particles = Particles(withType: a.exists(g, "particle_type"))
                particles.particleID = try a.read(UInt64.self, g, "particle_id", path: p)
                if particles.particleType != nil {
                    particles.particleType = try a.read(Int32.self, g, "particle_type", path: p)
                }
                particles.vx = try a.read(Float.self, g, "vx", path: p)
                particles.vy = try a.read(Float.self, g, "vy", path: p)
                particles.vz = try a.read(Float.self, g, "vz", path: p)
                particles.px = try a.read(Float.self, g, "px", path: p)
                particles.py = try a.read(Float.self, g, "py", path: p)
                particles.pz = try a.read(Float.self, g, "pz", path: p)
                particles.charge = try a.read(Int32.self, g, "q", path: p)
                particles.nHits = try a.read(Int32.self, g, "nhits", path: p)
                try EventValidation.checkParticles(particles, locate: locator("particles"))
                return particles
            }
            event.truth = try table("truth", .truth) { g, p in
                var truth = Truth()
                truth.particleID = try a.read(UInt64.self, g, "particle_id", path: p)
                truth.tx = try a.read(Float.self, g, "tx", path: p)
                truth.ty = try a.read(Float.self, g, "ty", path: p)
                truth.tz = try a.read(Float.self, g, "tz", path: p)
                truth.tpx = try a.read(Float.self, g, "tpx", path: p)
                truth.tpy = try a.read(Float.self, g, "tpy", path: p)
                truth.tpz = try a.read(Float.self, g, "tpz", path: p)
                truth.weight = try a.read(Float.self, g, "weight", path: p)
                try EventValidation.checkTruth(truth, hitCount: hits.count, locate: locator("truth"))
                return truth
            }
            return event
        }
    }

    /// Reads one event of the store at `path` (opening and closing it).
    public static func read(path: String, eventID: Int64, parts: EventParts = .all, required: EventParts = [],
                            isKnownModule: ((GeometryID) -> Bool)? = nil) throws -> Event {
        try HDF5EventStore(path: path).read(eventID: eventID, parts: parts, required: required, isKnownModule: isKnownModule)
    }

    // MARK: writing

    /// Writes a new store holding `events`, replacing any file at `path` atomically.
    ///
    /// - Throws: ``EventIOError``: an invalid event (``EventValidation/check(_:)``), two events
    ///   with one id, or an HDF5 failure. Nothing is left at `path` (or the old file stays).
    public static func write(_ events: [Event], to path: String) throws {
        try checkEvents(events, existing: [], path: path)
        try HDF5Access.locked {
            try TrackMLEventReader.wrapped {
                try DataFile.replace(path) { tmp in
                    let a = HDF5Access(file: path)
                    let file = try a.create(at: tmp)
                    do {
                        try a.writeAttribute(file, "weft_format", formatName, path: "/")
                        try a.writeAttribute(file, "weft_format_version", formatVersion, path: "/")
                        let eventsGroup = try a.createGroup(file, "events", path: "/events")
                        defer { H5Gclose(eventsGroup) }
                        for event in events { try writeEvent(event, a, eventsGroup) }
                    } catch {
                        H5Fclose(file)
                        throw error
                    }
                    try a.close(file: file)
                }
            }
        }
    }

    /// Adds `events` to the store at `path` (creating it when missing), atomically: the store is
    /// copied to a temporary file, the events are added to the copy, and the copy replaces the
    /// original.
    ///
    /// - Parameter replacing: an event whose id is already in the store replaces it; otherwise
    ///   that is an error (``EventIOError/eventExists(file:eventID:)``). The space of a replaced
    ///   event is not reclaimed (`h5repack` does that).
    /// - Throws: ``EventIOError``; the store is unchanged when it throws.
    public static func append(_ events: [Event], to path: String, replacing: Bool = false) throws {
        guard DataFile.exists(path) else { return try write(events, to: path) }
        let existing = try HDF5EventStore(path: path).eventIDs
        try checkEvents(events, existing: replacing ? [] : Set(existing), path: path)
        try HDF5Access.locked {
            try TrackMLEventReader.wrapped {
                try DataFile.replace(path) { tmp in
                    try copyFile(path, to: tmp)
                    let a = HDF5Access(file: path)
                    let file = try a.open(writable: true, path: tmp)
                    do {
                        let eventsGroup = try a.openGroup(file, "events", path: "/events")
                        defer { H5Gclose(eventsGroup) }
                        for event in events {
                            let name = String(event.eventID)
                            if a.exists(eventsGroup, name) && H5Ldelete(eventsGroup, name, hid_t(H5P_DEFAULT)) < 0 {
                                throw a.fail("cannot remove the event being replaced", "/events/\(name)")
                            }
                            try writeEvent(event, a, eventsGroup)
                        }
                    } catch {
                        H5Fclose(file)
                        throw error
                    }
                    try a.close(file: file)
                }
            }
        }
    }

    // MARK: internals

    /// Checks the root attributes and lists the event ids.
    private static func checkFormat(_ a: HDF5Access, _ file: hid_t) throws -> [Int64] {
        guard let name = try a.readStringAttribute(file, "weft_format", path: "/") else {
            throw EventIOError.notEventStore(file: a.file, reason: "the root group has no string attribute 'weft_format'")
        }
        guard name == formatName else {
            throw EventIOError.notEventStore(file: a.file, reason: "its format is '\(name)', not '\(formatName)'")
        }
        guard let version = try a.readIntegerAttribute(file, "weft_format_version", path: "/") else {
            throw EventIOError.notEventStore(file: a.file, reason: "the root group has no integer attribute 'weft_format_version'")
        }
        guard version == formatVersion else {
            throw EventIOError.unsupportedVersion(file: a.file, found: version, supported: formatVersion)
        }
        let events = try a.openGroup(file, "events", path: "/events")
        defer { H5Gclose(events) }
        var ids = [Int64]()
        for name in try a.childNames(events, path: "/events") {
            guard let id = Int64(name), String(id) == name else {
                throw EventIOError.notEventStore(file: a.file, reason: "/events/\(name) is not named by an event id")
            }
            ids.append(id)
        }
        return ids.sorted()
    }

    /// Validates events before anything is written.
    private static func checkEvents(_ events: [Event], existing: Set<Int64>, path: String) throws {
        var seen = existing
        for event in events {
            try EventValidation.check(event)
            guard seen.insert(event.eventID).inserted else {
                throw EventIOError.eventExists(file: path, eventID: event.eventID)
            }
        }
    }

    private static func sameLength(_ n: Int, _ columns: [(String, Int)], _ locate: EventValidation.Locator) throws {
        try EventValidation.equalLengths(n, columns, locate)
    }

    /// Writes one event's groups and datasets under `/events`.
    private static func writeEvent(_ event: Event, _ a: HDF5Access, _ events: hid_t) throws {
        let path = "/events/\(event.eventID)"
        let group = try a.createGroup(events, String(event.eventID), path: path)
        defer { H5Gclose(group) }
        func table(_ name: String, _ body: (hid_t, String) throws -> Void) throws {
            let g = try a.createGroup(group, name, path: "\(path)/\(name)")
            defer { H5Gclose(g) }
            try body(g, "\(path)/\(name)")
        }
        let hits = event.hits
        try table("hits") { g, p in
            try a.write(hits.hitID, g, "hit_id", path: p)
            try a.write(hits.x, g, "x", path: p, unit: "mm")
            try a.write(hits.y, g, "y", path: p, unit: "mm")
            try a.write(hits.z, g, "z", path: p, unit: "mm")
            try a.write(hits.geometryID.map(\.rawValue), g, "geometry_id", path: p)
        }
        if let c = event.cells {
            try table("cells") { g, p in
                try a.write(c.hitIndex, g, "hit_index", path: p)
                try a.write(c.channel0, g, "ch0", path: p)
                try a.write(c.channel1, g, "ch1", path: p)
                try a.write(c.value, g, "value", path: p)
            }
        }
        if let q = event.particles {
            try table("particles") { g, p in
                try a.write(q.particleID, g, "particle_id", path: p)
                if let t = q.particleType { try a.write(t, g, "particle_type", path: p) }
                try a.write(q.vx, g, "vx", path: p, unit: "mm")
                try a.write(q.vy, g, "vy", path: p, unit: "mm")
                try a.write(q.vz, g, "vz", path: p, unit: "mm")
                try a.write(q.px, g, "px", path: p, unit: "GeV")
                try a.write(q.py, g, "py", path: p, unit: "GeV")
                try a.write(q.pz, g, "pz", path: p, unit: "GeV")
                try a.write(q.charge, g, "q", path: p, unit: "e")
                try a.write(q.nHits, g, "nhits", path: p)
            }
        }
        if let t = event.truth {
            try table("truth") { g, p in
                try a.write(t.particleID, g, "particle_id", path: p)
                try a.write(t.tx, g, "tx", path: p, unit: "mm")
                try a.write(t.ty, g, "ty", path: p, unit: "mm")
                try a.write(t.tz, g, "tz", path: p, unit: "mm")
                try a.write(t.tpx, g, "tpx", path: p, unit: "GeV")
                try a.write(t.tpy, g, "tpy", path: p, unit: "GeV")
                try a.write(t.tpz, g, "tpz", path: p, unit: "GeV")
                try a.write(t.weight, g, "weight", path: p)
            }
        }
    }
}

/// Copies a file byte for byte (the temporary copy that ``append(_:to:replacing:)`` edits).
private func copyFile(_ source: String, to destination: String) throws {
    let input = open(source, O_RDONLY)
    guard input >= 0 else { throw DataFileError.cannotRead(path: source, reason: String(cString: strerror(errno))) }
    defer { close(input) }
    let output = open(destination, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard output >= 0 else { throw DataFileError.cannotWrite(path: source, reason: String(cString: strerror(errno))) }
    defer { close(output) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        guard n >= 0 else { throw DataFileError.cannotRead(path: source, reason: String(cString: strerror(errno))) }
        if n == 0 { return }
        var done = 0
        while done < n {
            let w = buffer.withUnsafeBytes { write(output, $0.baseAddress! + done, n - done) }
            if w < 0 && errno == EINTR { continue }
            guard w > 0 else { throw DataFileError.cannotWrite(path: source, reason: String(cString: strerror(errno))) }
            done += w
        }
    }
}
