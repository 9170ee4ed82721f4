import Testing
import Foundation
@testable import FileSupport

/// Each test gets its own scratch directory (a class suite: one instance per test), removed again
/// when the test ends.
@Suite final class DataFileTests {
    let dir: String = {
        let d = NSTemporaryDirectory() + "weft-filesupport-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }()

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func listing() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] }

    @Test func writeThenReadPlainAndCompressed() throws {
        let bytes = Array("a,b\n1,2\n".utf8)
        try DataFile.write(bytes, to: dir + "/plain.csv")
        try DataFile.write(bytes, to: dir + "/packed.csv.gz")
        #expect(try DataFile.read(dir + "/plain.csv") == bytes)
        #expect(try DataFile.read(dir + "/packed.csv.gz") == bytes)
        #expect(Gzip.isCompressed(try DataFile.readRaw(dir + "/packed.csv.gz")))
        #expect(Set(listing()) == ["plain.csv", "packed.csv.gz"])
    }

    @Test func failedReplaceLeavesNoFileAndKeepsTheOriginal() throws {
        struct Boom: Error {}
        let target = dir + "/out.txt"
        try DataFile.write(Array("original".utf8), to: target)
        #expect(throws: Boom.self) {
            try DataFile.replace(target) { tmp in
                try DataFile.write(Array("half".utf8), to: tmp)
                throw Boom()
            }
        }
        #expect(try DataFile.read(target) == Array("original".utf8))
        #expect(listing() == ["out.txt"])
    }

    @Test func writingIntoAMissingDirectoryFailsCleanly() throws {
        let target = dir + "/no/such/dir/out.csv"
        #expect(throws: DataFileError.self) { try DataFile.write([1, 2, 3], to: target) }
        #expect(listing().isEmpty)
    }

    @Test func missingFileNamesThePath() throws {
        #expect(throws: DataFileError.cannotRead(path: dir + "/absent.csv", reason: "No such file or directory")) {
            try DataFile.read(dir + "/absent.csv")
        }
    }

    @Test func makeDirectoriesCreatesParents() throws {
        try DataFile.makeDirectories(dir + "/x/y/z")
        var isDir: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: dir + "/x/y/z", isDirectory: &isDir) && isDir.boolValue)
    }
}
