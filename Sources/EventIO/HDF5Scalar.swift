import CHDF5
import CHDF5Support

/// A value type stored as one HDF5 dataset element.
protocol HDF5Scalar {
    /// The in-memory HDF5 type.
    static var memoryType: hid_t { get }
    /// The type written to files (little-endian standard types).
    static var fileType: hid_t { get }
    /// The class a stored dataset must have to be read as this type.
    static var typeClass: H5T_class_t { get }
}

extension Int32: HDF5Scalar {
    static var memoryType: hid_t { weft_h5t_native_int32() }
    static var fileType: hid_t { weft_h5t_std_i32le() }
    static var typeClass: H5T_class_t { H5T_INTEGER }
}

extension Int64: HDF5Scalar {
    static var memoryType: hid_t { weft_h5t_native_int64() }
    static var fileType: hid_t { weft_h5t_std_i64le() }
    static var typeClass: H5T_class_t { H5T_INTEGER }
}

extension UInt64: HDF5Scalar {
    static var memoryType: hid_t { weft_h5t_native_uint64() }
    static var fileType: hid_t { weft_h5t_std_u64le() }
    static var typeClass: H5T_class_t { H5T_INTEGER }
}

extension Float: HDF5Scalar {
    static var memoryType: hid_t { weft_h5t_native_float() }
    static var fileType: hid_t { weft_h5t_ieee_f32le() }
    static var typeClass: H5T_class_t { H5T_FLOAT }
}
