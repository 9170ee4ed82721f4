import EventData
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cylindrical coordinates of every hit: r and z in mm, φ in radians in (−π, π], η dimensionless.
public struct HitCoordinates: Sendable {
    public let r: [Float], phi: [Float], z: [Float], eta: [Float]

    /// Coordinates of `hits`.
    public init(_ hits: Hits) {
        let n = hits.count
        var r = [Float](repeating: 0, count: n), phi = r, z = r, eta = r
        for i in 0 ..< n {
            let x = hits.x[i], y = hits.y[i]
            r[i] = (x * x + y * y).squareRoot()
            phi[i] = atan2f(y, x)
            z[i] = hits.z[i]
            eta[i] = Self.eta(r: r[i], z: z[i])
        }
        self.r = r; self.phi = phi; self.z = z; self.eta = eta
    }

    /// Pseudorapidity of a point at radius `r` and `z` (mm): asinh(z / r); r is floored at 1 µm.
    @inline(__always) public static func eta(r: Float, z: Float) -> Float { asinhf(z / max(r, 1e-3)) }
}
