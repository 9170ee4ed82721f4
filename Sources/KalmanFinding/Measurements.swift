import Detector
import EventData

/// The hits of one event as Kalman-filter measurements: local coordinates on their module and
/// variances, grouped by module (compressed rows, count-then-fill).
///
/// Every hit is a 2D measurement (u, v) in its module's frame with variances (pitch/√12)² scaled by
/// ``CKFOptions/measurementErrorScale``. For TrackML strips this is what the data show: the hit
/// position along a strip is the cell centre, with residuals uniform over the strip length (measured
/// on the real event: σv ≈ 0.30 mm for 1.2 mm strips, 3.0 mm for 10.8 mm strips), so a 2D
/// measurement with σv = pitchV/√12 is the right model.
public struct Measurements: Sendable {
    /// Module index of each hit row.
    public let module: [Int32]
    /// Layer index (in the detector's layer list) of each hit row.
    public let layer: [Int32]
    /// Local u of each hit row, mm.
    public let u: [Double]
    /// Local v of each hit row, mm.
    public let v: [Double]
    /// Variance of u, mm².
    public let varianceU: [Double]
    /// Variance of v, mm².
    public let varianceV: [Double]
    /// Hit rows sorted by module; module `m` owns `hitsByModule[moduleStart[m] ..< moduleStart[m + 1]]`.
    public let hitsByModule: [Int32]
    /// Start of each module's hits in ``hitsByModule`` (module count + 1 entries).
    public let moduleStart: [Int32]
    /// Whether each layer (by index in the detector's layer list) was read out in this event: its
    /// volume holds at least one hit. A volume without a single hit was not read out (masked, or
    /// cut from a data subset such as the barrel-only `barrel-ez-0.1`), so a track crossing it
    /// without a hit has no hole there; in a full event every volume has hits.
    public let layerIsReadOut: [Bool]

    /// The number of hits.
    public var count: Int { module.count }

    /// Builds the measurements of `hits` on `detector`.
    ///
    /// - Parameters:
    ///   - errorScale: scale of the pitch/√12 errors.
    ///   - planeTolerance: largest distance of a hit from its module plane (and outside its outline), mm.
    /// - Throws: ``KalmanFindingError/emptyEvent``, ``KalmanFindingError/nonFiniteHit(hitID:row:field:)``,
    ///   ``KalmanFindingError/unknownModule(hitID:row:geometryID:)``,
    ///   ``KalmanFindingError/hitOffModule(hitID:row:geometryID:distance:)``.
    /// - Complexity: O(hits + modules).
    public init(hits: Hits, detector: Detector, errorScale: Double = 1, planeTolerance: Double = 5) throws {
        let n = hits.count
        guard n > 0 else { throw KalmanFindingError.emptyEvent }
        var module = [Int32](repeating: 0, count: n), layer = module
        var u = [Double](repeating: 0, count: n), v = u, vu = u, vv = u
        let t = detector.modules
        let scale2 = errorScale * errorScale
        var counts = [Int32](repeating: 0, count: t.count + 1)
        for i in 0 ..< n {
            guard hits.x[i].isFinite else { throw KalmanFindingError.nonFiniteHit(hitID: hits.hitID[i], row: i, field: "x") }
            guard hits.y[i].isFinite else { throw KalmanFindingError.nonFiniteHit(hitID: hits.hitID[i], row: i, field: "y") }
            guard hits.z[i].isFinite else { throw KalmanFindingError.nonFiniteHit(hitID: hits.hitID[i], row: i, field: "z") }
            guard let m = detector.moduleIndex(of: hits.geometryID[i]), let l = detector.layerIndex(of: hits.geometryID[i]) else {
                throw KalmanFindingError.unknownModule(hitID: hits.hitID[i], row: i, geometryID: hits.geometryID[i])
            }
            let local = detector.globalToLocal(SIMD3(Double(hits.x[i]), Double(hits.y[i]), Double(hits.z[i])), module: m)
            // A hit must lie on its sensor: within the plane tolerance of the plane and the outline.
            let mi = Int(m)
            let off = abs(local.z)
            guard off <= planeTolerance, detector.contains(u: local.x, v: local.y, module: m, tolerance: planeTolerance) else {
                let outside = max(off, abs(local.y) - t.halfV[mi], abs(local.x) - max(t.minHalfU[mi], t.maxHalfU[mi]))
                throw KalmanFindingError.hitOffModule(hitID: hits.hitID[i], row: i, geometryID: hits.geometryID[i], distance: outside)
            }
            module[i] = m; layer[i] = l
            u[i] = local.x; v[i] = local.y
            vu[i] = t.pitchU[mi] * t.pitchU[mi] / 12 * scale2
            vv[i] = t.pitchV[mi] * t.pitchV[mi] / 12 * scale2
            counts[mi + 1] += 1
        }
        for m in 0 ..< t.count { counts[m + 1] += counts[m] }
        var fill = counts
        var sorted = [Int32](repeating: 0, count: n)
        for i in 0 ..< n {
            let m = Int(module[i])
            sorted[Int(fill[m])] = Int32(i); fill[m] += 1
        }
        var volumeHasHits = Set<Int32>()
        for l in Set(layer) { volumeHasHits.insert(detector.layers[Int(l)].volume) }
        self.module = module; self.layer = layer; self.u = u; self.v = v
        varianceU = vu; varianceV = vv; hitsByModule = sorted; moduleStart = counts
        layerIsReadOut = detector.layers.map { volumeHasHits.contains($0.volume) }
    }

    /// The hit rows on module `m`.
    @inline(__always) public func hits(onModule m: Int32) -> ArraySlice<Int32> {
        hitsByModule[Int(moduleStart[Int(m)]) ..< Int(moduleStart[Int(m) + 1])]
    }
}
