import EventData
@testable import EventIO
import FileSupport
import Foundation
import Testing

/// Each malformed TrackML input gets one clear error naming the file, line and column.
@Suite("Bad TrackML CSV input")
struct BadCSVInputTests {
    let dir: TemporaryDirectory
    let prefix: String
    var hitsPath: String { prefix + "-hits.csv" }

    init() throws {
        dir = try TemporaryDirectory()
        prefix = dir.file("event000000009")
    }

    /// Writes the hits file with `line` (1-based, header = 1) replaced by `text`.
    func writeHits(replacingLine line: Int, with text: String) throws {
        var lines = TinyEvent.hits.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[line - 1] = text
        try dir.write("event000000009-hits.csv", lines.joined(separator: "\n"))
    }

    func read(parts: EventParts = .all) throws { _ = try TrackMLEventReader.read(prefix: prefix, parts: parts) }

    @Test("missing hits file: names both candidate files")
    func missingFile() {
        let e = expectFailure(mentioning: [prefix + "-hits.csv", prefix + "-hits.csv.gz"]) { try read() }
        #expect(e == .missingFile(part: "hits", tried: [prefix + "-hits.csv", prefix + "-hits.csv.gz"]))
    }

    @Test("missing column: names the file, line 1 and the column")
    func missingColumn() throws {
        try writeHits(replacingLine: 1, with: "hit_id,x,y,volume_id,layer_id,module_id")
        let e = expectFailure(mentioning: [hitsPath, "line 1", "'z'"]) { try read() }
        guard case .file(.missingColumn(_, "z", _))? = e else { Issue.record("wrong error \(String(describing: e))"); return }
    }

    @Test("non-numeric field: names file, line and column")
    func nonNumeric() throws {
        try writeHits(replacingLine: 3, with: "2,-73.309,abc,-1502.5,7,2,1")
        expectFailure(mentioning: [hitsPath, "line 3", "column 'y'", "'abc'"]) { try read() }
    }

    @Test("NaN coordinate: names file, line and column")
    func nanCoordinate() throws {
        try writeHits(replacingLine: 2, with: "1,nan,-0.812497,-1502.5,7,2,1")
        expectFailure(mentioning: [hitsPath, "line 2", "column 'x'", "finite"]) { try read() }
    }

    @Test("infinite coordinate: names file, line and column")
    func infiniteCoordinate() throws {
        try writeHits(replacingLine: 4, with: "3,31.5,4.25,-inf,8,2,7")
        expectFailure(mentioning: [hitsPath, "line 4", "column 'z'", "finite"]) { try read() }
    }

    @Test("wrong number of fields: names file and line")
    func wrongFieldCount() throws {
        try writeHits(replacingLine: 3, with: "2,-73.309,-8.30235,-1502.5,7,2")
        expectFailure(mentioning: [hitsPath, "line 3", "expected 7 fields, found 6"]) { try read() }
    }

    @Test("duplicate hit id: names both lines")
    func duplicateHitID() throws {
        try writeHits(replacingLine: 4, with: "1,31.5,4.25,-120.0,8,2,7")
        let e = expectFailure(mentioning: [hitsPath, "line 4", "column 'hit_id'", "hit id 1", "first at line 2"]) { try read() }
        #expect(e == .duplicateHitID(hitID: 1, at: .text(file: hitsPath, line: 4, column: "hit_id"),
                                     firstAt: .text(file: hitsPath, line: 2, column: "hit_id")))
    }

    @Test("duplicate hit id in unsorted hits is found too")
    func duplicateUnsortedHitID() throws {
        try dir.write("event000000009-hits.csv", "hit_id,x,y,z,volume_id,layer_id,module_id\n5,1,1,1,8,2,1\n3,1,1,1,8,2,1\n5,2,2,2,8,2,1\n")
        expectFailure(mentioning: [hitsPath, "line 4", "hit id 5", "first at line 2"]) { try read() }
    }

    @Test("geometry id out of range: names file, line and column")
    func geometryOutOfRange() throws {
        try writeHits(replacingLine: 3, with: "2,-73.309,-8.30235,-1502.5,300,2,1")
        expectFailure(mentioning: [hitsPath, "line 3", "column 'volume_id'", "volume=300"]) { try read() }
        try writeHits(replacingLine: 2, with: "1,-69.2717,-0.812497,-1502.5,7,2,-4")
        expectFailure(mentioning: [hitsPath, "line 2", "column 'module_id'"]) { try read() }
    }

    @Test("hit on a module the detector does not have: names file and line")
    func unknownModule() throws {
        try dir.write("event000000009-hits.csv", TinyEvent.hits)
        let e = expectFailure(mentioning: [hitsPath, "line 4", "no module vol=8 lay=2 mod=7"]) {
            _ = try TrackMLEventReader.read(prefix: prefix, isKnownModule: { $0.volume == 7 })
        }
        #expect(e == .unknownModule(GeometryID(volume: 8, layer: 2, module: 7),
                                    at: .text(file: hitsPath, line: 4, column: "volume_id")))
    }

    @Test("empty event (header only): an error naming the file")
    func emptyEvent() throws {
        try dir.write("event000000009-hits.csv", "hit_id,x,y,z,volume_id,layer_id,module_id\n")
        #expect(throws: EventIOError.emptyEvent(.file(hitsPath))) { try read() }
    }

    @Test("empty file (no header): an error naming the file")
    func emptyFile() throws {
        try dir.write("event000000009-hits.csv", "")
        expectFailure(mentioning: [hitsPath, "empty"]) { try read() }
    }

    @Test("truncated .gz: names the file")
    func truncatedGzip() throws {
        let whole = try DataFile.readRaw(TrackMLData.event1 + "-hits.csv.gz")
        let path = dir.file("event000000009-hits.csv.gz")
        try Data(whole.prefix(whole.count / 2)).write(to: URL(fileURLWithPath: path))
        let e = expectFailure(mentioning: [path, "truncated"]) { try read() }
        #expect(e == .file(.truncatedGzip(path: path)))
    }

    @Test("truth row of an unknown hit id: names truth file, line and column")
    func truthUnknownHit() throws {
        try dir.write("event000000009-hits.csv", TinyEvent.hits)
        try dir.write("event000000009-truth.csv", TinyEvent.truth.replacingOccurrences(of: "\n3,42,", with: "\n99,42,"))
        expectFailure(mentioning: [prefix + "-truth.csv", "line 4", "column 'hit_id'", "hit id 99"]) { try read() }
    }

    @Test("hit without a truth row: names the truth file and the hit's line")
    func truthMissingHit() throws {
        try dir.write("event000000009-hits.csv", TinyEvent.hits)
        let lines = TinyEvent.truth.split(separator: "\n")
        try dir.write("event000000009-truth.csv", [lines[0], lines[1], lines[3]].joined(separator: "\n") + "\n")
        let e = expectFailure(mentioning: [prefix + "-truth.csv", "hit id 2", hitsPath, "line 3"]) { try read() }
        #expect(e == .missingTruth(hitID: 2, hitAt: .text(file: hitsPath, line: 3, column: "hit_id"),
                                   truthFile: prefix + "-truth.csv"))
    }

    @Test("truth row listed twice: names both lines")
    func truthTwice() throws {
        try dir.write("event000000009-hits.csv", TinyEvent.hits)
        try dir.write("event000000009-truth.csv", TinyEvent.truth.replacingOccurrences(of: "\n3,42,", with: "\n1,42,"))
        expectFailure(mentioning: [prefix + "-truth.csv", "line 4", "hit id 1", "first at line 2"]) { try read() }
    }

    @Test("cell of an unknown hit id: names cells file, line and column")
    func cellUnknownHit() throws {
        try dir.write("event000000009-hits.csv", TinyEvent.hits)
        try dir.write("event000000009-cells.csv", TinyEvent.cells + "7,1,1,0.5\n")
        expectFailure(mentioning: [prefix + "-cells.csv", "line 5", "column 'hit_id'", "hit id 7"]) { try read() }
    }

    @Test("duplicate particle id: names both lines")
    func duplicateParticle() throws {
        try dir.write("event000000009-hits.csv", TinyEvent.hits)
        try dir.write("event000000009-particles.csv", TinyEvent.particles + "42,0,0,0,1,1,1,-1,3\n")
        expectFailure(mentioning: [prefix + "-particles.csv", "line 3", "particle id 42", "first at line 2"]) { try read() }
    }

    @Test("non-numeric particle charge: names file, line and column")
    func badParticleField() throws {
        try dir.write("event000000009-hits.csv", TinyEvent.hits)
        try dir.write("event000000009-particles.csv", TinyEvent.particles.replacingOccurrences(of: ",1,2\n", with: ",+-,2\n"))
        expectFailure(mentioning: [prefix + "-particles.csv", "line 2", "column 'q'"]) { try read() }
    }
}
