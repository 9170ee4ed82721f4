import CHDF5
import CHDF5Support
import FileSupport

/// Thin, checked access to the HDF5 C library for the event store.
///
/// Every failure becomes an ``EventIOError`` naming the file and the group, dataset or attribute,
/// with HDF5's own innermost message; HDF5's printing of its error stack is switched off.
/// All calls run under ``locked(_:)``.
struct HDF5Access {
    /// The file name used in messages.
    let file: String

    /// Runs `body` holding Weft's process-wide HDF5 lock, with HDF5's error printing off; the
    /// thread's HDF5 error stack is emptied before the lock is released (the messages of a failure are
    /// read inside `body`).
    static func locked<T>(_ body: () throws -> T) rethrows -> T {
        weft_h5_lock()
        defer { weft_h5_clear_errors(); weft_h5_unlock() }
        weft_h5_silence_errors()
        return try body()
    }

    /// HDF5's innermost error message for the call that just failed, or `fallback`.
    static func lastMessage(_ fallback: String) -> String {
        var buf = [CChar](repeating: 0, count: 512)
        let found = buf.withUnsafeMutableBufferPointer { weft_h5_error_message($0.baseAddress, $0.count) }
        let text = buf.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return found != 0 && !text.isEmpty ? "\(fallback): \(text)" : fallback
    }

    func fail(_ operation: String, _ object: String, row: Int? = nil) -> EventIOError {
        .hdf5(operation: Self.lastMessage(operation), at: .dataset(file: file, dataset: object, row: row))
    }

    // MARK: files

    /// Opens an existing HDF5 file.
    ///
    /// - Throws: ``EventIOError/file(_:)`` when it does not exist, ``EventIOError/notHDF5(file:reason:)``
    ///   when it is not HDF5 or HDF5 cannot open it (for example because it was cut short).
    /// - Parameter path: the file to open when it is not ``file`` itself (a temporary copy).
    func open(writable: Bool, path: String? = nil) throws -> hid_t {
        let path = path ?? file
        guard DataFile.exists(path) else {
            throw EventIOError.file(.cannotRead(path: file, reason: "no such file"))
        }
        let isHDF5 = H5Fis_hdf5(path)
        guard isHDF5 > 0 else {
            throw EventIOError.notHDF5(file: file, reason: isHDF5 == 0 ? "no HDF5 signature" : Self.lastMessage("unreadable"))
        }
        let id = H5Fopen(path, writable ? weft_h5f_acc_rdwr() : weft_h5f_acc_rdonly(), hid_t(H5P_DEFAULT))
        guard id >= 0 else {
            throw EventIOError.notHDF5(file: file, reason: Self.lastMessage("HDF5 cannot open it, it may be truncated or damaged"))
        }
        return id
    }

    /// Creates (truncates) an HDF5 file at `path`, naming ``file`` in errors.
    func create(at path: String) throws -> hid_t {
        let id = H5Fcreate(path, weft_h5f_acc_trunc(), hid_t(H5P_DEFAULT), hid_t(H5P_DEFAULT))
        guard id >= 0 else { throw fail("cannot create the file", "/") }
        return id
    }

    func close(file id: hid_t) throws {
        guard H5Fclose(id) >= 0 else { throw fail("cannot close the file (data may not be flushed)", "/") }
    }

    // MARK: groups

    /// Whether `name` (one path component) exists under `location`.
    func exists(_ location: hid_t, _ name: String) -> Bool {
        H5Lexists(location, name, hid_t(H5P_DEFAULT)) > 0
    }

    /// Opens the group `name` under `location`; `path` is its full path for messages.
    func openGroup(_ location: hid_t, _ name: String, path: String) throws -> hid_t {
        guard exists(location, name) else {
            throw EventIOError.hdf5(operation: "missing group", at: .dataset(file: file, dataset: path, row: nil))
        }
        let id = H5Gopen2(location, name, hid_t(H5P_DEFAULT))
        guard id >= 0 else { throw fail("cannot open group", path) }
        return id
    }

    /// Creates the group `name` under `location`.
    func createGroup(_ location: hid_t, _ name: String, path: String) throws -> hid_t {
        let id = H5Gcreate2(location, name, hid_t(H5P_DEFAULT), hid_t(H5P_DEFAULT), hid_t(H5P_DEFAULT))
        guard id >= 0 else { throw fail("cannot create group", path) }
        return id
    }

    /// The names of the links in a group, in name order.
    func childNames(_ group: hid_t, path: String) throws -> [String] {
        var info = H5G_info_t()
        guard H5Gget_info(group, &info) >= 0 else { throw fail("cannot list group", path) }
        var names = [String]()
        names.reserveCapacity(Int(info.nlinks))
        for i in 0 ..< info.nlinks {
            let size = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, nil, 0, hid_t(H5P_DEFAULT))
            guard size >= 0 else { throw fail("cannot list group", path) }
            var buf = [CChar](repeating: 0, count: Int(size) + 1)
            guard H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, &buf, buf.count, hid_t(H5P_DEFAULT)) >= 0 else {
                throw fail("cannot list group", path)
            }
            names.append(buf.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        }
        return names
    }

    // MARK: datasets

    /// Reads the one-dimensional dataset `name` of `group` (at `path`) as `T`.
    ///
    /// The stored type must be of `T`'s class (integer or float); HDF5 converts sizes, and a value
    /// that does not fit `T` is an error rather than being clamped.
    func read<T: HDF5Scalar>(_: T.Type, _ group: hid_t, _ name: String, path: String) throws -> [T] {
        let full = path + "/" + name
        guard exists(group, name) else {
            throw EventIOError.hdf5(operation: "missing dataset", at: .dataset(file: file, dataset: full, row: nil))
        }
        let d = H5Dopen2(group, name, hid_t(H5P_DEFAULT))
        guard d >= 0 else { throw fail("cannot open dataset", full) }
        defer { H5Dclose(d) }
        let type = H5Dget_type(d)
        guard type >= 0 else { throw fail("cannot read the dataset's type", full) }
        let typeClass = H5Tget_class(type)
        H5Tclose(type)
        guard typeClass == T.typeClass else {
            let expected = T.typeClass == H5T_FLOAT ? "floating-point numbers" : "integers"
            throw EventIOError.hdf5(operation: "the dataset does not hold \(expected)",
                                    at: .dataset(file: file, dataset: full, row: nil))
        }
        let space = H5Dget_space(d)
        guard space >= 0 else { throw fail("cannot read the dataset's shape", full) }
        defer { H5Sclose(space) }
        guard H5Sget_simple_extent_ndims(space) == 1 else {
            throw EventIOError.hdf5(operation: "the dataset is not one-dimensional", at: .dataset(file: file, dataset: full, row: nil))
        }
        var n: hsize_t = 0
        guard H5Sget_simple_extent_dims(space, &n, nil) == 1 else { throw fail("cannot read the dataset's shape", full) }
        let count = Int(n)
        guard count > 0 else { return [] }
        let transfer = weft_h5p_strict_transfer()
        guard transfer >= 0 else { throw fail("cannot create a transfer property list", full) }
        defer { H5Pclose(transfer) }
        var status: herr_t = 0
        let values = [T](unsafeUninitializedCapacity: count) { buf, initialised in
            // The element types are trivial; on a failed read the contents are discarded below.
            status = H5Dread(d, T.memoryType, weft_h5s_all(), weft_h5s_all(), transfer, buf.baseAddress)
            initialised = count
        }
        guard status >= 0 else {
            throw fail("cannot read the dataset (damaged, or a value does not fit \(T.self))", full)
        }
        return values
    }

    /// Writes `values` as the one-dimensional dataset `name` of `group`, chunked and compressed
    /// (byte shuffle + deflate), with a `unit` attribute when given.
    func write<T: HDF5Scalar>(_ values: [T], _ group: hid_t, _ name: String, path: String, unit: String? = nil) throws {
        let full = path + "/" + name
        var n = hsize_t(values.count)
        let space = H5Screate_simple(1, &n, nil)
        guard space >= 0 else { throw fail("cannot create a dataspace", full) }
        defer { H5Sclose(space) }
        let dcpl = H5Pcreate(weft_h5p_dataset_create())
        guard dcpl >= 0 else { throw fail("cannot create a property list", full) }
        defer { H5Pclose(dcpl) }
        if n > 0 {
            // Whole-event reads dominate: large chunks (≤ 64 Ki elements, ≤ 512 KiB) keep the
            // per-chunk overhead small; shuffling the bytes first roughly halves float columns.
            var chunk = min(n, 1 << 16)
            guard H5Pset_chunk(dcpl, 1, &chunk) >= 0, H5Pset_shuffle(dcpl) >= 0, H5Pset_deflate(dcpl, 4) >= 0 else {
                throw fail("cannot set chunking and compression", full)
            }
        }
        let d = H5Dcreate2(group, name, T.fileType, space, hid_t(H5P_DEFAULT), dcpl, hid_t(H5P_DEFAULT))
        guard d >= 0 else { throw fail("cannot create dataset", full) }
        defer { H5Dclose(d) }
        if n > 0 {
            let status = values.withUnsafeBufferPointer {
                H5Dwrite(d, T.memoryType, weft_h5s_all(), weft_h5s_all(), hid_t(H5P_DEFAULT), $0.baseAddress)
            }
            guard status >= 0 else { throw fail("cannot write dataset", full) }
        }
        if let unit { try writeAttribute(d, "unit", unit, path: full) }
    }

    // MARK: attributes

    /// How attribute `name` of the object at `path` is named in messages.
    private func attributeName(_ path: String, _ name: String) -> String { "\(path) attribute '\(name)'" }

    /// Writes a variable-length UTF-8 string attribute (read by h5py as `str`).
    func writeAttribute(_ object: hid_t, _ name: String, _ value: String, path: String) throws {
        let type = H5Tcopy(weft_h5t_c_s1())
        guard type >= 0 else { throw fail("cannot create a string type", attributeName(path, name)) }
        defer { H5Tclose(type) }
        guard H5Tset_size(type, weft_h5t_variable()) >= 0, H5Tset_cset(type, H5T_CSET_UTF8) >= 0 else {
            throw fail("cannot create a string type", attributeName(path, name))
        }
        let space = H5Screate(H5S_SCALAR)
        defer { H5Sclose(space) }
        let a = H5Acreate2(object, name, type, space, hid_t(H5P_DEFAULT), hid_t(H5P_DEFAULT))
        guard a >= 0 else { throw fail("cannot create attribute", attributeName(path, name)) }
        defer { H5Aclose(a) }
        let status = value.withCString { text -> herr_t in
            var pointer: UnsafePointer<CChar>? = text
            return H5Awrite(a, type, &pointer)
        }
        guard status >= 0 else { throw fail("cannot write attribute", attributeName(path, name)) }
    }

    /// Writes a 64-bit integer attribute.
    func writeAttribute(_ object: hid_t, _ name: String, _ value: Int64, path: String) throws {
        let space = H5Screate(H5S_SCALAR)
        defer { H5Sclose(space) }
        let a = H5Acreate2(object, name, Int64.fileType, space, hid_t(H5P_DEFAULT), hid_t(H5P_DEFAULT))
        guard a >= 0 else { throw fail("cannot create attribute", attributeName(path, name)) }
        defer { H5Aclose(a) }
        var v = value
        guard H5Awrite(a, Int64.memoryType, &v) >= 0 else { throw fail("cannot write attribute", attributeName(path, name)) }
    }

    /// Opens attribute `name` of `object`, or returns `nil` when it has none.
    private func openAttribute(_ object: hid_t, _ name: String, path: String) throws -> hid_t? {
        let has = H5Aexists(object, name)
        guard has >= 0 else { throw fail("cannot look up attribute", attributeName(path, name)) }
        guard has > 0 else { return nil }
        let a = H5Aopen(object, name, hid_t(H5P_DEFAULT))
        guard a >= 0 else { throw fail("cannot open attribute", attributeName(path, name)) }
        return a
    }

    /// Reads a scalar string attribute (fixed or variable length), or `nil` when there is none or
    /// it is not a string.
    func readStringAttribute(_ object: hid_t, _ name: String, path: String) throws -> String? {
        guard let a = try openAttribute(object, name, path: path) else { return nil }
        defer { H5Aclose(a) }
        let type = H5Aget_type(a)
        guard type >= 0 else { throw fail("cannot read the attribute's type", attributeName(path, name)) }
        defer { H5Tclose(type) }
        guard H5Tget_class(type) == H5T_STRING else { return nil }
        let memory = H5Tcopy(weft_h5t_c_s1())
        defer { H5Tclose(memory) }
        H5Tset_cset(memory, H5Tget_cset(type))
        if H5Tis_variable_str(type) > 0 {
            H5Tset_size(memory, weft_h5t_variable())
            var pointer: UnsafeMutablePointer<CChar>? = nil
            guard H5Aread(a, memory, &pointer) >= 0 else { throw fail("cannot read attribute", attributeName(path, name)) }
            defer { if let p = pointer { H5free_memory(p) } }
            return pointer.map { String(cString: $0) }
        }
        let size = H5Tget_size(type)
        H5Tset_size(memory, size)
        H5Tset_strpad(memory, H5T_STR_NULLPAD)
        var buf = [UInt8](repeating: 0, count: size + 1)
        guard H5Aread(a, memory, &buf) >= 0 else { throw fail("cannot read attribute", attributeName(path, name)) }
        let end = buf.firstIndex(of: 0) ?? size
        return String(decoding: buf[..<end], as: UTF8.self)
    }

    /// Reads a scalar integer attribute, or `nil` when there is none or it is not an integer.
    func readIntegerAttribute(_ object: hid_t, _ name: String, path: String) throws -> Int64? {
        guard let a = try openAttribute(object, name, path: path) else { return nil }
        defer { H5Aclose(a) }
        let type = H5Aget_type(a)
        guard type >= 0 else { throw fail("cannot read the attribute's type", attributeName(path, name)) }
        let typeClass = H5Tget_class(type)
        H5Tclose(type)
        guard typeClass == H5T_INTEGER else { return nil }
        var v: Int64 = 0
        guard H5Aread(a, Int64.memoryType, &v) >= 0 else { throw fail("cannot read attribute", attributeName(path, name)) }
        return v
    }
}
