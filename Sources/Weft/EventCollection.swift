import Foundation

/// The events of a directory, as `weft build-module-map --events DIR` and `weft train --events DIR`
/// read them: every TrackML event (`eventNNNNNNNNN-hits.csv[.gz]`, by path prefix) and every event of
/// every HDF5 event store (`*.h5`, `*.hdf5`), sorted by file name and event id.
public enum EventCollection {
    /// The events under `directory` (not recursive).
    ///
    /// - Throws: ``GNNChainError/missingFile(what:path:)`` when the directory does not exist;
    ///   ``EventIO/EventIOError`` when a store cannot be opened.
    public static func sources(in directory: String) throws -> [EventSource] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GNNChainError.missingFile(what: "event directory", path: directory)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        var sources: [EventSource] = []
        var prefixes = Set<String>()
        for name in names {
            let path = directory + "/" + name
            if name.hasSuffix(".h5") || name.hasSuffix(".hdf5") {
                for id in try HDF5EventStore(path: path).eventIDs.sorted() { sources.append(.store(path: path, eventID: id)) }
            } else if name.hasPrefix("event"), let range = name.range(of: "-hits.csv") {
                let prefix = directory + "/" + String(name[..<range.lowerBound])
                if prefixes.insert(prefix).inserted { sources.append(.trackML(prefix: prefix)) }
            }
        }
        return sources
    }
}
