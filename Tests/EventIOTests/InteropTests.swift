import EventData
import EventIO
import Foundation
import Testing

/// The external HDF5 readers the interoperability tests use, when installed.
enum InteropTools {
    static let h5dump = "/usr/bin/h5dump"
    static let python: String = {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return package.appendingPathComponent(".venv/bin/python").path
    }()
    static var hasH5dump: Bool { FileManager.default.isExecutableFile(atPath: h5dump) }
    static var hasH5py: Bool {
        FileManager.default.isExecutableFile(atPath: python) && (try? run(python, ["-c", "import h5py"]))?.status == 0
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// The event store is plain HDF5: `h5dump` and h5py read it (each test runs when its tool exists).
@Suite("HDF5 interoperability")
struct InteropTests {
    @Test("h5dump lists the format attributes, the groups, the datasets and their compression",
          .enabled(if: InteropTools.hasH5dump))
    func h5dump() throws {
        let dir = try TemporaryDirectory()
        let store = dir.file("events.h5")
        try HDF5EventStore.write([try TrackMLEventReader.read(prefix: TrackMLData.event1)], to: store)
        let (status, header) = try InteropTools.run(InteropTools.h5dump, ["-H", "-p", store])
        #expect(status == 0)
        for text in ["ATTRIBUTE \"weft_format\"", "ATTRIBUTE \"weft_format_version\"", "GROUP \"1\"",
                     "DATASET \"hit_id\"", "DATASET \"geometry_id\"", "DATASET \"hit_index\"", "DATASET \"particle_type\"",
                     "DATASET \"weight\"", "SHUFFLE", "DEFLATE", "CHUNKED ( 5527 )"] {
            #expect(header.contains(text), "h5dump output lacks \(text)")
        }
        let (_, ids) = try InteropTools.run(InteropTools.h5dump, ["-d", "/events/1/hits/hit_id", "-c", "3", store])
        #expect(ids.contains("(0): 6, 9, 31"))
    }

    @Test("h5py reads the store and its columns match the TrackML CSV", .enabled(if: InteropTools.hasH5py))
    func h5py() throws {
        let dir = try TemporaryDirectory()
        let store = dir.file("events.h5")
        let event = try TrackMLEventReader.read(prefix: TrackMLData.event1)
        try HDF5EventStore.write([event], to: store)
        let script = """
            import h5py, numpy as np
            f = h5py.File('\(store)', 'r')
            assert f.attrs['weft_format'] == 'weft-event-store' and f.attrs['weft_format_version'] == 1
            h = f['events/1/hits']
            gid = h['geometry_id'][:]
            print(len(h['hit_id']), int(h['hit_id'][0]), float(h['x'][0]), int(gid[0] >> 56), int((gid[0] >> 36) & 0xfff),
                  int((gid[0] >> 8) & 0xfffff), int((f['events/1/truth/particle_id'][:] == 0).sum()),
                  h['x'].attrs['unit'], len(f['events/1/cells/hit_index']))
            """
        let (status, output) = try InteropTools.run(InteropTools.python, ["-c", script])
        #expect(status == 0, "\(output)")
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "5527 6 \(Double(event.hits.x[0])) 7 2 1 829 mm 18564")
    }

    @Test("a store written by h5py with other integer and float sizes reads, with conversion",
          .enabled(if: InteropTools.hasH5py))
    func writtenByH5py() throws {
        let dir = try TemporaryDirectory()
        let store = dir.file("py.h5")
        let script = """
            import h5py, numpy as np
            with h5py.File('\(store)', 'w') as f:
                f.attrs['weft_format'] = 'weft-event-store'
                f.attrs['weft_format_version'] = np.int32(1)
                h = f.create_group('events/12/hits')
                h['hit_id'] = np.array([3, 1, 2], dtype=np.int32)
                h['x'] = np.array([0.5, 1.5, 2.5]); h['y'] = np.zeros(3); h['z'] = np.ones(3, dtype=np.float32)
                h['geometry_id'] = np.array([(8 << 56) | (2 << 36) | (7 << 8)] * 3, dtype=np.uint64)
            """
        let (status, output) = try InteropTools.run(InteropTools.python, ["-c", script])
        #expect(status == 0, "\(output)")
        let event = try HDF5EventStore.read(path: store, eventID: 12)
        #expect(event.hits.hitID == [3, 1, 2] && event.hits.x == [0.5, 1.5, 2.5] && event.hits.z == [1, 1, 1])
        #expect(event.hits.geometryID[0] == GeometryID(volume: 8, layer: 2, module: 7))
    }
}
