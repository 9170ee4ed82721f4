import EventData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A helix in a uniform field along z, with analytic crossings of cylinders about the z axis and of
/// planes z = const: the navigation's fast look-ahead (the precise propagation to module planes
/// with a transport Jacobian is the shim's, see ``CKFOptions/stepper``).
///
/// Parametrised by the 3D path length s (mm): the transverse direction turns at the rate
/// ω = −(q/p)·0.299792458e-3·Bz rad/mm (a positive charge in a positive field turns clockwise), and
/// z advances by cos θ per mm.
struct HelixCrossing {
    /// Start position, mm.
    var position: SIMD3<Double>
    /// Unit direction at the start.
    var direction: SIMD3<Double>
    /// Turning rate of the transverse direction per mm of path, rad/mm.
    var omega: Double
    /// sin θ (transverse fraction of the direction).
    var sinTheta: Double
    /// Azimuth of the direction at the start, rad.
    var phi0: Double

    /// Turning rates below this (rad/mm) are treated as straight lines (|ω| s < 1e-6 over 1 km).
    static let straightOmega = 1e-9

    init(position: SIMD3<Double>, direction: SIMD3<Double>, qOverP: Double, bz: Double) {
        self.position = position
        self.direction = direction
        omega = -qOverP * PhysicsConstants.curvatureConstant * bz
        sinTheta = (direction.x * direction.x + direction.y * direction.y).squareRoot()
        phi0 = atan2(direction.y, direction.x)
    }

    /// Position and unit direction after path length `s` (mm).
    func point(at s: Double) -> (SIMD3<Double>, SIMD3<Double>) {
        let z = position.z + direction.z * s
        if abs(omega) < Self.straightOmega {
            return (SIMD3(position.x + direction.x * s, position.y + direction.y * s, z), direction)
        }
        let phi = phi0 + omega * s
        let k = sinTheta / omega
        let x = position.x + k * (sin(phi) - sin(phi0))
        let y = position.y - k * (cos(phi) - cos(phi0))
        return (SIMD3(x, y, z), SIMD3(sinTheta * cos(phi), sinTheta * sin(phi), direction.z))
    }

    /// The smallest path length s > `sMin` (mm) at which the helix crosses the cylinder of radius
    /// `radius` (mm) about the z axis, or nil.
    func crossCylinder(radius rho: Double, sMin: Double) -> Double? {
        guard sinTheta > 1e-12 else { return nil }
        if abs(omega) < Self.straightOmega {
            // |p + s d|² = ρ² in the transverse plane.
            let a = sinTheta * sinTheta
            let b = position.x * direction.x + position.y * direction.y
            let c = position.x * position.x + position.y * position.y - rho * rho
            let disc = b * b - a * c
            guard disc >= 0 else { return nil }
            let sq = disc.squareRoot()
            let s1 = (-b - sq) / a, s2 = (-b + sq) / a
            if s1 > sMin { return s1 }
            return s2 > sMin ? s2 : nil
        }
        let k = sinTheta / omega
        let cx = position.x - k * sin(phi0), cy = position.y + k * cos(phi0)
        let rt = abs(k)
        let d2 = cx * cx + cy * cy, d = d2.squareRoot()
        guard d > 1e-12, d + rt >= rho, abs(d - rt) <= rho else { return nil }
        // Intersections of the track circle (c, rt) with the cylinder circle (0, ρ).
        let a = (rho * rho - rt * rt + d2) / (2 * d)
        let h = max(0, rho * rho - a * a).squareRoot()
        let ux = cx / d, uy = cy / d
        let ax = position.x - cx, ay = position.y - cy
        var best: Double? = nil
        for side in 0 ..< 2 {
            let sign = side == 0 ? -1.0 : 1.0
            let qx = a * ux - sign * h * uy, qy = a * uy + sign * h * ux
            let bx = qx - cx, by = qy - cy
            var delta = atan2(ax * by - ay * bx, ax * bx + ay * by)
            // Turn in the direction of motion, by less than a full turn.
            if omega > 0 { if delta <= 0 { delta += 2 * Double.pi } } else { if delta >= 0 { delta -= 2 * Double.pi } }
            var s = delta / omega
            if s <= sMin { s += 2 * Double.pi / abs(omega) }
            if best == nil || s < best! { best = s }
        }
        return best
    }

    /// The path length s > `sMin` (mm) at which the helix crosses the plane z = `z` (mm), or nil.
    func crossZPlane(_ z: Double, sMin: Double) -> Double? {
        guard abs(direction.z) > 1e-12 else { return nil }
        let s = (z - position.z) / direction.z
        return s > sMin ? s : nil
    }
}
