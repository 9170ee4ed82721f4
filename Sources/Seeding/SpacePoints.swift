import Detector
import EventData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hits of the seeding layers as space points, structure-of-arrays, sorted into each seeding
/// layer's (φ, z) or (φ, r) grid.
///
/// Built count-then-fill: one pass counts the space points per grid bin, a prefix sum gives each
/// bin's start, a second pass writes the points. Points of one bin keep the hit order, so the layout
/// is deterministic. Lengths in mm, angles in rad, variances in mm².
public struct SpacePoints: Sendable {
    /// Row of the hit in the event's ``Hits``.
    public private(set) var hitIndex: [Int32] = []
    /// Seeding slot (see ``SeedingLayerLinks``).
    public private(set) var slot: [Int32] = []
    /// Global x, mm.
    public private(set) var x: [Double] = []
    /// Global y, mm.
    public private(set) var y: [Double] = []
    /// Global z, mm.
    public private(set) var z: [Double] = []
    /// Transverse radius, mm.
    public private(set) var r: [Double] = []
    /// Azimuth, rad.
    public private(set) var phi: [Double] = []
    /// Variance of r from the module's measurement errors, mm².
    public private(set) var varianceR: [Double] = []
    /// Variance of z from the module's measurement errors, mm².
    public private(set) var varianceZ: [Double] = []
    /// Start of each grid bin in the columns above; `binOffsets[b + 1]` ends bin `b`.
    public private(set) var binOffsets: [Int32] = []

    /// The number of space points.
    public var count: Int { hitIndex.count }

    /// Builds the space points of `hits` on the seeding layers of `derived`.
    ///
    /// Errors on a pixel with the pitch along u and v are pitch/√12 (scaled by
    /// ``SeedingConfig/measurementErrorScale``) and are turned into variances of r and z through the
    /// module's rotation, so strip space points get their long error along the strip.
    ///
    /// - Parameter excluded: when given (one flag per hit), hits flagged true make no space point:
    ///   a later seeding pass skips the hits of tracks an earlier pass found.
    /// - Throws: ``SeedingError/emptyEvent``, ``SeedingError/unknownModule(hitID:row:geometryID:)``,
    ///   ``SeedingError/nonFiniteHit(hitID:row:field:)``.
    /// - Complexity: O(hits + grid bins).
    public init(hits: Hits, detector: Detector, derived: SeedingDerivedConfig, excluded: [Bool]? = nil) throws {
        precondition(excluded == nil || excluded!.count == hits.count, "one exclusion flag per hit")
        guard hits.count > 0 else { throw SeedingError.emptyEvent }
        let n = hits.count
        let totalBins = Int(derived.slotBinOffset.last!)
        var binOfHit = [Int32](repeating: -1, count: n)
        var counts = [Int32](repeating: 0, count: totalBins + 1)
        var moduleOfHit = [Int32](repeating: -1, count: n)
        for i in 0 ..< n {
            guard hits.x[i].isFinite else { throw SeedingError.nonFiniteHit(hitID: hits.hitID[i], row: i, field: "x") }
            guard hits.y[i].isFinite else { throw SeedingError.nonFiniteHit(hitID: hits.hitID[i], row: i, field: "y") }
            guard hits.z[i].isFinite else { throw SeedingError.nonFiniteHit(hitID: hits.hitID[i], row: i, field: "z") }
            guard let m = detector.moduleIndex(of: hits.geometryID[i]) else {
                throw SeedingError.unknownModule(hitID: hits.hitID[i], row: i, geometryID: hits.geometryID[i])
            }
            moduleOfHit[i] = m
            if let excluded, excluded[i] { continue }
            guard let li = detector.layerIndex(of: hits.geometryID[i]) else { continue }
            let s = Int(derived.links.slotOfLayer[Int(li)])
            guard s >= 0 else { continue }
            let x = Double(hits.x[i]), y = Double(hits.y[i]), z = Double(hits.z[i])
            let coordinate = derived.slotKind[s] == .barrel ? z : (x * x + y * y).squareRoot()
            let b = Int(derived.slotBinOffset[s]) + derived.phiBin(atan2(y, x)) * Int(derived.slotCoordinateBins[s])
                + derived.coordinateBin(coordinate, slot: s)
            binOfHit[i] = Int32(b)
            counts[b + 1] += 1
        }
        for b in 0 ..< totalBins { counts[b + 1] += counts[b] }
        let total = Int(counts[totalBins])
        var fill = counts
        hitIndex = [Int32](repeating: 0, count: total)
        slot = [Int32](repeating: 0, count: total)
        x = [Double](repeating: 0, count: total); y = x; z = x; r = x; phi = x; varianceR = x; varianceZ = x
        let modules = detector.modules
        let scale2 = derived.config.measurementErrorScale * derived.config.measurementErrorScale
        for i in 0 ..< n where binOfHit[i] >= 0 {
            let b = Int(binOfHit[i])
            let k = Int(fill[b]); fill[b] += 1
            let px = Double(hits.x[i]), py = Double(hits.y[i]), pz = Double(hits.z[i])
            let pr = (px * px + py * py).squareRoot()
            let m = Int(moduleOfHit[i])
            let su2 = modules.pitchU[m] * modules.pitchU[m] / 12 * scale2
            let sv2 = modules.pitchV[m] * modules.pitchV[m] / 12 * scale2
            // ∂r/∂u = (x u_x + y u_y)/r and ∂z/∂u = u_z, likewise for v.
            let dru = (px * modules.rotXU[m] + py * modules.rotYU[m]) / max(pr, 1e-9)
            let drv = (px * modules.rotXV[m] + py * modules.rotYV[m]) / max(pr, 1e-9)
            hitIndex[k] = Int32(i)
            slot[k] = Int32(derived.links.slotOfLayer[Int(detector.layerIndex(of: hits.geometryID[i])!)])
            x[k] = px; y[k] = py; z[k] = pz; r[k] = pr; phi[k] = atan2(py, px)
            varianceR[k] = dru * dru * su2 + drv * drv * sv2
            varianceZ[k] = modules.rotZU[m] * modules.rotZU[m] * su2 + modules.rotZV[m] * modules.rotZV[m] * sv2
        }
        binOffsets = counts
    }
}
