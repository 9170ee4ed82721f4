import Dispatch

/// Parallel loops whose results do not depend on the number of threads.
///
/// The work is cut into chunks whose boundaries depend only on the problem size; worker `w` of `T`
/// handles chunks `w, w + T, w + 2T, …` with its own cache, and the per-chunk results are returned in
/// chunk order, so merging them in that order gives bit-identical output for every thread count.
public enum DeterministicParallel {
    /// Calls `body(chunk, range, &cache)` for every chunk of `0 ..< count` cut into pieces of
    /// `chunkSize`, on `threads` threads, each with a cache made by `makeCache`.
    ///
    /// - Returns: the chunk results in chunk order.
    /// - Precondition: `chunkSize ≥ 1`, `threads ≥ 1`.
    public static func mapChunks<Cache, T>(count: Int, chunkSize: Int, threads: Int,
                                           makeCache: () -> Cache,
                                           _ body: (Int, Range<Int>, inout Cache) -> T) -> [T] {
        precondition(chunkSize >= 1 && threads >= 1)
        let chunks = (count + chunkSize - 1) / chunkSize
        guard chunks > 0 else { return [] }
        let workers = min(threads, chunks)
        if workers == 1 {
            var cache = makeCache()
            return (0 ..< chunks).map { c in body(c, c * chunkSize ..< min(count, (c + 1) * chunkSize), &cache) }
        }
        return withoutActuallyEscaping(body) { escaping in
            let job = ChunkJob(body: escaping, caches: (0 ..< workers).map { _ in makeCache() },
                               count: count, chunkSize: chunkSize, chunks: chunks)
            DispatchQueue.concurrentPerform(iterations: workers) { w in job.run(worker: w, workers: workers) }
            return job.results()
        }
    }
}

/// The shared state of one ``DeterministicParallel/mapChunks(count:chunkSize:threads:makeCache:_:)``
/// call: each result slot and each cache is touched by exactly one worker, hence `@unchecked Sendable`.
private final class ChunkJob<Cache, T>: @unchecked Sendable {
    let body: (Int, Range<Int>, inout Cache) -> T
    var caches: [Cache]
    let slots: UnsafeMutablePointer<T?>
    let count: Int, chunkSize: Int, chunks: Int

    init(body: @escaping (Int, Range<Int>, inout Cache) -> T, caches: [Cache], count: Int, chunkSize: Int, chunks: Int) {
        self.body = body; self.caches = caches; self.count = count; self.chunkSize = chunkSize; self.chunks = chunks
        slots = .allocate(capacity: chunks)
        slots.initialize(repeating: nil, count: chunks)
    }

    deinit { slots.deinitialize(count: chunks); slots.deallocate() }

    func run(worker w: Int, workers: Int) {
        var cache = caches[w]
        var c = w
        while c < chunks {
            slots[c] = body(c, c * chunkSize ..< min(count, (c + 1) * chunkSize), &cache)
            c += workers
        }
    }

    func results() -> [T] { (0 ..< chunks).map { slots[$0]! } }
}
