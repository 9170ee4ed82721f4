import Detector
import EventData
@testable import EventIO
import Testing

/// Hits on modules the detector does not have are refused, naming file and line (or dataset and row).
@Suite("Module check against a detector")
struct DetectorCheckTests {
    static let geometry = Result { try Detector.load(TrackMLData.root + "/detectors.csv.gz") }

    @Test("every hit of the real event lies on a module of the real TrackML geometry")
    func realEventKnown() throws {
        let detector = try Self.geometry.get()
        let event = try TrackMLEventReader.read(prefix: TrackMLData.event1, parts: [],
                                                isKnownModule: { detector.moduleIndex(of: $0) != nil })
        #expect(event.hits.count == 5527)
        try EventValidation.checkModules(event.hits, event: 1, detector: detector)
    }

    @Test("unknown module id: names file, line and the module")
    func unknownModuleCSV() throws {
        let detector = try Self.geometry.get()
        let dir = try TemporaryDirectory()
        let hits = try dir.write("event000000009-hits.csv", TinyEvent.hits.replacingOccurrences(of: "8,2,7\n", with: "8,2,99999\n"))
        let e = expectFailure(mentioning: [hits, "line 4", "no module vol=8 lay=2 mod=99999"]) {
            _ = try TrackMLEventReader.read(prefix: dir.file("event000000009"),
                                            isKnownModule: { detector.moduleIndex(of: $0) != nil })
        }
        #expect(e == .unknownModule(GeometryID(volume: 8, layer: 2, module: 99999),
                                    at: .text(file: hits, line: 4, column: "volume_id")))
    }

    @Test("unknown module id in memory and in an HDF5 store: names the table or dataset and row")
    func unknownModuleStore() throws {
        let detector = try Self.geometry.get()
        let dir = try TemporaryDirectory()
        var event = try TrackMLEventReader.read(prefix: TrackMLData.event1, parts: [])
        event.hits.geometryID[3] = GeometryID(volume: 9, layer: 2, module: 5000)
        expectFailure(mentioning: ["event 1 hits.geometry_id, row 3", "no module vol=9 lay=2 mod=5000"]) {
            try EventValidation.checkModules(event.hits, event: 1, detector: detector)
        }
        try HDF5EventStore.write([event], to: dir.file("e.h5"))
        expectFailure(mentioning: [dir.file("e.h5"), "dataset /events/1/hits/geometry_id, row 3"]) {
            _ = try HDF5EventStore.read(path: dir.file("e.h5"), eventID: 1, isKnownModule: { detector.moduleIndex(of: $0) != nil })
        }
    }
}
