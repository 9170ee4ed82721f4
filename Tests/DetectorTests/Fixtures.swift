#if canImport(Glibc)
import Glibc
#endif
import Detector
import EventData
import FileSupport

/// Shared inputs of the detector tests: the real TrackML files (read once) and scratch files.
enum Fixtures {
    /// The package root (this file is Tests/DetectorTests/Fixtures.swift).
    static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// The shared real TrackML data (see its README); never copied into the package.
    static let trackMLData = packageRoot + "/../shared/data/trackml"
    /// The real geometry file (with pandas' leading index column).
    static let realGeometryFile = trackMLData + "/detectors.csv.gz"
    /// The hits of the real 5 % event.
    static let realHitsFile = trackMLData + "/event000000001/event000000001-hits.csv.gz"

    /// The real geometry, read once.
    static let real = Result { try Detector.load(realGeometryFile) }
    /// The geometry generated from the embedded `trackml` description, built once.
    static let generated = Result { try Detector.load("trackml") }

    /// A fresh scratch directory for one test.
    static func scratchDirectory(_ tag: String) throws -> String {
        var template = Array("/tmp/weft-detector-\(tag)-XXXXXX".utf8CString)
        guard let dir = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw DataFileError.cannotWrite(path: "/tmp", reason: "mkdtemp failed")
        }
        return String(cString: dir)
    }

    /// Writes `text` to `dir/name` and returns the path.
    @discardableResult
    static func write(_ text: String, to dir: String, _ name: String) throws -> String {
        let path = dir + "/" + name
        try DataFile.write(Array(text.utf8), to: path)
        return path
    }

    /// Removes a scratch directory and its files.
    static func remove(_ dir: String) {
        if let d = opendir(dir) {
            while let e = readdir(d) {
                let name = withUnsafeBytes(of: e.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name != "." && name != ".." { unlink(dir + "/" + name) }
            }
            closedir(d)
        }
        rmdir(dir)
    }

    /// The real hits: positions and module ids.
    struct RealHits {
        var x: [Double] = [], y: [Double] = [], z: [Double] = []
        var id: [GeometryID] = []
    }

    /// Reads the real event's hits with `CSVTable` directly.
    static func readRealHits() throws -> RealHits {
        let csv = try CSVTable(path: realHitsFile)
        let c = try ["x", "y", "z", "volume_id", "layer_id", "module_id"].map { try csv.column($0) }
        var h = RealHits()
        try csv.forEachRow { row in
            h.x.append(try row.double(c[0])); h.y.append(try row.double(c[1])); h.z.append(try row.double(c[2]))
            h.id.append(GeometryID(volume: try row.int32(c[3]), layer: try row.int32(c[4]), module: try row.int32(c[5])))
        }
        return h
    }
}
