import EventData
@testable import EventIO
import FileSupport
import Foundation
import Testing

/// A write that fails leaves no output file behind (and an existing file as it was).
@Suite("Failed writes leave nothing behind")
struct FailedWriteTests {
    static func tinyEvent() throws -> Event {
        let dir = try TemporaryDirectory()
        try dir.write("event000000002-hits.csv", TinyEvent.hits)
        try dir.write("event000000002-truth.csv", TinyEvent.truth)
        try dir.write("event000000002-cells.csv", TinyEvent.cells)
        try dir.write("event000000002-particles.csv", TinyEvent.particles)
        return try TrackMLEventReader.read(prefix: dir.file("event000000002"))
    }

    @Test("TrackML write of an event with a NaN coordinate: error naming table and row, no files")
    func csvNaN() throws {
        let dir = try TemporaryDirectory()
        var event = try Self.tinyEvent()
        event.hits.z[1] = .nan
        expectFailure(mentioning: ["event 2 hits.z, row 1", "not a finite number"]) {
            try TrackMLEventWriter.write(event, prefix: dir.file("out/event000000002"), compressed: true)
        }
        #expect(dir.contents.isEmpty)
    }

    @Test("TrackML write where one output cannot be placed: no file of the event, no temporaries")
    func csvBlockedTarget() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("event000000002-truth.csv"), withIntermediateDirectories: false)
        let event = try Self.tinyEvent()
        expectFailure(mentioning: [dir.file("event000000002-truth.csv")]) {
            try TrackMLEventWriter.write(event, prefix: dir.file("event000000002"), compressed: false)
        }
        #expect(dir.contents == ["event000000002-truth.csv"])
    }

    @Test("TrackML write into an unwritable place: error naming the path")
    func csvUnwritable() throws {
        let dir = try TemporaryDirectory()
        try dir.write("file", "not a directory")
        let event = try Self.tinyEvent()
        expectFailure(mentioning: [dir.file("file")]) {
            try TrackMLEventWriter.write(event, prefix: dir.file("file/event000000002"), compressed: false)
        }
        #expect(dir.contents == ["file"])
    }

    @Test("HDF5 write of an invalid event: no store file")
    func hdf5Invalid() throws {
        let dir = try TemporaryDirectory()
        var event = try Self.tinyEvent()
        event.hits.hitID[2] = event.hits.hitID[0]
        expectFailure(mentioning: ["event 2 hits.hit_id, row 2", "first at row 0"]) {
            try HDF5EventStore.write([event], to: dir.file("events.h5"))
        }
        var empty = event
        empty.hits = Hits()
        empty.truth = nil; empty.cells = nil
        expectFailure(mentioning: ["event 2 hits", "no hits"]) {
            try HDF5EventStore.write([empty], to: dir.file("events.h5"))
        }
        #expect(dir.contents.isEmpty)
    }

    @Test("HDF5 write of two events with one id: no store file")
    func hdf5DuplicateEvent() throws {
        let dir = try TemporaryDirectory()
        let event = try Self.tinyEvent()
        #expect(throws: EventIOError.eventExists(file: dir.file("events.h5"), eventID: 2)) {
            try HDF5EventStore.write([event, event], to: dir.file("events.h5"))
        }
        #expect(dir.contents.isEmpty)
    }

    @Test("HDF5 write over a directory: error, directory untouched, no temporaries")
    func hdf5BlockedTarget() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("events.h5"), withIntermediateDirectories: false)
        let event = try Self.tinyEvent()
        expectFailure(mentioning: [dir.file("events.h5")]) { try HDF5EventStore.write([event], to: dir.file("events.h5")) }
        #expect(dir.contents == ["events.h5"])
    }

    @Test("HDF5 append to a foreign file: error, file unchanged, no temporaries")
    func hdf5AppendForeign() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("events.h5", "not hdf5\n")
        let event = try Self.tinyEvent()
        expectFailure(mentioning: [path, "not a readable HDF5 file"]) { try HDF5EventStore.append([event], to: path) }
        #expect(try DataFile.readRaw(path) == Array("not hdf5\n".utf8))
        #expect(dir.contents == ["events.h5"])
    }

    @Test("submission write into a missing directory: error naming the file, nothing left")
    func submissionUnwritable() throws {
        let dir = try TemporaryDirectory()
        let s = Submission(eventID: 2, hitID: [1, 2], trackID: [1, 1])
        expectFailure(mentioning: [dir.file("no/such/dir/sub.csv")]) { try s.write(to: dir.file("no/such/dir/sub.csv")) }
        #expect(dir.contents.isEmpty)
    }
}
