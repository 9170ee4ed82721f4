import EventData
@testable import EventIO
import FileSupport
import Foundation
import Testing

@Suite("Round trips: TrackML CSV ↔ HDF5 event store")
struct RoundTripTests {
    static let event1 = Result { try TrackMLEventReader.read(prefix: TrackMLData.event1) }
    static let barrel = Result { try TrackMLEventReader.read(prefix: TrackMLData.barrel) }

    @Test("CSV → CSV is exact, plain and gzip", arguments: [false, true])
    func csvRoundTrip(compressed: Bool) throws {
        let dir = try TemporaryDirectory()
        for original in [try Self.event1.get(), try Self.barrel.get()] {
            let prefix = dir.file("out/event\(original.eventID)")
            try TrackMLEventWriter.write(original, prefix: prefix, compressed: compressed)
            let back = try TrackMLEventReader.read(prefix: prefix, eventID: original.eventID)
            #expect(back == original)
            let bytes = try DataFile.readRaw(prefix + "-hits.csv" + (compressed ? ".gz" : ""))
            #expect(Gzip.isCompressed(bytes) == compressed)
        }
        #expect(!dir.contents.contains { $0.contains(".tmp-") })
    }

    @Test("CSV → HDF5 → CSV is exact (all columns), plain and gzip", arguments: [false, true])
    func hdf5RoundTrip(compressed: Bool) throws {
        let dir = try TemporaryDirectory()
        let events = [try Self.event1.get(), try Self.barrel.get()]
        let store = dir.file("events.h5")
        try HDF5EventStore.write(events, to: store)
        let opened = try HDF5EventStore(path: store)
        #expect(opened.eventIDs == [1, 1000])
        for original in events {
            let fromStore = try opened.read(eventID: original.eventID)
            #expect(fromStore == original)
            let prefix = dir.file("csv/event\(original.eventID)")
            try TrackMLEventWriter.write(fromStore, prefix: prefix, compressed: compressed)
            #expect(try TrackMLEventReader.read(prefix: prefix, eventID: original.eventID) == original)
        }
        #expect(try opened.read(eventID: 1000).particles?.particleType == nil)
        #expect(try opened.read(eventID: 1).particles?.particleType?.count == 548)
        let hitsOnly = try opened.read(eventID: 1, parts: [])
        #expect(hitsOnly.hits == (try Self.event1.get()).hits && hitsOnly.truth == nil && hitsOnly.cells == nil)
    }

    @Test("full-density event 1001 round-trips through HDF5")
    func fullDensity() throws {
        let dir = try TemporaryDirectory()
        let original = try TrackMLEventReader.read(prefix: TrackMLData.fullDensity)
        #expect(original.hits.count == 93680)
        #expect(original.truth == nil && original.cells == nil)
        try HDF5EventStore.write([original], to: dir.file("full.h5"))
        #expect(try HDF5EventStore.read(path: dir.file("full.h5"), eventID: 1001) == original)
    }

    @Test("append adds events, refuses a duplicate id unless replacing, and keeps the file on refusal")
    func append() throws {
        let dir = try TemporaryDirectory()
        let store = dir.file("events.h5")
        let e1 = try Self.event1.get(), e1000 = try Self.barrel.get()
        try HDF5EventStore.append([e1], to: store)
        try HDF5EventStore.append([e1000], to: store)
        #expect(try HDF5EventStore(path: store).eventIDs == [1, 1000])
        let before = try DataFile.readRaw(store)
        #expect(throws: EventIOError.eventExists(file: store, eventID: 1)) {
            try HDF5EventStore.append([e1], to: store)
        }
        #expect(try DataFile.readRaw(store) == before)
        var changed = e1
        changed.hits.x[0] += 1
        try HDF5EventStore.append([changed], to: store, replacing: true)
        let opened = try HDF5EventStore(path: store)
        #expect(opened.eventIDs == [1, 1000])
        #expect(try opened.read(eventID: 1) == changed)
        #expect(try opened.read(eventID: 1000) == e1000)
        #expect(dir.contents == ["events.h5"])
    }

    @Test("writing CSV over an older event removes files that would shadow or mix with it")
    func writerRemovesStaleFiles() throws {
        let dir = try TemporaryDirectory()
        let prefix = dir.file("event000000001")
        let full = try Self.event1.get()
        try TrackMLEventWriter.write(full, prefix: prefix, compressed: false)
        var hitsOnly = full
        hitsOnly.cells = nil; hitsOnly.particles = nil; hitsOnly.truth = nil
        try TrackMLEventWriter.write(hitsOnly, prefix: prefix, compressed: true)
        #expect(dir.contents == ["event000000001-hits.csv.gz"])
        #expect(try TrackMLEventReader.read(prefix: prefix) == hitsOnly)
    }
}

@Suite("Round trips of edge cases")
struct EdgeCaseRoundTripTests {
    @Test("empty cells and particles tables round-trip through CSV and HDF5")
    func emptyTables() throws {
        let dir = try TemporaryDirectory()
        var hits = Hits()
        hits.append(hitID: 5, x: 1e-30, y: -0.0, z: 3.4028235e38, geometryID: GeometryID(volume: 255, layer: 4095, module: 1_048_575))
        hits.append(hitID: -7, x: 0.1, y: 1 / 3, z: -2, geometryID: GeometryID(volume: 0, layer: 0, module: 0))
        let event = Event(eventID: -3, hits: hits, cells: Cells(), particles: Particles(withType: false), truth: nil)
        try TrackMLEventWriter.write(event, prefix: dir.file("event3"), compressed: false)
        #expect(try TrackMLEventReader.read(prefix: dir.file("event3"), eventID: -3) == event)
        try HDF5EventStore.write([event], to: dir.file("e.h5"))
        let store = try HDF5EventStore(path: dir.file("e.h5"))
        #expect(store.eventIDs == [-3])
        #expect(try store.read(eventID: -3) == event)
    }
}
