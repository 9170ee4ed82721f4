/// Disjoint-set forest over node indices stored in caller-owned arrays (`parent[i] < 0` marks a
/// root), with union by size and path halving: near-constant time per operation.
enum UnionFind {
    @inline(__always)
    static func find(_ parent: inout [Int32], _ i: Int32) -> Int32 {
        var x = i
        while parent[Int(x)] >= 0 {
            let p = parent[Int(x)]
            let gp = parent[Int(p)]
            if gp >= 0 { parent[Int(x)] = gp }
            x = p
        }
        return x
    }

    /// Joins the sets of `a` and `b`; returns false when they were already one.
    @discardableResult @inline(__always)
    static func union(_ parent: inout [Int32], _ size: inout [Int32], _ a: Int32, _ b: Int32) -> Bool {
        var ra = find(&parent, a), rb = find(&parent, b)
        guard ra != rb else { return false }
        // The larger set absorbs the smaller; ties go to the smaller index (deterministic).
        if size[Int(ra)] < size[Int(rb)] || (size[Int(ra)] == size[Int(rb)] && rb < ra) { swap(&ra, &rb) }
        parent[Int(rb)] = ra
        size[Int(ra)] += size[Int(rb)]
        return true
    }
}
