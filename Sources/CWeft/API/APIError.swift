import CWeftHeader

/// A failure detected by the C layer itself (a NULL argument, an index out of range, a refused
/// allocation), thrown inside a ``Boundary`` call and turned into its status and message there.
struct APIError: Error {
    /// The `WEFT_ERROR_*` code.
    var status: Int32
    /// The message for `weft_last_error`.
    var message: String

    /// A NULL pointer where `function` needs `argument`.
    static func null(_ argument: String, in function: StaticString) -> APIError {
        APIError(status: WEFT_ERROR_NULL_ARGUMENT, message: "\(function): argument '\(argument)' is NULL")
    }

    /// An index not below its count.
    static func outOfRange(_ what: String, _ index: UInt, count: Int, in function: StaticString) -> APIError {
        APIError(status: WEFT_ERROR_OUT_OF_RANGE,
                 message: "\(function): \(what) \(index) is out of range (\(count) available)")
    }

    /// An allocation of `bytes` bytes that failed.
    static func outOfMemory(_ what: String, bytes: Int, in function: StaticString) -> APIError {
        APIError(status: WEFT_ERROR_OUT_OF_MEMORY,
                 message: "\(function): cannot allocate \(bytes) bytes for \(what)")
    }
}
