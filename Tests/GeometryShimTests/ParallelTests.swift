import Foundation
import GeometryShim
import Testing

/// Per-index records written by the parallel body; each index is owned by exactly one chunk, so
/// the writes never race.
final class ChunkRecorder {
    let visits: UnsafeMutableBufferPointer<Int32>
    let chunkStart: UnsafeMutableBufferPointer<Int>
    let chunkLength: UnsafeMutableBufferPointer<Int>
    let thread: UnsafeMutableBufferPointer<UInt>

    init(count: Int) {
        visits = .allocate(capacity: count)
        visits.initialize(repeating: 0)
        chunkStart = .allocate(capacity: count)
        chunkStart.initialize(repeating: -1)
        chunkLength = .allocate(capacity: count)
        chunkLength.initialize(repeating: 0)
        thread = .allocate(capacity: count)
        thread.initialize(repeating: 0)
    }

    deinit {
        visits.deallocate()
        chunkStart.deallocate()
        chunkLength.deallocate()
        thread.deallocate()
    }

    static let body: weft_shim_range_body = { ctx, begin, end in
        let recorder = Unmanaged<ChunkRecorder>.fromOpaque(ctx!).takeUnretainedValue()
        let me = UInt(pthread_self())
        for i in begin..<end {
            recorder.visits[i] += 1
            recorder.chunkStart[i] = begin
            recorder.chunkLength[i] = end - begin
            recorder.thread[i] = me
        }
    }

    /// Runs weft_shim_parallel_for over `count` indices and returns the recorder.
    static func run(count: Int, grain: Int) -> (status: Int32, recorder: ChunkRecorder) {
        let recorder = ChunkRecorder(count: max(count, 1))
        let status = weft_shim_parallel_for(count, grain, body, Unmanaged.passUnretained(recorder).toOpaque())
        return (status, recorder)
    }
}

/// Tests that change the process-wide TBB thread cap run one after another.
@Suite("parallel_for and the thread cap", .serialized)
struct ParallelTests {
    init() { _ = weft_shim_set_max_threads(0) }

    @Test("every index is visited exactly once, in chunks of at most `grain`, with 1 and with 2 threads",
          arguments: [1, 2])
    func coverage(threads: Int32) {
        #expect(weft_shim_set_max_threads(threads) == WEFT_SHIM_OK)
        defer { _ = weft_shim_set_max_threads(0) }
        #expect(weft_shim_max_threads() == threads)
        for (count, grain) in [(1, 1), (1000, 7), (100_003, 1000), (5000, 200_000), (64, 1)] {
            let (status, recorder) = ChunkRecorder.run(count: count, grain: grain)
            #expect(status == WEFT_SHIM_OK)
            #expect(recorder.visits.allSatisfy { $0 == 1 }, "n \(count) grain \(grain)")
            #expect(recorder.chunkLength.allSatisfy { $0 >= 1 && $0 <= grain })
        }
    }

    @Test("chunk boundaries do not depend on the thread count")
    func deterministicChunks() {
        var starts: [[Int]] = []
        for threads: Int32 in [1, 2] {
            _ = weft_shim_set_max_threads(threads)
            let (status, recorder) = ChunkRecorder.run(count: 50_000, grain: 333)
            #expect(status == WEFT_SHIM_OK)
            starts.append(Array(recorder.chunkStart))
        }
        _ = weft_shim_set_max_threads(0)
        #expect(starts[0] == starts[1])
    }

    @Test("with a cap of 1 everything runs on the calling thread; with 2, on at most 2 threads")
    func threadCap() {
        let caller = UInt(pthread_self())
        _ = weft_shim_set_max_threads(1)
        let single = ChunkRecorder.run(count: 20_000, grain: 10).recorder
        #expect(single.thread.allSatisfy { $0 == caller })
        _ = weft_shim_set_max_threads(2)
        let double = ChunkRecorder.run(count: 20_000, grain: 10).recorder
        #expect(Set(double.thread).count <= 2)
        _ = weft_shim_set_max_threads(0)
        #expect(weft_shim_max_threads() == weft_shim_default_concurrency())
        #expect(weft_shim_default_concurrency() >= 1)
    }

    @Test("a large GEMM gives bit-identical results with 1 and 2 threads")
    func gemmDeterminism() {
        let problem = GemmCase(m: 1100, n: 96, k: 80, transA: false, transB: true, alpha: 1, beta: 0.25)
        let (a, b, c0) = problem.inputs(seed: 91)
        var results: [[Float]] = []
        for threads: Int32 in [1, 2] {
            _ = weft_shim_set_max_threads(threads)
            var c = c0
            #expect(problem.run(a: a, b: b, c: &c) == WEFT_SHIM_OK)
            results.append(c)
        }
        _ = weft_shim_set_max_threads(0)
        #expect(results[0] == results[1])
        #expect(problem.check(result: results[0], a: a, b: b, c0: c0))
    }

    @Test("bad input: NULL body, zero grain; n = 0 never calls the body")
    func errors() {
        #expect(weft_shim_parallel_for(10, 1, nil, nil) == WEFT_SHIM_ERR_NULL_POINTER)
        #expect(weft_shim_parallel_for(10, 0, ChunkRecorder.body, nil) == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        // A NULL context would crash the body if it were called.
        #expect(weft_shim_parallel_for(0, 1, ChunkRecorder.body, nil) == WEFT_SHIM_OK)
    }
}
