import Detector

/// One module as the propagation loop reads it: frame, outline, thickness and its layer, packed
/// together for memory locality. Lengths in mm.
struct SensorSurface: Sendable {
    /// Centre, global.
    var centre: SIMD3<Double>
    /// Local axes in global coordinates (w is the normal).
    var u: SIMD3<Double>, v: SIMD3<Double>, w: SIMD3<Double>
    /// Half the sensor thickness.
    var halfThickness: Double
    /// Trapezoid half lengths along u at v = −halfV and v = +halfV, and half length along v.
    var minHalfU: Double, maxHalfU: Double, halfV: Double
    /// Readout pitches along u and v.
    var pitchU: Double, pitchV: Double
    /// Index of the module's layer in ``Detector/layers``.
    var layer: Int32

    init(_ m: Module, layer: Int32) {
        centre = m.center
        u = m.rotation.u; v = m.rotation.v; w = m.rotation.w
        halfThickness = m.thickness / 2
        minHalfU = m.minHalfU; maxHalfU = m.maxHalfU; halfV = m.halfV
        pitchU = m.pitchU; pitchV = m.pitchV
        self.layer = layer
    }

    /// Global → local (u, v, w).
    @inline(__always) func toLocal(_ p: SIMD3<Double>) -> SIMD3<Double> {
        let d = p - centre
        return SIMD3((u * d).sum(), (v * d).sum(), (w * d).sum())
    }

    /// A global direction in local components.
    @inline(__always) func directionToLocal(_ d: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3((u * d).sum(), (v * d).sum(), (w * d).sum())
    }

    /// Local → global.
    @inline(__always) func toGlobal(_ l: SIMD3<Double>) -> SIMD3<Double> {
        centre + u * l.x + v * l.y + w * l.z
    }

    /// Half length along u at local v (clamped to the outline).
    @inline(__always) func halfU(at vLocal: Double) -> Double {
        let vc = min(max(vLocal, -halfV), halfV)
        return minHalfU + (maxHalfU - minHalfU) * (vc + halfV) / (2 * halfV)
    }

    /// Whether local (u, v) lies on the sensor outline.
    @inline(__always) func contains(u lu: Double, v lv: Double) -> Bool {
        abs(lv) <= halfV && abs(lu) <= halfU(at: lv)
    }

    /// The eight corners of the sensor volume (outline at w = ±thickness/2), global.
    var corners: [SIMD3<Double>] {
        var c: [SIMD3<Double>] = []
        for (cu, cv) in [(-minHalfU, -halfV), (minHalfU, -halfV), (maxHalfU, halfV), (-maxHalfU, halfV)] {
            for cw in [-halfThickness, halfThickness] { c.append(toGlobal(SIMD3(cu, cv, cw))) }
        }
        return c
    }
}
