import EventData

/// Finds the row of a hit id in an event's ``Hits``, and proves hit ids unique on the way.
///
/// TrackML files list hits by increasing id, so the index first tries the cheap layouts: ids
/// `first, first + 1, …` (row = id − first), then any strictly increasing list (binary search,
/// with a hint for the sequential access of truth and cell files). Only unsorted ids pay for a
/// hash map.
struct HitIDIndex {
    /// Two rows holding the same hit id.
    struct Duplicate: Error { let first: Int; let second: Int; let hitID: Int64 }

    private enum Layout { case contiguous(first: Int64), increasing, hashed([Int64: Int32]) }
    private let ids: [Int64]
    private let layout: Layout

    /// Indexes `ids`.
    ///
    /// - Throws: ``Duplicate`` for the first repeated id (rows in file order).
    /// - Complexity: O(n) for increasing ids, O(n) expected otherwise.
    init(_ ids: [Int64]) throws(Duplicate) {
        self.ids = ids
        var increasing = true
        ids.withUnsafeBufferPointer { p in
            var i = 1
            while i < p.count { if p[i] <= p[i - 1] { increasing = false; break }; i += 1 }
        }
        if increasing {
            if let f = ids.first, let l = ids.last, l &- f == Int64(ids.count - 1) {
                layout = .contiguous(first: f)
            } else {
                layout = .increasing
            }
            return
        }
        var map = [Int64: Int32](minimumCapacity: ids.count)
        for (row, id) in ids.enumerated() {
            if let first = map.updateValue(Int32(row), forKey: id) {
                throw Duplicate(first: Int(first), second: row, hitID: id)
            }
        }
        layout = .hashed(map)
    }

    /// The row of `id`, or `nil` when no hit has it; `hint` is the likely row.
    @inline(__always) func row(of id: Int64, hint: Int) -> Int? {
        switch layout {
        case let .contiguous(first):
            let r = id &- first
            return r >= 0 && r < Int64(ids.count) ? Int(r) : nil
        case .increasing:
            return ids.withUnsafeBufferPointer { p -> Int? in
                if hint >= 0 && hint < p.count && p[hint] == id { return hint }
                var lo = 0, hi = p.count
                while lo < hi {
                    let mid = (lo + hi) >> 1
                    if p[mid] < id { lo = mid + 1 } else { hi = mid }
                }
                return lo < p.count && p[lo] == id ? lo : nil
            }
        case let .hashed(map):
            if hint >= 0 && hint < ids.count && ids[hint] == id { return hint }
            return map[id].map(Int.init)
        }
    }
}
