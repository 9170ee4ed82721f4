import GeometryShim

/// Deterministic parallel loops for the GNN stages, run by the shim's TBB pool (so that
/// `weft_shim_set_max_threads`, i.e. `--threads`, caps them too).
///
/// Work is cut into chunks whose boundaries depend only on the problem size and the chunk size,
/// never on the thread count: per-chunk partial results combined in chunk order are bit-identical
/// for every thread count.
public enum ChunkedLoop {
    /// Calls `body(chunk)` for every `chunk` in `0 ..< chunks`, in parallel, and returns when all
    /// have run. `body` must only write state private to its chunk.
    public static func forEach(chunks: Int, _ body: (Int) -> Void) {
        guard chunks > 0 else { return }
        if chunks == 1 { body(0); return }
        withoutActuallyEscaping(body) { escaping in
            let box = Box(escaping)
            let status = weft_shim_parallel_for(chunks, 1, { context, begin, end in
                let box = Unmanaged<Box>.fromOpaque(context!).takeUnretainedValue()
                for i in begin ..< end { box.body(i) }
            }, Unmanaged.passUnretained(box).toOpaque())
            withExtendedLifetime(box) {}
            // Only allocation failure inside TBB can fail here; there is no way to continue.
            precondition(status == WEFT_SHIM_OK, "parallel loop failed: \(String(cString: weft_shim_status_message(status)))")
        }
    }

    /// Splits `0 ..< count` into consecutive ranges of `chunkSize` (the last may be shorter) and calls
    /// `body(chunkIndex, range)` for each, in parallel.
    public static func forEachRange(count: Int, chunkSize: Int, _ body: (Int, Range<Int>) -> Void) {
        precondition(chunkSize > 0)
        let chunks = chunkCount(count, chunkSize)
        forEach(chunks: chunks) { c in
            let lo = c * chunkSize
            body(c, lo ..< min(count, lo + chunkSize))
        }
    }

    /// The number of chunks of `chunkSize` that cover `count` items.
    @inlinable public static func chunkCount(_ count: Int, _ chunkSize: Int) -> Int {
        count <= 0 ? 0 : (count + chunkSize - 1) / chunkSize
    }

    private final class Box {
        let body: (Int) -> Void
        init(_ body: @escaping (Int) -> Void) { self.body = body }
    }
}
