import EventIO
import Foundation
import Testing

@Suite struct ArrayStoreTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("weft-gnn-\(UUID().uuidString)-\(name)").path
    }

    static let sample = ArrayStore(
        arrays: ["a/b/weights": StoredArray(shape: [2, 3], values: .float([1, 2, 3, 4, 5, 6])),
                 "a/offsets": StoredArray([Int32(0), 2, 5]),
                 "ids": StoredArray([UInt64.max, 7]),
                 "big": StoredArray([Int64(-1) << 40]),
                 "empty": StoredArray([Float]())],
        attributes: ["weft_format": "test", "config": #"{"x": 1}"#])

    @Test func roundTrip() throws {
        let path = Self.temporaryPath("store.h5")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.sample.write(to: path)
        let read = try ArrayStore.read(from: path)
        #expect(read.arrays == Self.sample.arrays)
        #expect(read.attributes == Self.sample.attributes)
        #expect(try read.floats("a/b/weights").shape == [2, 3])
    }

    @Test func missingDatasetNamesFileAndDataset() throws {
        let path = Self.temporaryPath("store.h5")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.sample.write(to: path)
        let read = try ArrayStore.read(from: path)
        do {
            _ = try read.floats("a/b/bias")
            Issue.record("expected an error")
        } catch let e as EventIOError {
            #expect(e.description.contains(path) && e.description.contains("/a/b/bias") && e.description.contains("missing"))
        }
        #expect(throws: EventIOError.self) { try read.floats("ids") }   // wrong element type
    }

    @Test func missingTruncatedAndForeignFilesAreClearErrors() throws {
        #expect(throws: EventIOError.self) { try ArrayStore.read(from: Self.temporaryPath("none.h5")) }
        let text = Self.temporaryPath("text.h5")
        defer { try? FileManager.default.removeItem(atPath: text) }
        try Data("not hdf5".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: EventIOError.self) { try ArrayStore.read(from: text) }
        let path = Self.temporaryPath("cut.h5")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.sample.write(to: path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
        #expect(throws: EventIOError.self) { try ArrayStore.read(from: path) }
    }

    @Test func badNamesAreRefusedAndNothingIsWritten() throws {
        let path = Self.temporaryPath("bad.h5")
        #expect(throws: EventIOError.self) { try ArrayStore(arrays: ["a//b": StoredArray([Float(1)])]).write(to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
