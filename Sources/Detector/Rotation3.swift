#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A rotation from a module's local frame to the global frame, stored as its three columns: the
/// local u, v and w axes expressed in global coordinates (TrackML `rot_xu … rot_zw`).
public struct Rotation3: Sendable, Equatable {
    /// Local u axis in the global frame.
    public var u: SIMD3<Double>
    /// Local v axis in the global frame.
    public var v: SIMD3<Double>
    /// Local w axis (the module normal) in the global frame.
    public var w: SIMD3<Double>

    /// A rotation from its columns.
    @inlinable public init(u: SIMD3<Double>, v: SIMD3<Double>, w: SIMD3<Double>) {
        self.u = u; self.v = v; self.w = w
    }

    /// Turns a local direction (u, v, w components) into a global one.
    @inlinable public func toGlobal(_ local: SIMD3<Double>) -> SIMD3<Double> {
        u * local.x + v * local.y + w * local.z
    }

    /// Turns a global direction into local (u, v, w) components (the transpose, as R is orthonormal).
    @inlinable public func toLocal(_ global: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3((u * global).sum(), (v * global).sum(), (w * global).sum())
    }

    /// How far the matrix is from a proper rotation: the largest element of |RᵀR − 1|, or +∞ when
    /// det R < 0 (a reflection).
    public var orthonormalityDeviation: Double {
        let d = [(u * u).sum() - 1, (v * v).sum() - 1, (w * w).sum() - 1,
                 (u * v).sum(), (u * w).sum(), (v * w).sum()].map(abs).max()!
        let cross = SIMD3(u.y * v.z - u.z * v.y, u.z * v.x - u.x * v.z, u.x * v.y - u.y * v.x)
        let det = (cross * w).sum()
        return det > 0 ? d : .infinity
    }

    /// The angle in radians between this rotation and `other` (for small angles, ‖R₁ − R₂‖_F/√2).
    public func angle(to other: Rotation3) -> Double {
        let d = [u - other.u, v - other.v, w - other.w].map { ($0 * $0).sum() }.reduce(0, +)
        return 2 * asin(min(1, (d / 8).squareRoot()))
    }
}
