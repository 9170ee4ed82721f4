import Foundation

/// Working memory a chain keeps between events (the GNN's graph and network arrays run to hundreds of
/// megabytes at μ = 200), shared by the calls of one engine: each call checks one scratch out for its
/// duration, so concurrent calls never share one, and later calls reuse what earlier ones allocated.
/// The pool grows to the largest number of simultaneous calls and is freed with the engine.
///
/// `@unchecked Sendable`: the list of idle scratches is only touched under `lock`, and a scratch is
/// used by one call at a time.
final class ScratchPool<Scratch: AnyObject>: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [Scratch] = []
    private let make: @Sendable () -> Scratch

    init(make: @escaping @Sendable () -> Scratch) { self.make = make }

    /// Runs `body` with a scratch no other call is using.
    func withScratch<T>(_ body: (Scratch) throws -> T) rethrows -> T {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        let scratch = reused ?? make()
        defer {
            lock.lock()
            idle.append(scratch)
            lock.unlock()
        }
        return try body(scratch)
    }
}
