/// Reusable working arrays of ``GraphBuilder``. Not thread-safe; one per thread.
public final class GraphBuilderScratch {
    var moduleOfHit: [Int32] = []
    /// Hits of module `m` are `sortedHits[moduleOffsets[m] ..< moduleOffsets[m + 1]]`, by increasing φ.
    var moduleOffsets: [Int32] = []
    var sortedHits: [Int32] = []
    var sortedPhi: [Float] = []

    public init() {}
}
