#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Geometric relations between an inner hit a and an outer hit b of a candidate edge, the
/// quantities the module map's windows cut on and the edge features are made of.
/// Lengths in mm, angles in radians.
public struct DoubletGeometry: Equatable, Sendable {
    /// r_b − r_a.
    public var dr: Float
    /// φ_b − φ_a, wrapped into (−π, π].
    public var dphi: Float
    /// z_b − z_a.
    public var dz: Float
    /// η_b − η_a.
    public var deta: Float
    /// Δφ / Δr in rad/mm (|Δr| floored at 1 µm): proportional to the curvature for a track from the beam line.
    public var phiSlope: Float
    /// The line through both hits at r = 0: z_a − r_a · Δz/Δr, mm (|Δr| floored at 1 µm).
    public var z0: Float
    /// r_a, mm (kept for ``distance``).
    public var ra: Float

    /// The relations of hits `a` and `b` given their coordinates.
    @inline(__always)
    public init(ra: Float, phia: Float, za: Float, etaa: Float, rb: Float, phib: Float, zb: Float, etab: Float) {
        dr = rb - ra
        var d = phib - phia
        if d > .pi { d -= 2 * .pi } else if d <= -.pi { d += 2 * .pi }
        dphi = d
        dz = zb - za
        deta = etab - etaa
        let safeDr: Float = abs(dr) < 1e-3 ? (dr < 0 ? -1e-3 : 1e-3) : dr
        phiSlope = d / safeDr
        z0 = za - ra * dz / safeDr
        self.ra = ra
    }

    /// 3D distance between the hits, mm: the transverse chord √(r_a² + r_b² − 2 r_a r_b cos Δφ) with Δz.
    public var distance: Float {
        let rb = ra + dr
        let chord2 = max(0, ra * ra + rb * rb - 2 * ra * rb * cosf(dphi))
        return (chord2 + dz * dz).squareRoot()
    }

    /// Values of the four windowed quantities, in ``ModuleMap`` window order: Δφ, z0, φ-slope, Δη.
    @inline(__always) public var windowed: SIMD4<Float> { SIMD4(dphi, z0, phiSlope, deta) }
}
