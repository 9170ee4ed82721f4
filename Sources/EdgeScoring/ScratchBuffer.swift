/// A grow-only block of `Float`s owned by a workspace: reused across calls, so that repeated
/// forward and backward passes allocate nothing once the largest graph has been seen.
final class ScratchBuffer {
    private(set) var pointer: UnsafeMutablePointer<Float>
    private(set) var capacity: Int

    init() {
        pointer = .allocate(capacity: 1)
        capacity = 1
    }

    deinit { pointer.deallocate() }

    /// Makes room for `count` elements (contents are not kept when it grows) and returns the start.
    @discardableResult
    func reserve(_ count: Int) -> UnsafeMutablePointer<Float> {
        if count > capacity {
            pointer.deallocate()
            // Grow by 1/8 beyond the request so that slowly growing graphs do not reallocate every call.
            capacity = count + count / 8
            pointer = .allocate(capacity: capacity)
        }
        return pointer
    }

    /// Bytes held.
    var bytes: Int { capacity * MemoryLayout<Float>.stride }
}
