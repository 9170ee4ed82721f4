#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EventData

/// A quick helix fit of a hit list: a circle in the transverse plane and a straight line in the
/// arc length–z plane, each a linear least-squares fit, with the largest hit residual of each.
///
/// A charged particle in a uniform solenoid field moves on a helix: a circle in xy and z linear in
/// the transverse arc length s. Hits of one particle therefore fit both within their measurement
/// error plus multiple scattering (a few mm at most for pT ≳ 0.5 GeV over the tracker); a track
/// that jumps to another particle at a junction, or that follows a looper back in, misses one of
/// them by centimetres.
///
/// The circle is the algebraic (Kåsa) fit on centred coordinates; on a short arc of a stiff track
/// it approaches a straight line, and when the points are collinear to rounding a line fit is used
/// instead (``radius`` then is +∞). For three hits the circle is exact and only the s–z line tests
/// the track.
public struct TrackHelixFit: Equatable, Sendable {
    /// Circle radius in the transverse plane, mm (+∞ for a straight line).
    public var radius: Double
    /// Largest distance of a hit from the fitted circle in xy, mm.
    public var maxTransverseResidual: Double
    /// Largest distance of a hit from the fitted s–z line along z, mm.
    public var maxLongitudinalResidual: Double
    /// Distance of the circle from the beam line (0, 0) in xy (|d0|), mm.
    public var transverseImpact: Double
    /// z of the s–z line where the circle passes closest to the beam line (z0), mm.
    public var longitudinalImpact: Double

    // The fitted helix, for extrapolation: circle centre (or, for a line, a point on it and its unit
    // direction), the sense of travel, and z = zAtFirst + slope·s with s the arc length from the
    // first hit's projection, growing along the track.
    var centreX = 0.0, centreY = 0.0, sense = 1.0, firstAngle = 0.0
    var lineX = 0.0, lineY = 0.0, directionX = 0.0, directionY = 0.0
    var zAtFirst = 0.0, slope = 0.0

    /// The transverse momentum of the fitted circle in a field `bz` (T), GeV (+∞ for a line).
    public func pT(bz: Double) -> Double { PhysicsConstants.curvatureConstant * bz * radius }

    /// Fits `hits` (rows of `allHits`, in order along the track); nil for fewer than three hits.
    public init?<C: Collection>(_ hits: C, of allHits: Hits) where C.Element == Int32 {
        let n = hits.count
        guard n >= 3 else { return nil }
        // Tracks are short: the coordinates go to a temporary (stack) buffer, not the heap.
        let fit = withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * n) { buffer -> TrackHelixFit in
            var i = 0
            for h in hits {
                buffer[i] = Double(allHits.x[Int(h)]); buffer[n + i] = Double(allHits.y[Int(h)]); buffer[2 * n + i] = Double(allHits.z[Int(h)])
                i += 1
            }
            return TrackHelixFit(count: n, buffer)
        }
        self = fit
    }

    /// Fits the points `(x[i], y[i], z[i])`, in order along the track (mm); nil for fewer than three.
    public init?(x: [Double], y: [Double], z: [Double]) {
        let n = x.count
        guard n >= 3, y.count == n, z.count == n else { return nil }
        self = withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * n) { buffer -> TrackHelixFit in
            for i in 0 ..< n { buffer[i] = x[i]; buffer[n + i] = y[i]; buffer[2 * n + i] = z[i] }
            return TrackHelixFit(count: n, buffer)
        }
    }

    /// The fit of `n` points stored as x, y, z blocks of `n` in `buffer`, whose fourth block of `n`
    /// is working space (the arc lengths).
    private init(count n: Int, _ buffer: UnsafeMutableBufferPointer<Double>) {
        let x = UnsafeMutableBufferPointer(rebasing: buffer[0 ..< n]), y = UnsafeMutableBufferPointer(rebasing: buffer[n ..< 2 * n])
        let z = UnsafeMutableBufferPointer(rebasing: buffer[2 * n ..< 3 * n]), s = UnsafeMutableBufferPointer(rebasing: buffer[3 * n ..< 4 * n])
        for i in 0 ..< n { s[i] = 0 }
        let fn = Double(n)
        var mx = 0.0, my = 0.0
        for i in 0 ..< n { mx += x[i]; my += y[i] }
        mx /= fn; my /= fn
        var suu = 0.0, svv = 0.0, suv = 0.0, suuu = 0.0, svvv = 0.0, suvv = 0.0, svuu = 0.0
        for i in 0 ..< n {
            let u = x[i] - mx, v = y[i] - my
            suu += u * u; svv += v * v; suv += u * v
            suuu += u * u * u; svvv += v * v * v; suvv += u * v * v; svuu += v * u * u
        }
        // Normal equations of the centred Kåsa fit: [suu suv; suv svv]·(uc, vc) = ½(suuu + suvv, svvv + svuu).
        let det = suu * svv - suv * suv
        let scale = (suu + svv) * (suu + svv)
        var transverse = 0.0, impact = 0.0, sOrigin = 0.0
        if scale > 0, det > 1e-12 * scale {
            let bu = 0.5 * (suuu + suvv), bv = 0.5 * (svvv + svuu)
            let uc = (bu * svv - bv * suv) / det, vc = (bv * suu - bu * suv) / det
            let r = (uc * uc + vc * vc + (suu + svv) / fn).squareRoot()
            let xc = mx + uc, yc = my + vc
            radius = r
            centreX = xc; centreY = yc
            // Arc length from the first hit: the turning angle about the centre, unwrapped hit to hit
            // (consecutive hits of one particle are well under half a turn apart).
            var previousAngle = atan2(y[0] - yc, x[0] - xc), phi = 0.0
            for i in 0 ..< n {
                let dx = x[i] - xc, dy = y[i] - yc
                transverse = max(transverse, abs((dx * dx + dy * dy).squareRoot() - r))
                if i > 0 {
                    let a = atan2(dy, dx)
                    phi += Self.wrapped(a - previousAngle)
                    previousAngle = a
                }
                s[i] = r * phi
            }
            let dOrigin = (xc * xc + yc * yc).squareRoot()
            impact = abs(dOrigin - r)
            // The point of closest approach to the beam line lies on the ray from the centre through
            // the origin; its turning angle from the first hit gives its arc length.
            let a0 = atan2(-yc, -xc), aFirst = atan2(y[0] - yc, x[0] - xc)
            sOrigin = r * Self.wrapped(a0 - aFirst)
            // The track runs with increasing |s|; orient s positive so that the beam line lies behind.
            firstAngle = atan2(y[0] - yc, x[0] - xc)
            if s[n - 1] < 0 { for i in 0 ..< n { s[i] = -s[i] }; sOrigin = -sOrigin; sense = -1 }
        } else {
            // Collinear: a straight line through the centroid along the principal axis.
            radius = .infinity
            let angle = 0.5 * atan2(2 * suv, suu - svv)
            var cx = cos(angle), cy = sin(angle)
            if (x[n - 1] - x[0]) * cx + (y[n - 1] - y[0]) * cy < 0 { cx = -cx; cy = -cy }
            lineX = x[0]; lineY = y[0]; directionX = cx; directionY = cy
            for i in 0 ..< n {
                let u = x[i] - mx, v = y[i] - my
                transverse = max(transverse, abs(-u * cy + v * cx))
                s[i] = (x[i] - x[0]) * cx + (y[i] - y[0]) * cy
            }
            impact = abs(-mx * cy + my * cx)
            sOrigin = -(x[0] * cx + y[0] * cy)
        }
        maxTransverseResidual = transverse
        transverseImpact = impact
        // z = z0 + t·s by least squares.
        var ms = 0.0, mz = 0.0
        for i in 0 ..< n { ms += s[i]; mz += z[i] }
        ms /= fn; mz /= fn
        var sss = 0.0, ssz = 0.0
        for i in 0 ..< n { sss += (s[i] - ms) * (s[i] - ms); ssz += (s[i] - ms) * (z[i] - mz) }
        // All hits at one s (a track parallel to the beam): no slope is measurable, only the spread in z.
        slope = sss > 1e-12 ? ssz / sss : 0
        zAtFirst = mz - slope * ms
        var longitudinal = 0.0
        for i in 0 ..< n { longitudinal = max(longitudinal, abs(z[i] - (mz + slope * (s[i] - ms)))) }
        maxLongitudinalResidual = longitudinal
        longitudinalImpact = mz + slope * (sOrigin - ms)
    }

    /// The point of the fitted helix at arc length `s` from the first hit (mm; see ``extrapolation(x:y:z:)``).
    public func point(atArcLength s: Double) -> (x: Double, y: Double, z: Double) {
        let z = zAtFirst + slope * s
        if radius.isFinite {
            let a = firstAngle + sense * s / radius
            return (centreX + radius * cos(a), centreY + radius * sin(a), z)
        }
        return (lineX + directionX * s, lineY + directionY * s, z)
    }

    /// The growth of z per unit transverse arc length (cot θ).
    public var dzds: Double { slope }

    /// The distance of the point (x, y) from the fitted circle (or line) in xy, mm.
    public func transverseDistance(x: Double, y: Double) -> Double {
        if radius.isFinite {
            let dx = x - centreX, dy = y - centreY
            return abs((dx * dx + dy * dy).squareRoot() - radius)
        }
        return abs(-(x - lineX) * directionY + (y - lineY) * directionX)
    }

    /// Where the fitted helix passes a point (x, y, z) near it, mm: the point's distance from the
    /// circle in xy, its arc length along the track from the first hit (negative: behind it; within
    /// half a turn), and its z distance from the s–z line there.
    public func extrapolation(x: Double, y: Double, z: Double) -> (transverse: Double, arcLength: Double, longitudinal: Double) {
        var transverse: Double, arc: Double
        if radius.isFinite {
            let dx = x - centreX, dy = y - centreY
            transverse = abs((dx * dx + dy * dy).squareRoot() - radius)
            arc = sense * radius * Self.wrapped(atan2(dy, dx) - firstAngle)
        } else {
            let u = x - lineX, v = y - lineY
            transverse = abs(-u * directionY + v * directionX)
            arc = u * directionX + v * directionY
        }
        return (transverse, arc, abs(z - (zAtFirst + slope * arc)))
    }

    /// `a` brought into (−π, π].
    static func wrapped(_ a: Double) -> Double {
        var b = a
        while b > Double.pi { b -= 2 * Double.pi }
        while b <= -Double.pi { b += 2 * Double.pi }
        return b
    }
}
