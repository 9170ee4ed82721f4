/// A lookup table over an ascending array of numbers that finds the index range of the values
/// inside a window [lower, upper] in about constant time.
///
/// The seed finder needs one such window (the tops compatible in cot θ) per bottom doublet, millions
/// per event, each in a few dozen sorted values. A binary search costs a mispredicted branch at
/// about every other step, or, written branch-free, a chain of dependent loads. Here the value range
/// is cut into as many equal buckets as there are values, each bucket stores the first index at or
/// above its lower edge, and a lookup starts at the window's bucket and corrects by stepping
/// (usually zero or one step each way). The corrections make the result exact whatever the rounding
/// of the bucket edges.
struct SortedWindowIndex {
    /// Per bucket edge k (k = 0 … buckets): the first index whose value is not below the edge.
    private var firstIndex: [Int32] = []
    private var minimum = 0.0, inverseWidth = 0.0
    private var buckets = 0

    /// An empty index.
    init() {}

    /// Rebuilds the table for `values` (ascending, finite), reusing its storage.
    /// - Complexity: O(values.count).
    mutating func rebuild(_ values: UnsafeBufferPointer<Double>) {
        firstIndex.removeAll(keepingCapacity: true)
        let n = values.count
        guard n > 0 else { buckets = 0; return }
        buckets = n
        minimum = values[0]
        let span = values[n - 1] - minimum
        inverseWidth = span > 0 ? Double(n) / span : 0
        let width = span / Double(n)
        var i = 0
        for k in 0 ... n {
            let edge = minimum + Double(k) * width
            while i < n && values[i] < edge { i += 1 }
            firstIndex.append(Int32(i))
        }
    }

    /// The index range of the values v of `values` (the array the table was built from) with
    /// lower ≤ v ≤ upper.
    /// - Complexity: O(1) plus the steps from the bucket edges to the window's ends, and the window's
    ///   length (the end is found by stepping through the window, which the caller visits anyway).
    @inline(__always)
    func window(lower: Double, upper: Double, in values: UnsafeBufferPointer<Double>) -> Range<Int> {
        let n = values.count
        guard n > 0 else { return 0 ..< 0 }
        let position = (lower - minimum) * inverseWidth
        let k = position <= 0 ? 0 : (position >= Double(buckets) ? buckets : Int(position))
        var lo = Int(firstIndex[k])
        while lo > 0 && values[lo - 1] >= lower { lo -= 1 }
        while lo < n && values[lo] < lower { lo += 1 }
        var end = lo
        while end < n && values[end] <= upper { end += 1 }
        return lo ..< end
    }
}
