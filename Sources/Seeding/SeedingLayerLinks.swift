import Detector

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which seeding layers may hold the bottom, middle and top hits of one triplet, derived from the
/// detector geometry.
///
/// Straight lines from points of the luminous region are followed outwards over a fine grid of
/// pseudorapidities; the seeding layers each line crosses, in order of radius, form a sequence, and
/// every ordered triple of a sequence whose hits skip at most ``SeedingConfig/maxSkippedLayers``
/// layers in total is allowed. Curvature is neglected: a track reaches radius r after the arc
/// s = 2R asin(r/2R), so its z departs from the straight line by (s − r) cot θ ≈ r³/(24R²) cot θ —
/// at 0.3 GeV in 2 T (R = 500 mm) 0.9 mm × cot θ at r = 172 mm (TrackML's outer pixel layer) and
/// 4 mm × cot θ at 291 mm (itk-like's), mostly within the layer tolerance; links missed this way
/// only concern low-pT triplets at the ends of barrel layers.
public struct SeedingLayerLinks: Sendable, Equatable {
    /// The detector layer index behind each seeding slot, in detector order.
    public let layerIndices: [Int32]
    /// Seeding slot of each detector layer index (−1: not a seeding layer).
    public let slotOfLayer: [Int32]
    /// Slots that may hold the bottom hit, per middle slot.
    public let bottomSlots: [[Int32]]
    /// Slots that may hold the top hit, per middle slot.
    public let topSlots: [[Int32]]
    /// Allowed (bottom, middle, top) slot triples, flattened as `(m * n + b) * n + t`.
    let allowed: [Bool]

    /// The number of seeding slots.
    public var count: Int { layerIndices.count }

    /// Whether the slots (bottom, middle, top) may form a triplet.
    public func allows(bottom b: Int32, middle m: Int32, top t: Int32) -> Bool {
        let n = layerIndices.count
        return allowed[(Int(m) * n + Int(b)) * n + Int(t)]
    }

    /// Derives the links for the layers of `volumes` in `detector`.
    ///
    /// - Parameters:
    ///   - middleVolumes: the volumes whose layers may hold the middle hit (nil: all of `volumes`).
    ///   - collisionRegionZ: half-length of the luminous region, mm.
    ///   - etaMax: largest |η| sampled.
    ///   - tolerance: growth of every layer's extent, mm.
    ///   - maxSkipped: largest number of layers skipped in total between the three hits.
    /// - Complexity: O(samples × layers log layers), about 10⁵ line–layer tests for TrackML.
    public init(detector: Detector, volumes: [Int32], middleVolumes: [Int32]? = nil, collisionRegionZ: Double,
                etaMax: Double, tolerance: Double, maxSkipped: Int) {
        let middles = Set(middleVolumes ?? volumes)
        let wanted = Set(volumes)
        var indices: [Int32] = []
        var slotOf = [Int32](repeating: -1, count: detector.layers.count)
        for (i, layer) in detector.layers.enumerated() where wanted.contains(layer.volume) {
            slotOf[i] = Int32(indices.count)
            indices.append(Int32(i))
        }
        let n = indices.count
        var allowed = [Bool](repeating: false, count: n * n * n)
        let layers = indices.map { detector.layers[Int($0)] }
        var crossings: [(r: Double, slot: Int32)] = []
        crossings.reserveCapacity(n)
        let z0Samples = 9, etaSamples = 4000
        for iz in 0 ..< z0Samples {
            let z0 = -collisionRegionZ + 2 * collisionRegionZ * Double(iz) / Double(z0Samples - 1)
            for ie in 0 ... etaSamples {
                let eta = -etaMax + 2 * etaMax * Double(ie) / Double(etaSamples)
                let cot = sinh(eta)
                crossings.removeAll(keepingCapacity: true)
                for (s, layer) in layers.enumerated() {
                    switch layer.kind {
                    case .barrel:
                        // Cylinder at the layer's mean radius, z within its extent.
                        let r = layer.position, z = z0 + r * cot
                        if z >= layer.zMin - tolerance && z <= layer.zMax + tolerance { crossings.append((r, Int32(s))) }
                    case .endcap:
                        // Disc at the layer's mean z, r within its extent.
                        guard cot != 0 else { continue }
                        let r = (layer.position - z0) / cot
                        if r > 0 && r >= layer.rMin - tolerance && r <= layer.rMax + tolerance { crossings.append((r, Int32(s))) }
                    }
                }
                guard crossings.count >= 3 else { continue }
                crossings.sort { $0.r < $1.r || ($0.r == $1.r && $0.slot < $1.slot) }
                let k = crossings.count
                for i in 0 ..< k {
                    for j in i + 1 ..< min(k, i + 2 + maxSkipped) {
                        for l in j + 1 ..< min(k, j + 2 + maxSkipped) where (l - i - 2) <= maxSkipped {
                            let b = Int(crossings[i].slot), m = Int(crossings[j].slot), t = Int(crossings[l].slot)
                            guard middles.contains(layers[m].volume) else { continue }
                            allowed[(m * n + b) * n + t] = true
                        }
                    }
                }
            }
        }
        var bottoms = [[Int32]](repeating: [], count: n), tops = [[Int32]](repeating: [], count: n)
        for m in 0 ..< n {
            var bs = Set<Int32>(), ts = Set<Int32>()
            for b in 0 ..< n { for t in 0 ..< n where allowed[(m * n + b) * n + t] { bs.insert(Int32(b)); ts.insert(Int32(t)) } }
            bottoms[m] = bs.sorted(); tops[m] = ts.sorted()
        }
        layerIndices = indices
        slotOfLayer = slotOf
        bottomSlots = bottoms
        topSlots = tops
        self.allowed = allowed
    }
}
