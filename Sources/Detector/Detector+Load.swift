#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FileSupport

extension Detector {
    /// The names of the detectors built into the library (the `Detectors/<name>/detector.json`
    /// files present when it was compiled), sorted.
    public static var embeddedNames: [String] {
        EmbeddedDetectorDescriptions.all.map(\.name).sorted()
    }

    /// The description of the embedded detector `name`, or `nil` when there is none.
    ///
    /// - Throws: ``DetectorError/malformedDescription(file:line:field:reason:)`` (only if the
    ///   library was built from a broken description).
    public static func embeddedDescription(_ name: String) throws -> DetectorDescription? {
        guard let entry = EmbeddedDetectorDescriptions.all.first(where: { $0.name == name }) else { return nil }
        return try DetectorDescription(parsing: Array(entry.text.utf8), file: "<embedded> " + entry.file)
    }

    /// Loads a detector by name or path.
    ///
    /// - `"trackml"` (any embedded name, see ``embeddedNames``): the geometry generated from the
    ///   description compiled into the library; no file is read.
    /// - a directory: generated from its `detector.json`;
    /// - a `.json` file (or `.json.gz`): generated from that description;
    /// - any other file: a TrackML `detectors.csv` or `detectors.csv.gz` (with or without the leading
    ///   index column); its field and the material of its strip end-caps are those measured on the real
    ///   events (``TrackMLRealConditions``), the rest of its per-layer material comes from the embedded
    ///   `trackml` description.
    ///
    /// - Throws: ``DetectorError``: unknown name (the message lists the embedded ones), unreadable
    ///   file, malformed description or CSV (with file, line and field), duplicate module ids,
    ///   non-finite numbers, rotations that are not rotations.
    public static func load(_ nameOrPath: String) throws -> Detector {
        if !nameOrPath.contains("/"), let description = try embeddedDescription(nameOrPath) {
            return try description.makeDetector(source: "<embedded> " + nameOrPath)
        }
        var st = stat()
        guard stat(nameOrPath, &st) == 0 else {
            throw DetectorError.unknownDetector(name: nameOrPath, known: embeddedNames)
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            let file = nameOrPath.hasSuffix("/") ? nameOrPath + "detector.json" : nameOrPath + "/detector.json"
            return try loadDescription(file)
        }
        if nameOrPath.hasSuffix(".json") || nameOrPath.hasSuffix(".json.gz") {
            return try loadDescription(nameOrPath)
        }
        return try TrackMLGeometryReader.read(path: nameOrPath, reference: try embeddedDescription("trackml")?.makeDetector())
    }

    /// Reads and generates a description file.
    private static func loadDescription(_ file: String) throws -> Detector {
        let bytes: [UInt8]
        do { bytes = try DataFile.read(file) } catch let e as DataFileError { throw DetectorError.input(e) }
        return try DetectorDescription(parsing: bytes, file: file).makeDetector(source: file)
    }
}
