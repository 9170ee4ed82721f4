/// Per-thread working memory of the propagation: a visit stamp per module (to list each candidate
/// module once per query without clearing an array) and reusable candidate buffers.
struct PropagationScratch {
    var stamp: [UInt32]
    var generation: UInt32 = 0
    var candidates: [Int32] = []
    var accepted: [(s: Double, module: Int32)] = []

    init(moduleCount: Int) {
        stamp = [UInt32](repeating: 0, count: moduleCount)
        candidates.reserveCapacity(64); accepted.reserveCapacity(16)
    }

    /// Starts a new query: previously stamped modules count as unvisited again.
    mutating func beginQuery() {
        generation &+= 1
        if generation == 0 {
            for i in stamp.indices { stamp[i] = 0 }
            generation = 1
        }
        candidates.removeAll(keepingCapacity: true)
    }

    /// Adds `module` to the candidates unless it is already there.
    @inline(__always) mutating func visit(_ module: Int32) {
        let i = Int(module)
        if stamp[i] != generation { stamp[i] = generation; candidates.append(module) }
    }
}
