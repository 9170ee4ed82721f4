import EventData
import FileSupport

/// A TrackML submission for one event: the track label of each listed hit (`event_id,hit_id,track_id`).
///
/// Conventions (also in `docs/FORMATS.md`):
/// - Weft writes every hit of the event, once, in hit order within each track: tracks get labels
///   `1, 2, …` in track order, and hits in no track get label `0`.
/// - Reading, label `0` (by default) means "in no track", and hits of the event missing from the
///   submission are in no track either. Tracks are ordered by the first line of their label and
///   keep the file order of their hits, so ``Tracks`` → submission → ``Tracks`` is exact.
/// - A file holds one event: a row of another event is an error, as is a hit listed twice.
public struct Submission: Sendable {
    /// The event number (`event_id`).
    public var eventID: Int64
    /// The hit ids listed (`hit_id`), in file order.
    public var hitID: [Int64]
    /// The track label of each listed hit (`track_id`).
    public var trackID: [Int64]
    /// The file read and the line of each row, for error messages (empty when built in memory).
    var source: (path: String, lines: [Int32])?

    /// The label Weft writes for hits in no track.
    public static let unassignedLabel: Int64 = 0

    /// Builds a submission from its columns.
    ///
    /// - Precondition: `hitID` and `trackID` have the same length.
    public init(eventID: Int64, hitID: [Int64], trackID: [Int64]) {
        precondition(hitID.count == trackID.count, "Submission columns differ in length")
        self.eventID = eventID; self.hitID = hitID; self.trackID = trackID; source = nil
    }

    /// The submission of `tracks` found in an event with `hits`: every hit listed, tracks labelled
    /// `1, 2, …` in order, hits in no track labelled ``unassignedLabel``.
    ///
    /// - Throws: ``EventIOError/badValue(text:expected:at:)`` for a hit index out of range, and
    ///   ``EventIOError/duplicateHitID(hitID:at:firstAt:)`` for a hit in two tracks.
    public init(tracks: Tracks, hits: Hits, eventID: Int64) throws {
        var label = [Int64](repeating: Self.unassignedLabel, count: hits.count)
        var hitID = [Int64](), trackID = [Int64]()
        hitID.reserveCapacity(hits.count); trackID.reserveCapacity(hits.count)
        var firstTrack = [Int32](repeating: -1, count: hits.count)
        for t in 0 ..< tracks.count {
            for h in tracks.hits(of: t) {
                let loc = DataLocation.memory(table: "tracks, track \(t)", row: nil)
                guard h >= 0 && Int(h) < hits.count else {
                    throw EventIOError.badValue(text: String(h), expected: "a hit index in 0..<\(hits.count)", at: loc)
                }
                guard firstTrack[Int(h)] < 0 else {
                    throw EventIOError.duplicateHitID(hitID: hits.hitID[Int(h)], at: loc,
                                                      firstAt: .memory(table: "tracks, track \(firstTrack[Int(h)])", row: nil))
                }
                firstTrack[Int(h)] = Int32(t)
                label[Int(h)] = Int64(t) + 1
                hitID.append(hits.hitID[Int(h)]); trackID.append(Int64(t) + 1)
            }
        }
        for h in 0 ..< hits.count where firstTrack[h] < 0 {
            hitID.append(hits.hitID[h]); trackID.append(Self.unassignedLabel)
        }
        self.init(eventID: eventID, hitID: hitID, trackID: trackID)
    }

    /// The number of rows.
    public var count: Int { hitID.count }

    /// Reads a submission file (plain or gzip-compressed).
    ///
    /// - Parameter eventID: the event the file must hold; `nil` accepts the event of the first row.
    /// - Throws: ``EventIOError``: missing column, non-numeric field, a row of another event, a hit
    ///   listed twice (each naming file, line and column), or an empty file.
    public static func read(path: String, eventID: Int64? = nil) throws -> Submission {
        try TrackMLEventReader.wrapped {
            let t = try CSVTable(path: path)
            let cEvent = try t.column("event_id"), cHit = try t.column("hit_id"), cTrack = try t.column("track_id")
            let n = t.rowCount
            var hitID = [Int64](repeating: 0, count: n), trackID = hitID
            var lines = [Int32](repeating: 0, count: n)
            var event = eventID
            var i = 0
            try t.forEachRow { r in
                let e = try r.int64(cEvent)
                if let expected = event, e != expected {
                    throw EventIOError.wrongEventID(expected: expected, found: e, at: t.location(line: r.line, column: "event_id"))
                }
                event = e
                hitID[i] = try r.int64(cHit)
                trackID[i] = try r.int64(cTrack)
                lines[i] = Int32(truncatingIfNeeded: r.line)
                i += 1
            }
            guard let id = event else { throw EventIOError.emptyEvent(.file(path)) }
            do throws(HitIDIndex.Duplicate) { _ = try HitIDIndex(hitID) } catch {
                throw EventIOError.duplicateHitID(hitID: error.hitID,
                                                  at: t.location(line: Int(lines[error.second]), column: "hit_id"),
                                                  firstAt: t.location(line: Int(lines[error.first]), column: "hit_id"))
            }
            var s = Submission(eventID: id, hitID: hitID, trackID: trackID)
            s.source = (path, lines)
            return s
        }
    }

    /// Writes the submission as `event_id,hit_id,track_id` CSV, atomically (gzip-compressed when
    /// `path` ends in `.gz`).
    ///
    /// - Throws: ``EventIOError/file(_:)`` when the file cannot be written (nothing is left behind).
    public func write(to path: String) throws {
        var w = CSVWriter(header: ["event_id", "hit_id", "track_id"], reservingRows: count)
        for i in 0 ..< count {
            w.field(eventID, first: true); w.field(hitID[i]); w.field(trackID[i]); w.endRow()
        }
        let bytes = w.bytes
        try TrackMLEventReader.wrapped { try DataFile.write(bytes, to: path) }
    }

    /// The tracks of this submission in an event with `hits`.
    ///
    /// Hits with the label `unassigned` (`0` by default; `nil`: every label is a track) and hits
    /// the submission does not list are in no track. Tracks are ordered by the first row of their
    /// label; each keeps its hits in row order.
    ///
    /// - Parameter eventID: when given, the submission must be of this event.
    /// - Throws: ``EventIOError/unknownHitID(hitID:at:)`` for a hit id the event does not have,
    ///   ``EventIOError/duplicateHitID(hitID:at:firstAt:)`` for a hit listed twice,
    ///   ``EventIOError/wrongEventID(expected:found:at:)``; each names the file and line when the
    ///   submission was read from a file.
    public func tracks(for hits: Hits, eventID expected: Int64? = nil,
                       unassigned: Int64? = Submission.unassignedLabel) throws -> Tracks {
        if let e = expected, e != eventID {
            throw EventIOError.wrongEventID(expected: e, found: eventID, at: location(0, "event_id"))
        }
        let index: HitIDIndex
        do throws(HitIDIndex.Duplicate) { index = try HitIDIndex(hits.hitID) } catch {
            throw EventIOError.duplicateHitID(hitID: error.hitID, at: .memory(table: "hits.hit_id", row: error.second),
                                              firstAt: .memory(table: "hits.hit_id", row: error.first))
        }
        var listedAt = [Int32](repeating: -1, count: hits.count)
        var slot = [Int64: Int](), lists = [[Int32]]()
        for i in 0 ..< count {
            let id = hitID[i]
            guard let row = index.row(of: id, hint: i) else {
                throw EventIOError.unknownHitID(hitID: id, at: location(i, "hit_id"))
            }
            guard listedAt[row] < 0 else {
                throw EventIOError.duplicateHitID(hitID: id, at: location(i, "hit_id"), firstAt: location(Int(listedAt[row]), "hit_id"))
            }
            listedAt[row] = Int32(i)
            let label = trackID[i]
            if label == unassigned { continue }
            if let s = slot[label] { lists[s].append(Int32(row)) } else {
                slot[label] = lists.count; lists.append([Int32(row)])
            }
        }
        return Tracks(hitLists: lists)
    }

    /// The location of row `i`: file and line when read from a file, else the in-memory row.
    func location(_ i: Int, _ column: String) -> DataLocation {
        if let (path, lines) = source, i < lines.count {
            return .text(file: path, line: Int(lines[i]), column: column)
        }
        return .memory(table: "submission of event \(eventID).\(column)", row: i)
    }
}

extension Submission: Equatable {
    /// Submissions are equal when they hold the same event and rows, wherever they were read from.
    public static func == (a: Submission, b: Submission) -> Bool {
        a.eventID == b.eventID && a.hitID == b.hitID && a.trackID == b.trackID
    }
}
