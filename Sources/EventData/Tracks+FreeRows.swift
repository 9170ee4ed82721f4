extension Tracks {
    /// The rows of an event with `hitCount` hits that no track holds, in increasing order.
    ///
    /// - Precondition: every hit index of the tracks is in `0 ..< hitCount`.
    public func freeRows(hitCount: Int) -> [Int32] {
        var used = [Bool](repeating: false, count: hitCount)
        for h in hitIndices { used[Int(h)] = true }
        return (0 ..< hitCount).filter { !used[$0] }.map { Int32($0) }
    }
}
