#if canImport(Glibc)
import Glibc
#endif

/// Cache-line-aligned `malloc`-family allocations for the arrays the C API hands out: a refused
/// allocation is reported as `WEFT_ERROR_OUT_OF_MEMORY` instead of trapping, and consumers may
/// vectorise over the arrays without peeling.
enum AlignedAllocation {
    /// Alignment of every array in bytes (one cache line).
    static let alignment = 64

    /// Room for `count` values of `T` (at least one, so an empty array still has an address), or
    /// `nil` when the size overflows or the allocation is refused. Release with `free`.
    static func allocate<T>(_: T.Type, count: Int) -> UnsafeMutablePointer<T>? {
        let (bytes, overflow) = max(count, 1).multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        guard !overflow else { return nil }
        var raw: UnsafeMutableRawPointer?
        guard posix_memalign(&raw, alignment, bytes) == 0, let raw else { return nil }
        return raw.bindMemory(to: T.self, capacity: max(count, 1))
    }

    /// The byte size of `count` values of `T`, for messages.
    static func bytes<T>(_: T.Type, count: Int) -> Int {
        max(count, 1).multipliedReportingOverflow(by: MemoryLayout<T>.stride).partialValue
    }
}
