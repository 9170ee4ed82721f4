import EventData

/// Constant-time lookup from a module's geometry id to its index in a ``ModuleTable``.
///
/// The id's three fields index dense tables directly: (volume, layer) selects a slot holding the
/// start and length of that layer's block in a flat table, and the module number indexes the block.
/// For TrackML the tables hold 19 × 15 slots and 18 802 entries (≈ 75 kB), and a lookup is three
/// dependent loads with no hashing. When ids are so sparse that the dense tables would exceed
/// 16 entries per module, the index falls back to binary search over the sorted ids (O(log n)).
struct GeometryIndex: Sendable {
    /// Per (volume, layer) slot: start in `table` and number of module numbers covered, or start −1.
    private let slots: [SIMD2<Int32>]
    /// Module indices (−1: no module with that number).
    private let table: [Int32]
    /// Number of volume rows in `slots`.
    private let volumeCount: Int
    /// Number of layer columns in `slots`.
    private let layerStride: Int
    /// Sorted raw ids, used only when the dense tables would be too large.
    private let sortedRaw: [UInt64]
    /// Whether the dense tables are in use.
    let isDense: Bool

    /// The bits a module id may use (volume, layer and module fields).
    private static let fieldMask = GeometryID(volume: GeometryID.maxVolume, layer: GeometryID.maxLayer,
                                              module: GeometryID.maxModule).rawValue

    /// Builds the index of `ids`, which must be strictly increasing; the index of `ids[i]` is `i`.
    init(sortedIDs ids: [GeometryID]) {
        var maxVolume = 0, maxLayer = 0
        for id in ids {
            maxVolume = max(maxVolume, Int(id.volume))
            maxLayer = max(maxLayer, Int(id.layer))
        }
        volumeCount = maxVolume + 1
        layerStride = maxLayer + 1
        // Block length per layer = largest module number + 1.
        var blockLength: [Int: Int] = [:]
        for id in ids {
            let s = Int(id.volume) * layerStride + Int(id.layer)
            blockLength[s] = max(blockLength[s] ?? 0, Int(id.module) + 1)
        }
        let slotCount = volumeCount * layerStride
        let tableCount = blockLength.values.reduce(0, +)
        let budget = 16 * ids.count + 4096
        if slotCount + tableCount > budget {
            isDense = false
            slots = []
            table = []
            sortedRaw = ids.map(\.rawValue)
            return
        }
        var slots = [SIMD2<Int32>](repeating: SIMD2(-1, 0), count: slotCount)
        var start = 0
        for s in blockLength.keys.sorted() {
            slots[s] = SIMD2(Int32(start), Int32(blockLength[s]!))
            start += blockLength[s]!
        }
        var table = [Int32](repeating: -1, count: tableCount)
        for (i, id) in ids.enumerated() {
            let slot = slots[Int(id.volume) * layerStride + Int(id.layer)]
            table[Int(slot.x) + Int(id.module)] = Int32(i)
        }
        isDense = true
        self.slots = slots
        self.table = table
        sortedRaw = []
    }

    /// The index of the module with geometry id `id`, or `nil` when there is none.
    ///
    /// - Complexity: O(1) (O(log n) for pathologically sparse ids).
    @inline(__always) func index(of id: GeometryID) -> Int32? {
        let raw = id.rawValue
        guard raw & ~Self.fieldMask == 0 else { return nil }
        guard isDense else { return binarySearch(raw) }
        let volume = Int(id.volume), layer = Int(id.layer), module = Int(id.module)
        guard volume < volumeCount && layer < layerStride else { return nil }
        let slot = slots[volume * layerStride + layer]
        guard slot.x >= 0 && module < Int(slot.y) else { return nil }
        let i = table[Int(slot.x) + module]
        return i >= 0 ? i : nil
    }

    private func binarySearch(_ raw: UInt64) -> Int32? {
        var lo = 0, hi = sortedRaw.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sortedRaw[mid] < raw { lo = mid + 1 } else { hi = mid }
        }
        return lo < sortedRaw.count && sortedRaw[lo] == raw ? Int32(lo) : nil
    }
}
