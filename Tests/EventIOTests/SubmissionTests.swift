import EventData
@testable import EventIO
import FileSupport
import Foundation
import Testing

@Suite("Submissions")
struct SubmissionTests {
    /// Truth-perfect tracks of event000000001: one track per particle, noise in no track.
    static func truthTracks(_ e: Event) throws -> Tracks {
        let truth = try #require(e.truth)
        var labels = truth.particleID.map { Int64(bitPattern: $0) }
        for i in labels.indices where truth.particleID[i] == 0 { labels[i] = -1 }
        return Tracks(trackLabels: labels, unassigned: [-1])
    }

    @Test("Tracks → submission → file → Tracks is exact; every hit is listed once", arguments: ["sub.csv", "sub.csv.gz"])
    func roundTrip(name: String) throws {
        let dir = try TemporaryDirectory()
        let e = try TrackMLEventReader.read(prefix: TrackMLData.event1)
        let tracks = try Self.truthTracks(e)
        #expect(tracks.count == 468)
        let s = try Submission(tracks: tracks, hits: e.hits, eventID: e.eventID)
        #expect(s.count == e.hits.count)
        #expect(Set(s.hitID) == Set(e.hits.hitID))
        #expect(s.trackID.filter { $0 == 0 }.count == 829)
        try s.write(to: dir.file(name))
        let back = try Submission.read(path: dir.file(name), eventID: 1)
        #expect(back == s)
        #expect(try back.tracks(for: e.hits, eventID: 1) == tracks)
        let text = String(decoding: try DataFile.read(dir.file(name)), as: UTF8.self)
        #expect(text.hasPrefix("event_id,hit_id,track_id\n1,"))
    }

    @Test("tracks with all labels kept: label 0 becomes a track when unassigned is nil")
    func unassignedLabel() throws {
        var hits = Hits()
        for id in [Int64(10), 20, 30] { hits.append(hitID: id, x: 0, y: 0, z: 0, geometryID: GeometryID(rawValue: 0)) }
        let s = Submission(eventID: 5, hitID: [30, 10], trackID: [0, 7])
        #expect(try s.tracks(for: hits) == Tracks(hitLists: [[0]]))
        #expect(try s.tracks(for: hits, unassigned: nil) == Tracks(hitLists: [[2], [0]]))
    }

    @Test("unknown hit id: names file, line and column")
    func unknownHit() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("sub.csv", "event_id,hit_id,track_id\n9,1,1\n9,999,1\n9,2,2\n")
        let s = try Submission.read(path: path)
        var hits = Hits()
        for id in [Int64(1), 2, 3] { hits.append(hitID: id, x: 0, y: 0, z: 0, geometryID: GeometryID(rawValue: 0)) }
        let e = expectFailure(mentioning: [path, "line 3", "column 'hit_id'", "hit id 999"]) { _ = try s.tracks(for: hits) }
        #expect(e == .unknownHitID(hitID: 999, at: .text(file: path, line: 3, column: "hit_id")))
    }

    @Test("hit assigned twice: names file and both lines")
    func hitTwice() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("sub.csv", "event_id,hit_id,track_id\n9,1,1\n9,2,1\n\n9,1,2\n")
        expectFailure(mentioning: [path, "line 5", "column 'hit_id'", "hit id 1", "first at line 2"]) {
            _ = try Submission.read(path: path)
        }
    }

    @Test("hit in two tracks of an in-memory Tracks: names both tracks")
    func hitInTwoTracks() throws {
        var hits = Hits()
        for id in [Int64(1), 2, 3] { hits.append(hitID: id, x: 0, y: 0, z: 0, geometryID: GeometryID(rawValue: 0)) }
        expectFailure(mentioning: ["track 1", "hit id 2", "track 0"]) {
            _ = try Submission(tracks: Tracks(hitLists: [[0, 1], [1, 2]]), hits: hits, eventID: 1)
        }
    }

    @Test("missing column: names file and column")
    func missingColumn() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("sub.csv", "event_id,hit_id\n9,1\n")
        expectFailure(mentioning: [path, "line 1", "'track_id'"]) { _ = try Submission.read(path: path) }
    }

    @Test("wrong event id: names file, line and column")
    func wrongEvent() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("sub.csv", "event_id,hit_id,track_id\n9,1,1\n9,2,1\n8,3,1\n")
        #expect(throws: EventIOError.wrongEventID(expected: 9, found: 8, at: .text(file: path, line: 4, column: "event_id"))) {
            _ = try Submission.read(path: path)
        }
        expectFailure(mentioning: [path, "line 2", "event id 9, expected 7"]) { _ = try Submission.read(path: path, eventID: 7) }
        let s = Submission(eventID: 9, hitID: [], trackID: [])
        expectFailure(mentioning: ["event id 9, expected 3"]) { _ = try s.tracks(for: Hits(), eventID: 3) }
    }

    @Test("non-numeric track id: names file, line and column")
    func nonNumeric() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("sub.csv", "event_id,hit_id,track_id\n9,1,x7\n")
        expectFailure(mentioning: [path, "line 2", "column 'track_id'"]) { _ = try Submission.read(path: path) }
    }

    @Test("empty submission (header only): an error naming the file")
    func empty() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("sub.csv", "event_id,hit_id,track_id\n")
        expectFailure(mentioning: [path, "no hits"]) { _ = try Submission.read(path: path) }
    }
}
