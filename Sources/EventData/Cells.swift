/// The read-out cells (pixels, or strips read as long pixels) behind the hits of one event.
///
/// Each row is one cell; `hitIndex` refers to a row of the event's ``Hits``. Rows of one hit are
/// contiguous when the cells come from a TrackML file, but no code may rely on that.
public struct Cells: Equatable, Sendable {
    /// Row of the owning hit in ``Hits``.
    public var hitIndex: [Int32]
    /// Cell index along the module's local u axis.
    public var channel0: [Int32]
    /// Cell index along the module's local v axis.
    public var channel1: [Int32]
    /// Deposited charge, in the source's arbitrary units (TrackML `value`).
    public var value: [Float]

    /// An empty cell collection.
    public init() { hitIndex = []; channel0 = []; channel1 = []; value = [] }

    /// Builds cells from whole columns.
    ///
    /// - Precondition: all columns have the same length.
    public init(hitIndex: [Int32], channel0: [Int32], channel1: [Int32], value: [Float]) {
        precondition(channel0.count == hitIndex.count && channel1.count == hitIndex.count
                     && value.count == hitIndex.count, "Cells columns differ in length")
        self.hitIndex = hitIndex; self.channel0 = channel0; self.channel1 = channel1; self.value = value
    }

    /// The number of cells.
    @inlinable public var count: Int { hitIndex.count }

    /// Appends one cell.
    public mutating func append(hitIndex h: Int32, channel0 c0: Int32, channel1 c1: Int32, value v: Float) {
        hitIndex.append(h); channel0.append(c0); channel1.append(c1); value.append(v)
    }

    /// The number of cells of each hit, for an event with `hitCount` hits.
    ///
    /// - Complexity: O(cells + hits).
    public func cellsPerHit(hitCount: Int) -> [Int32] {
        var n = [Int32](repeating: 0, count: hitCount)
        for h in hitIndex where h >= 0 && Int(h) < hitCount { n[Int(h)] += 1 }
        return n
    }
}
