import Detector
import EventData

/// Which module pairs particles traverse consecutively, learned from simulated truth, with the
/// ranges of the doublet quantities seen on each pair: the graph-construction "module map"
/// (as in the GNN4ITk pipeline).
///
/// Modules are indices into the detector's module table (sorted by geometry id). Each pair `A → B`
/// is oriented from the module whose centre is nearer the origin to the farther one (ties by
/// index), so edges run inner → outer and every graph is acyclic. Pairs are stored in compressed
/// rows by first module, second modules increasing.
///
/// Windows, per pair, are `[min, max]` of: Δφ (rad), z0 (mm), φ-slope (rad/mm), Δη — in that order
/// (``windowNames``), 8 floats per pair.
public struct ModuleMap: Sendable, Equatable {
    /// Names of the windowed quantities, in storage order.
    public static let windowNames = ["dphi", "z0", "phi_slope", "deta"]
    /// Floats stored per pair (min and max of each windowed quantity).
    public static let windowStride = 8

    /// The detector the map was learned on.
    public let detectorName: String
    /// The detector's module ids in module-index order when the map was made (checked on use).
    public let moduleIDs: [GeometryID]
    /// Pairs of module `m` are `pairOffsets[m] ..< pairOffsets[m + 1]`; `moduleIDs.count + 1` entries.
    public let pairOffsets: [Int32]
    /// Second module of each pair.
    public let pairTargets: [Int32]
    /// How many truth doublets each pair was learned from (0 for a pair added as a rotated copy of
    /// seen pairs, see ``ModuleMapConfig/completePairs``).
    public let pairCounts: [Int32]
    /// The windows, `pairCount × 8`: (min, max) of Δφ, z0, φ-slope, Δη.
    public let windows: [Float]
    /// The ring of every module (modules of one layer at the same centre radius and z), for the
    /// triplet windows; empty when the map has no triplets.
    public let moduleRings: [Int32]
    /// Ring triplets `(first, second, third)` seen in truth, `tripletCount × 3`, sorted.
    public let tripletRings: [Int32]
    /// Their windows, `tripletCount × 4`: (min, max) of Δ(φ-slope) [rad/mm] and Δθ [rad] between
    /// the doublets a → b and b → c (``TripletGeometry``).
    public let tripletWindows: [Float]

    /// Names of the triplet-windowed quantities, in storage order.
    public static let tripletWindowNames = ["dslope", "dtheta"]
    /// The number of ring triplets.
    public var tripletCount: Int { tripletRings.count / 3 }
    /// Whether the map has triplet windows.
    public var hasTriplets: Bool { !tripletRings.isEmpty }

    /// The number of module pairs.
    public var pairCount: Int { pairTargets.count }
    /// The number of modules.
    public var moduleCount: Int { moduleIDs.count }

    /// A map from its columns, validated.
    ///
    /// - Throws: ``HitGraphError/invalidModuleMap(reason:)`` when lengths disagree, offsets are not
    ///   increasing from 0 to the pair count, a target is out of range, equal to its first module or
    ///   not increasing within a row, a count is negative, or a window is not finite or has min > max.
    ///   Triplets (optional): `moduleRings` needs one ring per module, `tripletRings` three valid rings
    ///   per triplet in strictly increasing order, `tripletWindows` four finite values per triplet with min ≤ max.
    public init(detectorName: String, moduleIDs: [GeometryID], pairOffsets: [Int32], pairTargets: [Int32],
                pairCounts: [Int32], windows: [Float], moduleRings: [Int32] = [], tripletRings: [Int32] = [],
                tripletWindows: [Float] = []) throws {
        func bad(_ reason: String) -> HitGraphError { .invalidModuleMap(reason: reason) }
        let m = moduleIDs.count, p = pairTargets.count
        guard pairOffsets.count == m + 1 else { throw bad("\(pairOffsets.count) pair offsets for \(m) modules (expected \(m + 1))") }
        guard pairCounts.count == p else { throw bad("\(pairCounts.count) pair counts for \(p) pairs") }
        guard windows.count == p * Self.windowStride else { throw bad("\(windows.count) window values for \(p) pairs (expected \(p * Self.windowStride))") }
        guard pairOffsets.first == 0, pairOffsets.last == Int32(p) else { throw bad("pair offsets must run from 0 to \(p)") }
        for a in 0 ..< m {
            let lo = Int(pairOffsets[a]), hi = Int(pairOffsets[a + 1])
            guard lo <= hi else { throw bad("pair offsets decrease at module \(a)") }
            var previous: Int32 = -1
            for k in lo ..< hi {
                let b = pairTargets[k]
                guard b >= 0, Int(b) < m, Int(b) != a else { throw bad("pair \(k) of module \(a) names module \(b)") }
                guard b > previous else { throw bad("second modules of module \(a) are not increasing") }
                previous = b
            }
        }
        if let k = pairCounts.firstIndex(where: { $0 < 0 }) { throw bad("pair \(k) has count \(pairCounts[k])") }
        for k in 0 ..< p {
            for q in 0 ..< 4 {
                let lo = windows[k * 8 + 2 * q], hi = windows[k * 8 + 2 * q + 1]
                guard lo.isFinite, hi.isFinite, lo <= hi else {
                    throw bad("pair \(k): \(Self.windowNames[q]) window [\(lo), \(hi)] is not a finite range")
                }
            }
        }
        if !tripletRings.isEmpty || !moduleRings.isEmpty || !tripletWindows.isEmpty {
            guard moduleRings.count == m else { throw bad("\(moduleRings.count) module rings for \(m) modules") }
            let rings = (moduleRings.max() ?? -1) + 1
            guard moduleRings.allSatisfy({ $0 >= 0 }) else { throw bad("negative module ring") }
            guard tripletRings.count % 3 == 0, tripletWindows.count == tripletRings.count / 3 * 4 else {
                throw bad("\(tripletRings.count) triplet ring values and \(tripletWindows.count) triplet window values do not match")
            }
            var previous: (Int32, Int32, Int32) = (-1, -1, -1)
            for t in 0 ..< tripletRings.count / 3 {
                let key = (tripletRings[3 * t], tripletRings[3 * t + 1], tripletRings[3 * t + 2])
                guard [key.0, key.1, key.2].allSatisfy({ $0 >= 0 && $0 < rings }) else { throw bad("triplet \(t) names a ring out of range") }
                guard key > previous else { throw bad("triplets are not sorted and distinct at \(t)") }
                previous = key
                for q in 0 ..< 2 {
                    let lo = tripletWindows[4 * t + 2 * q], hi = tripletWindows[4 * t + 2 * q + 1]
                    guard lo.isFinite, hi.isFinite, lo <= hi else {
                        throw bad("triplet \(t): \(Self.tripletWindowNames[q]) window [\(lo), \(hi)] is not a finite range")
                    }
                }
            }
        }
        self.detectorName = detectorName; self.moduleIDs = moduleIDs; self.pairOffsets = pairOffsets
        self.pairTargets = pairTargets; self.pairCounts = pairCounts; self.windows = windows
        self.moduleRings = moduleRings; self.tripletRings = tripletRings; self.tripletWindows = tripletWindows
    }

    /// Checks that the map belongs to `detector` (same module ids in the same order).
    ///
    /// - Throws: ``HitGraphError/detectorMismatch(mapDetector:detector:)``.
    public func check(against detector: Detector) throws {
        guard moduleIDs == detector.modules.id else {
            throw HitGraphError.detectorMismatch(mapDetector: detectorName, detector: detector.name)
        }
    }

    /// The pair indices of first module `m`.
    @inlinable public func pairs(of m: Int) -> Range<Int> { Int(pairOffsets[m]) ..< Int(pairOffsets[m + 1]) }

    /// The orientation rank of every module of `detector`: the distance of its centre from the
    /// origin, mm. A pair runs from the lower (rank, index) to the higher.
    public static func moduleRank(_ detector: Detector) -> [Float] {
        (0 ..< detector.modules.count).map { i in
            let c = detector.modules.center(i)
            return Float((c * c).sum().squareRoot())
        }
    }
}
