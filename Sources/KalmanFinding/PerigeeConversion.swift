import EventData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Perigee parameters (ACTS convention) of a helix in a uniform field along z: the point of closest
/// transverse approach to the z axis, found analytically on the track circle.
public enum PerigeeConversion {
    /// The perigee parameters of the helix through `position` (mm) with unit `direction`, `qOverP`
    /// (e/GeV) in a field `bz` (T). d0 is signed as in ACTS: d0 = −x₀ sin φ + y₀ cos φ at the perigee
    /// point (x₀, y₀), φ the azimuth of the momentum there.
    public static func perigee(position p: SIMD3<Double>, direction d: SIMD3<Double>, qOverP: Double, bz: Double) -> TrackParameters {
        let helix = HelixCrossing(position: p, direction: d, qOverP: qOverP, bz: bz)
        let sinTheta = helix.sinTheta
        let theta = atan2(sinTheta, d.z)
        guard sinTheta > 1e-12 else {
            return TrackParameters(d0: Float((p.x * p.x + p.y * p.y).squareRoot()), z0: Float(p.z), phi: Float(helix.phi0),
                                   theta: Float(theta), qOverP: Float(qOverP))
        }
        var s: Double
        if abs(helix.omega) < HelixCrossing.straightOmega {
            // Straight line: transverse closest approach.
            s = -(p.x * d.x + p.y * d.y) / (sinTheta * sinTheta)
        } else {
            let k = sinTheta / helix.omega
            let cx = p.x - k * sin(helix.phi0), cy = p.y + k * cos(helix.phi0)
            let dist = (cx * cx + cy * cy).squareRoot()
            // The perigee lies on the line from the circle centre to the axis, at radius |k| from the centre.
            let rt = abs(k)
            let qx = dist > 0 ? cx - rt * cx / dist : p.x, qy = dist > 0 ? cy - rt * cy / dist : p.y
            let ax = p.x - cx, ay = p.y - cy, bx = qx - cx, by = qy - cy
            // The shorter signed turn from the current point to the perigee point.
            let delta = atan2(ax * by - ay * bx, ax * bx + ay * by)
            s = delta / helix.omega
        }
        let (q, dir) = helix.point(at: s)
        let phi = atan2(dir.y, dir.x)
        let d0 = -q.x * sin(phi) + q.y * cos(phi)
        return TrackParameters(d0: Float(d0), z0: Float(q.z), phi: Float(phi), theta: Float(theta), qOverP: Float(qOverP))
    }
}
