import EventData

/// One detector module: a planar (rectangular or trapezoidal) sensor. Lengths in mm.
///
/// Local coordinates: u and v span the sensor plane, w is its normal; the sensor occupies
/// |w| ≤ thickness/2, |v| ≤ halfV and |u| ≤ halfU(v), where halfU grows linearly from `minHalfU` at
/// v = −halfV to `maxHalfU` at v = +halfV (TrackML's `module_minhu`, `module_maxhu`, `module_hv`).
public struct Module: Sendable, Equatable {
    /// The module's geometry id.
    public var id: GeometryID
    /// Centre in global coordinates, mm.
    public var center: SIMD3<Double>
    /// Local-to-global rotation.
    public var rotation: Rotation3
    /// Sensor thickness, mm.
    public var thickness: Double
    /// Half length along u at v = −halfV, mm.
    public var minHalfU: Double
    /// Half length along u at v = +halfV, mm.
    public var maxHalfU: Double
    /// Half length along v, mm.
    public var halfV: Double
    /// Readout pitch along u, mm.
    public var pitchU: Double
    /// Readout pitch along v, mm.
    public var pitchV: Double

    /// A module from its parts (mm).
    public init(id: GeometryID, center: SIMD3<Double>, rotation: Rotation3, thickness: Double,
                minHalfU: Double, maxHalfU: Double, halfV: Double, pitchU: Double, pitchV: Double) {
        self.id = id; self.center = center; self.rotation = rotation; self.thickness = thickness
        self.minHalfU = minHalfU; self.maxHalfU = maxHalfU; self.halfV = halfV
        self.pitchU = pitchU; self.pitchV = pitchV
    }

    /// Global position (mm) → local (u, v, w) in mm.
    @inlinable public func toLocal(_ global: SIMD3<Double>) -> SIMD3<Double> {
        rotation.toLocal(global - center)
    }

    /// Local (u, v, w) in mm → global position in mm.
    @inlinable public func toGlobal(_ local: SIMD3<Double>) -> SIMD3<Double> {
        center + rotation.toGlobal(local)
    }

    /// Whether local (u, v) lies on the sensor, its outline grown outwards by `tolerance` mm.
    ///
    /// The slanted sides of a trapezoid are moved outwards by `tolerance` along their normal, so the
    /// test is exact for points off the sides and slightly generous (by ≲ tolerance) near corners.
    @inlinable public func contains(u: Double, v: Double, tolerance: Double = 0) -> Bool {
        guard abs(v) <= halfV + tolerance else { return false }
        // halfU(v) = minHalfU + (maxHalfU − minHalfU)(v + halfV)/(2 halfV); the side's normal makes
        // an angle α with u where tan α = (maxHalfU − minHalfU)/(2 halfV), so an outward shift of t
        // along the normal widens the half length by t/cos α = t·√(1 + tan²α).
        let slope = (maxHalfU - minHalfU) / (2 * halfV)
        let vc = min(max(v, -halfV), halfV)
        let half = minHalfU + slope * (vc + halfV)
        return abs(u) <= half + tolerance * (1 + slope * slope).squareRoot()
    }

    /// The four corners of the outline in local (u, v), counter-clockwise from (−minHalfU, −halfV).
    public var localCorners: [SIMD2<Double>] {
        [SIMD2(-minHalfU, -halfV), SIMD2(minHalfU, -halfV), SIMD2(maxHalfU, halfV), SIMD2(-maxHalfU, halfV)]
    }
}
