import Dispatch
import Foundation

/// Runs `count` independent chunks of work on up to `threads` threads and hands each chunk's result
/// back in chunk order, so that merged results do not depend on the thread count or on timing.
enum ParallelChunks {
    /// Calls `makeLane()` once per thread for its private scratch, then `body(chunk, &scratch)` for
    /// every chunk index in `0 ..< count`, each exactly once; returns the results by chunk index.
    static func run<Scratch, Result>(count: Int, threads: Int, makeLane: () -> Scratch,
                                     body: (Int, inout Scratch) -> Result) -> [Result] {
        guard count > 0 else { return [] }
        let lanes = max(1, min(threads, count))
        if lanes == 1 {
            var scratch = makeLane()
            return (0 ..< count).map { body($0, &scratch) }
        }
        let slots = UnsafeMutablePointer<Result?>.allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
        defer { slots.deinitialize(count: count); slots.deallocate() }
        let counter = ChunkCounter()
        let sendableSlots = UncheckedPointer(slots)
        withoutActuallyEscaping(makeLane) { makeLane in
            withoutActuallyEscaping(body) { body in
                let box = UncheckedBox((makeLane, body))
                DispatchQueue.concurrentPerform(iterations: lanes) { _ in
                    var scratch = box.value.0()
                    while let chunk = counter.next(limit: count) {
                        sendableSlots.pointer[chunk] = box.value.1(chunk, &scratch)
                    }
                }
            }
        }
        return (0 ..< count).map { slots[$0]! }
    }
}

/// Hands out chunk indices 0, 1, 2 … to competing threads.
private final class ChunkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next(limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// A pointer shared by threads that write disjoint elements.
private struct UncheckedPointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ p: UnsafeMutablePointer<T>) { pointer = p }
}

/// A value shared read-only by threads.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ v: T) { value = v }
}
