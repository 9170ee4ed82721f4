import CHDF5
import CHDF5Support
import EventData
@testable import EventIO
import FileSupport
import Foundation
import Testing

/// Truncated, foreign or damaged HDF5 files get one clear error naming the file and the dataset,
/// never a crash.
@Suite("Bad HDF5 input")
struct BadHDF5InputTests {
    let dir: TemporaryDirectory
    init() throws { dir = try TemporaryDirectory() }

    /// Builds an HDF5 file with the given root attributes and hit columns (through the store's own
    /// HDF5 access layer, so any layout can be produced).
    func makeFile(_ name: String, format: String? = HDF5EventStore.formatName,
                  version: Int64? = HDF5EventStore.formatVersion,
                  hits: ((HDF5Access, hid_t, String) throws -> Void)? = nil) throws -> String {
        let path = dir.file(name)
        try HDF5Access.locked {
            let a = HDF5Access(file: path)
            let file = try a.create(at: path)
            if let format { try a.writeAttribute(file, "weft_format", format, path: "/") }
            if let version { try a.writeAttribute(file, "weft_format_version", version, path: "/") }
            if let hits {
                let events = try a.createGroup(file, "events", path: "/events")
                let event = try a.createGroup(events, "3", path: "/events/3")
                let group = try a.createGroup(event, "hits", path: "/events/3/hits")
                try hits(a, group, "/events/3/hits")
                H5Gclose(group); H5Gclose(event); H5Gclose(events)
            }
            try a.close(file: file)
        }
        return path
    }

    /// The first half of a valid store holding the real event 1, as `name`.
    func halfStore(_ name: String) throws -> String {
        let whole = dir.file("whole-" + name)
        try HDF5EventStore.write([try TrackMLEventReader.read(prefix: TrackMLData.event1)], to: whole)
        let bytes = try DataFile.readRaw(whole)
        let half = dir.file(name)
        try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: half))
        return half
    }

    /// Writes valid hit columns except those `override` replaces.
    func validHits(_ a: HDF5Access, _ g: hid_t, _ p: String, skip: Set<String> = []) throws {
        if !skip.contains("hit_id") { try a.write([Int64(1), 2, 3], g, "hit_id", path: p) }
        if !skip.contains("x") { try a.write([Float(1), 2, 3], g, "x", path: p) }
        if !skip.contains("y") { try a.write([Float(1), 2, 3], g, "y", path: p) }
        if !skip.contains("z") { try a.write([Float(1), 2, 3], g, "z", path: p) }
        if !skip.contains("geometry_id") {
            try a.write([UInt64](repeating: GeometryID(volume: 8, layer: 2, module: 1).rawValue, count: 3), g, "geometry_id", path: p)
        }
    }

    @Test("a hand-built valid file reads, so the variations below test one fault each")
    func validBaseline() throws {
        let path = try makeFile("ok.h5") { a, g, p in try validHits(a, g, p) }
        let e = try HDF5EventStore.read(path: path, eventID: 3)
        #expect(e.hits.hitID == [1, 2, 3] && e.cells == nil && e.truth == nil)
    }

    @Test("missing file: names the file")
    func missingFile() {
        let path = dir.file("nothing.h5")
        expectFailure(mentioning: [path]) { _ = try HDF5EventStore(path: path) }
    }

    @Test("text file named .h5: not HDF5, names the file")
    func textFile() throws {
        let path = try dir.write("event.h5", "hit_id,x,y,z\n1,2,3,4\n")
        let e = expectFailure(mentioning: [path, "not a readable HDF5 file"]) { _ = try HDF5EventStore(path: path) }
        guard case .notHDF5? = e else { Issue.record("wrong error \(String(describing: e))"); return }
    }

    @Test("HDF5 file cut in half: a clear error naming the file, no crash")
    func truncated() throws {
        let cut = try halfStore("cut.h5")
        let e = expectFailure(mentioning: [cut]) { _ = try HDF5EventStore(path: cut).read(eventID: 1) }
        guard case .notHDF5? = e else { Issue.record("wrong error \(String(describing: e))"); return }
    }

    @Test("a failed HDF5 call leaves no error records on its thread")
    func failureLeavesNoErrorRecords() throws {
        // HDF5 keeps one error stack per thread; records left on a thread other than the one that
        // shuts the library down at exit hold ids that never close, and HDF5 1.10 then prints
        // "infinite loop closing library". Each failure is read into Weft's error and cleared.
        let cut = try halfStore("half.h5")
        final class Outcome: @unchecked Sendable { var failed = false; var records = -1 }
        let outcome = Outcome(), done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do { _ = try HDF5EventStore(path: cut) } catch { outcome.failed = true }
            weft_h5_lock()
            outcome.records = Int(H5Eget_num(hid_t(H5E_DEFAULT)))
            weft_h5_unlock()
            done.signal()
        }
        thread.start()
        done.wait()
        #expect(outcome.failed)
        #expect(outcome.records == 0)
    }

    @Test("foreign HDF5 file (no format attribute): names the file and the attribute")
    func foreign() throws {
        let path = try makeFile("foreign.h5", format: nil, version: nil)
        let e = expectFailure(mentioning: [path, "not a Weft event store", "weft_format"]) { _ = try HDF5EventStore(path: path) }
        guard case .notEventStore? = e else { Issue.record("wrong error \(String(describing: e))"); return }
    }

    @Test("HDF5 file of another format name: names the file")
    func otherFormat() throws {
        let path = try makeFile("other.h5", format: "acts-event")
        expectFailure(mentioning: [path, "'acts-event'"]) { _ = try HDF5EventStore(path: path) }
    }

    @Test("a newer format version is refused")
    func newerVersion() throws {
        let path = try makeFile("v2.h5", version: 2)
        #expect(throws: EventIOError.unsupportedVersion(file: path, found: 2, supported: 1)) { _ = try HDF5EventStore(path: path) }
    }

    @Test("store without an /events group: names the group")
    func noEventsGroup() throws {
        let path = try makeFile("empty.h5")
        expectFailure(mentioning: [path, "/events", "missing group"]) { _ = try HDF5EventStore(path: path) }
    }

    @Test("missing dataset: names file and dataset")
    func missingDataset() throws {
        let path = try makeFile("nox.h5") { a, g, p in try validHits(a, g, p, skip: ["x"]) }
        expectFailure(mentioning: [path, "/events/3/hits/x: HDF5 error: missing dataset"]) {
            _ = try HDF5EventStore.read(path: path, eventID: 3)
        }
    }

    @Test("dataset of the wrong type: names file and dataset")
    func wrongType() throws {
        let path = try makeFile("floatids.h5") { a, g, p in
            try validHits(a, g, p, skip: ["hit_id"])
            try a.write([Float(1), 2, 3], g, "hit_id", path: p)
        }
        expectFailure(mentioning: [path, "/events/3/hits/hit_id", "integers"]) { _ = try HDF5EventStore.read(path: path, eventID: 3) }
    }

    @Test("columns of different lengths: names file and dataset")
    func lengthMismatch() throws {
        let path = try makeFile("short.h5") { a, g, p in
            try validHits(a, g, p, skip: ["z"])
            try a.write([Float(1), 2], g, "z", path: p)
        }
        expectFailure(mentioning: [path, "/events/3/hits/z", "2 rows, expected 3"]) { _ = try HDF5EventStore.read(path: path, eventID: 3) }
    }

    @Test("NaN coordinate in a store: names file, dataset and row")
    func nanInStore() throws {
        let path = try makeFile("nan.h5") { a, g, p in
            try validHits(a, g, p, skip: ["y"])
            try a.write([Float(1), .nan, 3], g, "y", path: p)
        }
        expectFailure(mentioning: [path, "dataset /events/3/hits/y, row 1", "not a finite number"]) {
            _ = try HDF5EventStore.read(path: path, eventID: 3)
        }
    }

    @Test("duplicate hit id in a store: names file, dataset and rows")
    func duplicateInStore() throws {
        let path = try makeFile("dup.h5") { a, g, p in
            try validHits(a, g, p, skip: ["hit_id"])
            try a.write([Int64(4), 5, 4], g, "hit_id", path: p)
        }
        expectFailure(mentioning: [path, "dataset /events/3/hits/hit_id, row 2", "hit id 4", "first at row 0"]) {
            _ = try HDF5EventStore.read(path: path, eventID: 3)
        }
    }

    @Test("a stored value that does not fit its type is an error, not clamped")
    func overflow() throws {
        let path = try makeFile("big.h5") { a, g, p in
            try validHits(a, g, p, skip: ["hit_id"])
            try a.write([UInt64(1), 2, UInt64.max], g, "hit_id", path: p)
        }
        expectFailure(mentioning: [path, "/events/3/hits/hit_id", "cannot read the dataset"]) {
            _ = try HDF5EventStore.read(path: path, eventID: 3)
        }
    }

    @Test("hit on a module the detector does not have: names file, dataset and row")
    func unknownModule() throws {
        let path = try makeFile("modules.h5") { a, g, p in try validHits(a, g, p) }
        expectFailure(mentioning: [path, "/events/3/hits/geometry_id, row 0", "no module"]) {
            _ = try HDF5EventStore.read(path: path, eventID: 3, isKnownModule: { $0.volume != 8 })
        }
    }

    @Test("unknown event id: lists the events the store holds")
    func eventNotFound() throws {
        let path = try makeFile("ok.h5") { a, g, p in try validHits(a, g, p) }
        #expect(throws: EventIOError.eventNotFound(file: path, eventID: 4, available: [3])) {
            _ = try HDF5EventStore.read(path: path, eventID: 4)
        }
    }

    @Test("a required part the store lacks: names the group")
    func requiredPart() throws {
        let path = try makeFile("ok.h5") { a, g, p in try validHits(a, g, p) }
        expectFailure(mentioning: [path, "/events/3/truth", "missing group"]) {
            _ = try HDF5EventStore.read(path: path, eventID: 3, required: .truth)
        }
    }
}
