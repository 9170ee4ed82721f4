import EventData
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The analytic trajectory of a charged particle in a uniform field `B = (0, 0, bz)`, parametrised
/// by its 3D path length `s` in mm.
///
/// The equations of motion are `dr/ds = t`, `dt/ds = h · t × ẑ` with `h = q · 0.299792458e-3 · bz / p`
/// (1/mm): the transverse direction turns by the angle `−h · s`, the longitudinal component of `t`
/// is constant. A positive charge in a positive field turns clockwise seen from +z. The closed forms
/// below use `sinc` so that they stay exact for `h → 0` (neutral particles, no field): the same code
/// describes straight lines. All arithmetic is in double precision.
public struct Helix: Sendable, Equatable {
    /// Start position in mm.
    public var origin: SIMD3<Double>
    /// Start unit direction.
    public var direction: SIMD3<Double>
    /// Signed curvature `h` in 1/mm (the turning rate of the transverse direction per unit path).
    public var curvature: Double

    /// Below this |h| (1/mm; a radius above 10¹⁰ km) the trajectory is treated as straight.
    static let straightThreshold = 1e-14

    /// A helix from a position (mm), a unit direction, the momentum magnitude (GeV), the charge (e)
    /// and the field along z (T).
    public init(position: SIMD3<Double>, direction: SIMD3<Double>, momentum: Double, charge: Double, bz: Double) {
        origin = position
        self.direction = direction
        curvature = momentum > 0 ? charge * PhysicsConstants.curvatureConstant * bz / momentum : 0
    }

    /// A helix with an explicit curvature `h` in 1/mm.
    public init(origin: SIMD3<Double>, direction: SIMD3<Double>, curvature: Double) {
        self.origin = origin; self.direction = direction; self.curvature = curvature
    }

    /// sin(x)/x, accurate near 0.
    @inline(__always) static func sinc(_ x: Double) -> Double {
        abs(x) < 1e-4 ? 1 - x * x / 6 : sin(x) / x
    }

    /// The position in mm after the path length `s` (mm, may be negative).
    @inline(__always) public func position(at s: Double) -> SIMD3<Double> {
        let half = 0.5 * curvature * s
        let c = cos(half), sn = sin(half), k = s * Self.sinc(half)
        // The chord direction is the start direction turned by half the turning angle.
        let tx = direction.x * c + direction.y * sn
        let ty = -direction.x * sn + direction.y * c
        return SIMD3(origin.x + k * tx, origin.y + k * ty, origin.z + s * direction.z)
    }

    /// The unit direction after the path length `s` (mm).
    @inline(__always) public func direction(at s: Double) -> SIMD3<Double> {
        let a = curvature * s
        let c = cos(a), sn = sin(a)
        return SIMD3(direction.x * c + direction.y * sn, -direction.x * sn + direction.y * c, direction.z)
    }

    /// Transverse size of the direction, sin θ.
    @inline(__always) var transverse: Double { (direction.x * direction.x + direction.y * direction.y).squareRoot() }

    /// The smallest path length `s > sMin` (mm) at which the trajectory crosses the cylinder
    /// `x² + y² = radius²`, or nil.
    public func cylinderCrossing(radius: Double, after sMin: Double) -> Double? {
        let sT = transverse
        guard sT > 1e-12 else { return nil }
        if abs(curvature) < Self.straightThreshold {
            // |P + s t_T|² = R²: a quadratic in s.
            let a = sT * sT
            let b = origin.x * direction.x + origin.y * direction.y
            let c = origin.x * origin.x + origin.y * origin.y - radius * radius
            let disc = b * b - a * c
            guard disc >= 0 else { return nil }
            let root = disc.squareRoot()
            // Stable roots (avoid cancellation).
            let q = b >= 0 ? -(b + root) : -(b - root)
            var best: Double? = nil
            for s in [q / a, q != 0 ? c / q : -b / a] where s > sMin {
                if best == nil || s < best! { best = s }
            }
            return best
        }
        let h = curvature
        // Circle centre and the phase ψ(s) = α0 − h s of the transverse direction.
        let xc = origin.x + direction.y / h, yc = origin.y - direction.x / h
        let rho2 = sT * sT / (h * h)
        let d = (xc * xc + yc * yc).squareRoot()
        guard d > 0 else { return nil }   // centred on the axis: the radius never changes
        // −xc sin ψ + yc cos ψ = (R² − d² − ρ²) h / (2 sT) = d cos(ψ − β).
        let kp = (radius * radius - d * d - rho2) * h / (2 * sT)
        let ratio = kp / d
        guard abs(ratio) <= 1 else { return nil }
        let beta = atan2(-xc, yc), alpha0 = atan2(direction.y, direction.x)
        let spread = acos(ratio)
        let absH = abs(h), twoPi = 2 * Double.pi
        var best: Double? = nil
        for psi in [beta + spread, beta - spread] {
            // Path to reach phase ψ: (α0 − ψ)/h, modulo a full turn 2π/|h|.
            var turn = (alpha0 - psi) * (h > 0 ? 1 : -1)
            turn = turn.truncatingRemainder(dividingBy: twoPi)
            if turn < 0 { turn += twoPi }
            var s = turn / absH
            let period = twoPi / absH
            while s <= sMin { s += period }
            if best == nil || s < best! { best = s }
        }
        return best
    }

    /// The path length `s > sMin` (mm) at which the trajectory reaches `z = z`, or nil when it moves
    /// away from (or parallel to) that plane.
    @inline(__always) public func zPlaneCrossing(z: Double, after sMin: Double) -> Double? {
        guard direction.z != 0 else { return nil }
        let s = (z - origin.z) / direction.z
        return s > sMin ? s : nil
    }

    /// The path length (mm) near `guess` at which the trajectory crosses the plane through `point`
    /// with unit normal `normal`, by Newton iteration; nil when the trajectory is (nearly) parallel
    /// to the plane or the iteration leaves `[lower, upper]`.
    ///
    /// Module planes are a few mm from the reference surface where the search starts, much closer
    /// than any curvature radius (≥ 100 mm for pT ≥ 0.06 GeV in 2 T), so the distance to the plane is
    /// nearly linear in s and Newton converges to 1e-9 mm in two or three steps.
    @inline(__always) public func planeCrossing(point: SIMD3<Double>, normal: SIMD3<Double>,
                                                guess: Double, lower: Double, upper: Double) -> Double? {
        var s = guess
        for _ in 0 ..< 8 {
            let p = position(at: s), t = direction(at: s)
            let f = ((p - point) * normal).sum(), df = (t * normal).sum()
            guard abs(df) > 1e-9 else { return nil }
            let step = f / df
            s -= step
            guard s >= lower, s <= upper else { return nil }
            if abs(step) < 1e-10 { return s }
        }
        return nil
    }
}
