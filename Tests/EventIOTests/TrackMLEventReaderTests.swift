import EventData
@testable import EventIO
import Foundation
import Testing

@Suite("TrackML CSV reader")
struct TrackMLEventReaderTests {
    @Test("event000000001: 5 527 hits, 18 564 cells, 548 particles, 829 noise hits, 468 particles with hits")
    func readsRealEvent() throws {
        let e = try TrackMLEventReader.read(prefix: TrackMLData.event1)
        #expect(e.eventID == 1)
        #expect(e.hits.count == 5527)
        #expect(e.cells?.count == 18564)
        #expect(e.particles?.count == 548)
        #expect(e.particles?.particleType?.count == 548)
        let truth = try #require(e.truth)
        #expect(truth.count == 5527)
        #expect(truth.noiseCount == 829)
        #expect(Set(truth.particleID.filter { $0 != 0 }).count == 468)
        // First lines of the files.
        #expect(e.hits.hitID[0] == 6)
        #expect(e.hits.x[0] == -76.566 && e.hits.y[0] == -11.3673 && e.hits.z[0] == -1502.5)
        #expect(e.hits.geometryID[0] == GeometryID(volume: 7, layer: 2, module: 1))
        #expect(e.cells?.hitIndex[0] == 0 && e.cells?.channel0[0] == 274 && e.cells?.channel1[0] == 839)
        #expect(e.cells?.value[0] == 0.295811)
        #expect(e.particles?.particleID[0] == 4505867370102784 && e.particles?.particleType?[0] == -211)
        #expect(truth.particleID[0] == 27028813309280256 && truth.weight[0] == 6.96929e-06)
        // Cells point at the hit whose id their file line names.
        #expect(e.cells?.cellsPerHit(hitCount: e.hits.count).reduce(0, +) == 18564)
        // The shipped weights of this 5 % subset sum to 0.0513.
        #expect(abs(truth.weight.reduce(0, +) - 0.0513) < 0.0005)
    }

    @Test("barrel subset: particles without particle_type, unsorted hit ids, barrel volumes only")
    func readsBarrelSubset() throws {
        let e = try TrackMLEventReader.read(prefix: TrackMLData.barrel)
        #expect(e.eventID == 1000)
        #expect(e.hits.count == 5587)
        #expect(e.cells == nil)
        #expect(e.particles?.count == 818)
        #expect(e.particles?.particleType == nil)
        #expect(e.truth?.count == 5587)
        #expect(e.truth?.noiseCount == 1303)
        #expect(Set(e.hits.geometryID.map(\.volume)) == [8, 13, 17])
        #expect(e.hits.hitID[0] == 16884 && e.hits.y[1] == Float("24.148000000000003"))
    }

    @Test("parts: only what is asked for; a required part without a file names the files tried")
    func parts() throws {
        let hitsOnly = try TrackMLEventReader.read(prefix: TrackMLData.event1, parts: [])
        #expect(hitsOnly.hits.count == 5527 && hitsOnly.cells == nil && hitsOnly.particles == nil && hitsOnly.truth == nil)
        let truthOnly = try TrackMLEventReader.read(prefix: TrackMLData.event1, parts: .truth)
        #expect(truthOnly.truth != nil && truthOnly.cells == nil)
        #expect(throws: EventIOError.missingFile(part: "cells", tried: [TrackMLData.barrel + "-cells.csv",
                                                                          TrackMLData.barrel + "-cells.csv.gz"])) {
            try TrackMLEventReader.read(prefix: TrackMLData.barrel, required: .cells)
        }
    }

    @Test("the event id comes from the prefix, or from the caller; a prefix without one is an error")
    func eventIDs() throws {
        #expect(TrackMLFileNames.eventID(fromPrefix: "a/b/event000001000") == 1000)
        #expect(TrackMLFileNames.eventID(fromPrefix: "event7") == 7)
        #expect(TrackMLFileNames.eventID(fromPrefix: "a/run7") == nil)
        #expect(TrackMLFileNames.eventID(fromPrefix: "a/event") == nil)
        #expect(TrackMLFileNames.eventID(fromPrefix: "a/event12x") == nil)
        let dir = try TemporaryDirectory()
        try dir.write("sample-hits.csv", TinyEvent.hits)
        #expect(throws: EventIOError.badEventPrefix(prefix: dir.file("sample"))) {
            try TrackMLEventReader.read(prefix: dir.file("sample"))
        }
        #expect(try TrackMLEventReader.read(prefix: dir.file("sample"), eventID: 77).eventID == 77)
    }

    @Test("truth listed in another order than the hits is reordered to follow them")
    func truthReordered() throws {
        let dir = try TemporaryDirectory()
        try dir.write("event000000005-hits.csv", TinyEvent.hits)
        let lines = TinyEvent.truth.split(separator: "\n")
        try dir.write("event000000005-truth.csv.gz", ([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\n") + "\n")
        let e = try TrackMLEventReader.read(prefix: dir.file("event000000005"))
        #expect(e.eventID == 5)
        #expect(e.truth?.particleID == [42, 0, 42])
        #expect(e.truth?.weight == [0.25, 0, 0.75])
        #expect(e.truth?.tz == [-1502.5, -1502.5, -120])
    }

    @Test("hits with unsorted ids still align truth and cells")
    func unsortedHitIDs() throws {
        let dir = try TemporaryDirectory()
        try dir.write("event000000005-hits.csv", """
            hit_id,x,y,z,volume_id,layer_id,module_id
            30,1,2,3,8,2,1
            10,4,5,6,8,2,1
            20,7,8,9,8,4,1
            """)
        try dir.write("event000000005-truth.csv", """
            hit_id,particle_id,tx,ty,tz,tpx,tpy,tpz,weight
            10,1,0,0,0,0,0,0,0.1
            20,2,0,0,0,0,0,0,0.2
            30,3,0,0,0,0,0,0,0.3
            """)
        try dir.write("event000000005-cells.csv", "hit_id,ch0,ch1,value\n20,1,1,1\n30,2,2,2\n10,3,3,3\n")
        let e = try TrackMLEventReader.read(prefix: dir.file("event000000005"))
        #expect(e.truth?.particleID == [3, 1, 2])
        #expect(e.cells?.hitIndex == [2, 0, 1])
    }

    @Test("when both .csv and .csv.gz exist the plain .csv is read")
    func prefersPlainCSV() throws {
        let dir = try TemporaryDirectory()
        try dir.write("event000000005-hits.csv.gz", TinyEvent.hits)
        let plain = TinyEvent.hits.split(separator: "\n").prefix(3).joined(separator: "\n") + "\n"
        try dir.write("event000000005-hits.csv", plain)
        #expect(try TrackMLEventReader.read(prefix: dir.file("event000000005")).hits.count == 2)
        #expect(TrackMLFileNames.existing(prefix: dir.file("event000000005"), part: "hits") == dir.file("event000000005-hits.csv"))
    }

    @Test("extra columns, CRLF line ends and blank lines are accepted")
    func tolerantSyntax() throws {
        let dir = try TemporaryDirectory()
        try dir.write("event000000005-hits.csv",
                      ",hit_id,x,y,z,volume_id,layer_id,module_id\r\n0,1,1.5,2,3,8,2,1\r\n\r\n1,2,4,5,6,8,2,1\r\n")
        let e = try TrackMLEventReader.read(prefix: dir.file("event000000005"))
        #expect(e.hits.hitID == [1, 2] && e.hits.x == [1.5, 4])
    }
}
