import CHDF5
import FileSupport

/// A generic HDF5 store of named arrays and string attributes: what trained networks and module maps
/// are saved as. Array names are slash-separated paths (`step0/edge_net/layer0/weight`), stored as
/// nested groups and chunked, shuffled and deflate-compressed datasets; attributes are UTF-8 strings
/// on the root group. Readable by h5py (`f["step0/edge_net/layer0/weight"][...]`).
///
/// The store knows nothing about what the arrays mean: the stages convert them to and from their own
/// types, so this layer never depends on them.
public struct ArrayStore: Equatable, Sendable {
    /// The arrays by path.
    public var arrays: [String: StoredArray]
    /// Root string attributes by name.
    public var attributes: [String: String]
    /// The file the store was read from (named in error messages), or "" when built in memory.
    public let source: String

    /// A store in memory.
    public init(arrays: [String: StoredArray] = [:], attributes: [String: String] = [:], source: String = "") {
        self.arrays = arrays; self.attributes = attributes; self.source = source
    }

    // MARK: typed access with clear errors

    /// The array at `name`, which must exist.
    ///
    /// - Throws: ``EventIOError/hdf5(operation:at:)`` naming the file and dataset when it is missing.
    public func array(_ name: String) throws -> StoredArray {
        guard let a = arrays[name] else {
            throw EventIOError.hdf5(operation: "missing dataset", at: .dataset(file: source, dataset: "/" + name, row: nil))
        }
        return a
    }

    /// The float array at `name` and its shape.
    ///
    /// - Throws: ``EventIOError/hdf5(operation:at:)`` when it is missing or holds integers.
    public func floats(_ name: String) throws -> (shape: [Int], values: [Float]) {
        let a = try array(name)
        guard case let .float(v) = a.values else { throw wrongType(name, a, "float32") }
        return (a.shape, v)
    }

    /// The int32 array at `name` and its shape.
    public func int32s(_ name: String) throws -> (shape: [Int], values: [Int32]) {
        let a = try array(name)
        guard case let .int32(v) = a.values else { throw wrongType(name, a, "int32") }
        return (a.shape, v)
    }

    /// The int64 array at `name` and its shape.
    public func int64s(_ name: String) throws -> (shape: [Int], values: [Int64]) {
        let a = try array(name)
        guard case let .int64(v) = a.values else { throw wrongType(name, a, "int64") }
        return (a.shape, v)
    }

    /// The uint64 array at `name` and its shape.
    public func uint64s(_ name: String) throws -> (shape: [Int], values: [UInt64]) {
        let a = try array(name)
        guard case let .uint64(v) = a.values else { throw wrongType(name, a, "uint64") }
        return (a.shape, v)
    }

    /// The attribute `name`, which must exist.
    public func attribute(_ name: String) throws -> String {
        guard let v = attributes[name] else {
            throw EventIOError.hdf5(operation: "missing attribute '\(name)'", at: .dataset(file: source, dataset: "/", row: nil))
        }
        return v
    }

    private func wrongType(_ name: String, _ a: StoredArray, _ expected: String) -> EventIOError {
        .hdf5(operation: "the dataset holds \(a.values.typeName), expected \(expected)",
              at: .dataset(file: source, dataset: "/" + name, row: nil))
    }

    // MARK: files

    /// Reads every array and root string attribute of the HDF5 file at `path`.
    ///
    /// - Throws: ``EventIOError`` when the file is missing, not HDF5, truncated, or holds a dataset
    ///   of an unsupported type (only integers and floats are read; doubles become floats).
    public static func read(from path: String) throws -> ArrayStore {
        try HDF5Access.locked {
            let a = HDF5Access(file: path)
            let file = try a.open(writable: false)
            defer { H5Fclose(file) }
            var arrays: [String: StoredArray] = [:]
            try a.readArrays(file, prefix: "", into: &arrays)
            let attributes = try a.readStringAttributes(file, path: "/")
            return ArrayStore(arrays: arrays, attributes: attributes, source: path)
        }
    }

    /// Writes the store to `path`, replacing any file there atomically (a temporary file renamed into
    /// place: a failed write leaves the old file, or nothing).
    ///
    /// - Throws: ``EventIOError`` when a name is empty or an HDF5 call fails.
    public func write(to path: String) throws {
        for name in arrays.keys where name.isEmpty || name.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            throw EventIOError.badValue(text: name, expected: "an array path of non-empty components", at: .file(path))
        }
        try HDF5Access.locked {
            try TrackMLEventReader.wrapped {
                try DataFile.replace(path) { tmp in
                    let a = HDF5Access(file: path)
                    let file = try a.create(at: tmp)
                    do {
                        for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
                            try a.writeAttribute(file, name, value, path: "/")
                        }
                        var groups: [String: hid_t] = ["": file]
                        defer { for (k, g) in groups where !k.isEmpty { H5Gclose(g) } }
                        for (name, value) in arrays.sorted(by: { $0.key < $1.key }) {
                            var parts = name.split(separator: "/").map(String.init)
                            let leaf = parts.removeLast()
                            var parentPath = ""
                            for p in parts {
                                let groupPath = parentPath.isEmpty ? p : parentPath + "/" + p
                                if groups[groupPath] == nil {
                                    groups[groupPath] = try a.createGroup(groups[parentPath]!, p, path: "/" + groupPath)
                                }
                                parentPath = groupPath
                            }
                            try a.writeArray(value, groups[parentPath]!, leaf, path: "/" + name)
                        }
                    } catch {
                        H5Fclose(file)
                        throw error
                    }
                    try a.close(file: file)
                }
            }
        }
    }
}
