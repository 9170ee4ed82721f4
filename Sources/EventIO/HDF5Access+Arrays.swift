import CHDF5
import CHDF5Support

/// N-dimensional datasets and attribute listing for ``ArrayStore``.
extension HDF5Access {
    /// Writes `array` as dataset `name` of `group` (chunked, byte-shuffled, deflate level 6).
    func writeArray(_ array: StoredArray, _ group: hid_t, _ name: String, path: String) throws {
        var dims = array.shape.map { hsize_t($0) }
        let space = H5Screate_simple(Int32(dims.count), &dims, nil)
        guard space >= 0 else { throw fail("cannot create a dataspace", path) }
        defer { H5Sclose(space) }
        let dcpl = H5Pcreate(weft_h5p_dataset_create())
        guard dcpl >= 0 else { throw fail("cannot create a property list", path) }
        defer { H5Pclose(dcpl) }
        if array.values.count > 0 {
            // Chunks of at most 64 Ki elements: whole rows of the trailing dimensions, as many rows as fit.
            var chunk = dims
            var inner: hsize_t = 1
            for i in stride(from: chunk.count - 1, to: 0, by: -1) {
                chunk[i] = max(1, min(chunk[i], (1 << 16) / inner)); inner *= chunk[i]
            }
            chunk[0] = max(1, min(chunk[0], (1 << 16) / inner))
            guard H5Pset_chunk(dcpl, Int32(chunk.count), &chunk) >= 0, H5Pset_shuffle(dcpl) >= 0, H5Pset_deflate(dcpl, 6) >= 0 else {
                throw fail("cannot set chunking and compression", path)
            }
        }
        func write<T: HDF5Scalar>(_ values: [T]) throws {
            let d = H5Dcreate2(group, name, T.fileType, space, hid_t(H5P_DEFAULT), dcpl, hid_t(H5P_DEFAULT))
            guard d >= 0 else { throw fail("cannot create dataset", path) }
            defer { H5Dclose(d) }
            guard !values.isEmpty else { return }
            let status = values.withUnsafeBufferPointer {
                H5Dwrite(d, T.memoryType, weft_h5s_all(), weft_h5s_all(), hid_t(H5P_DEFAULT), $0.baseAddress)
            }
            guard status >= 0 else { throw fail("cannot write dataset", path) }
        }
        switch array.values {
        case let .float(v): try write(v)
        case let .int32(v): try write(v)
        case let .int64(v): try write(v)
        case let .uint64(v): try write(v)
        }
    }

    /// Reads every dataset under `group` (recursively) into `arrays`, keyed by path below the root.
    func readArrays(_ group: hid_t, prefix: String, into arrays: inout [String: StoredArray]) throws {
        let groupPath = "/" + prefix
        for child in try childNames(group, path: groupPath) {
            let name = prefix.isEmpty ? child : prefix + "/" + child
            let object = H5Oopen(group, child, hid_t(H5P_DEFAULT))
            guard object >= 0 else { throw fail("cannot open object", "/" + name) }
            defer { H5Oclose(object) }
            switch H5Iget_type(object) {
            case H5I_GROUP: try readArrays(object, prefix: name, into: &arrays)
            case H5I_DATASET: arrays[name] = try readArray(object, path: "/" + name)
            default: continue
            }
        }
    }

    /// Reads one dataset of integers or floats, any rank.
    private func readArray(_ d: hid_t, path: String) throws -> StoredArray {
        let type = H5Dget_type(d)
        guard type >= 0 else { throw fail("cannot read the dataset's type", path) }
        let typeClass = H5Tget_class(type), size = H5Tget_size(type), sign = H5Tget_sign(type)
        H5Tclose(type)
        let space = H5Dget_space(d)
        guard space >= 0 else { throw fail("cannot read the dataset's shape", path) }
        defer { H5Sclose(space) }
        let rank = Int(H5Sget_simple_extent_ndims(space))
        guard rank >= 1 else {
            throw EventIOError.hdf5(operation: "scalar datasets are not supported", at: .dataset(file: file, dataset: path, row: nil))
        }
        var dims = [hsize_t](repeating: 0, count: rank)
        guard H5Sget_simple_extent_dims(space, &dims, nil) == Int32(rank) else { throw fail("cannot read the dataset's shape", path) }
        let shape = dims.map { Int($0) }
        let count = shape.reduce(1, *)
        func read<T: HDF5Scalar>(_: T.Type) throws -> [T] {
            guard count > 0 else { return [] }
            let transfer = weft_h5p_strict_transfer()
            guard transfer >= 0 else { throw fail("cannot create a transfer property list", path) }
            defer { H5Pclose(transfer) }
            var status: herr_t = 0
            let values = [T](unsafeUninitializedCapacity: count) { buf, initialised in
                status = H5Dread(d, T.memoryType, weft_h5s_all(), weft_h5s_all(), transfer, buf.baseAddress)
                initialised = count
            }
            guard status >= 0 else { throw fail("cannot read the dataset (damaged or truncated?)", path) }
            return values
        }
        switch typeClass {
        case H5T_FLOAT:
            return StoredArray(shape: shape, values: .float(try read(Float.self)))
        case H5T_INTEGER:
            if size == 8 && sign == H5T_SGN_NONE { return StoredArray(shape: shape, values: .uint64(try read(UInt64.self))) }
            if size == 8 || (size == 4 && sign == H5T_SGN_NONE) { return StoredArray(shape: shape, values: .int64(try read(Int64.self))) }
            return StoredArray(shape: shape, values: .int32(try read(Int32.self)))
        default:
            throw EventIOError.hdf5(operation: "the dataset holds neither integers nor floats", at: .dataset(file: file, dataset: path, row: nil))
        }
    }

    /// Every string attribute of `object` by name (other attribute types are skipped).
    func readStringAttributes(_ object: hid_t, path: String) throws -> [String: String] {
        var info = H5O_info_t()
        guard H5Oget_info(object, &info) >= 0 else { throw fail("cannot list attributes", path) }
        var out: [String: String] = [:]
        for i in 0 ..< info.num_attrs {
            let size = H5Aget_name_by_idx(object, ".", H5_INDEX_NAME, H5_ITER_INC, i, nil, 0, hid_t(H5P_DEFAULT))
            guard size >= 0 else { throw fail("cannot list attributes", path) }
            var buf = [CChar](repeating: 0, count: Int(size) + 1)
            guard H5Aget_name_by_idx(object, ".", H5_INDEX_NAME, H5_ITER_INC, i, &buf, buf.count, hid_t(H5P_DEFAULT)) >= 0 else {
                throw fail("cannot list attributes", path)
            }
            let name = buf.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            if let value = try readStringAttribute(object, name, path: path) { out[name] = value }
        }
        return out
    }
}
