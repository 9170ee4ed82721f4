#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The magnetic field of a finite, ideal solenoid (a cylindrical current sheet of radius `radius`
/// and half-length `halfLength`, centred on the origin, axis along z), scaled so that the field at
/// the centre is `centralBz`.
///
/// The field is exact for the current sheet, inside and outside, from the closed forms of Derby &
/// Olbert (Am. J. Phys. 78 (2010) 229) in terms of Bulirsch's generalised complete elliptic integral
/// `cel`: with z± = z ± L, α± = a/√(z±² + (ρ+a)²), β± = z±/√(z±² + (ρ+a)²), γ = (a−ρ)/(a+ρ) and
/// k±² = (z±² + (a−ρ)²)/(z±² + (a+ρ)²),
///
///     B_ρ = B0 [α+ cel(k+, 1, 1, −1) − α− cel(k−, 1, 1, −1)]
///     B_z = B0 a/(a+ρ) [β+ cel(k+, γ², 1, γ) − β− cel(k−, γ², 1, γ)].
///
/// Inside a long solenoid the field is nearly uniform; towards and beyond the coil ends it falls to
/// about half and acquires a radial component: the "not perfectly uniform toward the end-caps"
/// behaviour of the real TrackML field. On the coil sheet itself (ρ = a, |z| ≤ L) B_ρ is singular.
public struct SolenoidField: Sendable, Equatable, Codable {
    /// Field at the centre, T.
    public let centralBz: Double
    /// Coil radius a, mm.
    public let radius: Double
    /// Coil half-length L, mm.
    public let halfLength: Double
    /// B0 = μ0 n I / π of the current sheet, chosen so that B_z(0) = centralBz (T).
    let b0: Double

    /// A solenoid with the given centre field (T), coil radius (mm) and half-length (mm).
    ///
    /// - Throws: ``DetectorError/invalidField(_:)`` unless radius and half-length are > 0 and the
    ///   field is finite.
    public init(centralBz: Double, radius: Double, halfLength: Double) throws {
        guard centralBz.isFinite, radius > 0, radius.isFinite, halfLength > 0, halfLength.isFinite else {
            throw DetectorError.invalidField("a solenoid needs a finite central field and a radius and half-length > 0 mm")
        }
        self.centralBz = centralBz; self.radius = radius; self.halfLength = halfLength
        // On the axis B_z(0) = B0 π/2 · 2L/√(L² + a²).
        b0 = centralBz / (Double.pi / 2 * 2 * halfLength / (halfLength * halfLength + radius * radius).squareRoot())
    }

    enum CodingKeys: String, CodingKey { case centralBz = "central_bz", radius, halfLength = "half_length" }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(centralBz: c.decode(Double.self, forKey: .centralBz), radius: c.decode(Double.self, forKey: .radius),
                      halfLength: c.decode(Double.self, forKey: .halfLength))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(centralBz, forKey: .centralBz); try c.encode(radius, forKey: .radius)
        try c.encode(halfLength, forKey: .halfLength)
    }

    /// The field (Bx, By, Bz) in T at a global position in mm.
    public func field(at position: SIMD3<Double>) -> SIMD3<Double> {
        let rho = (position.x * position.x + position.y * position.y).squareRoot()
        let (br, bz) = cylindrical(rho: rho, z: position.z)
        guard rho > 0 else { return SIMD3(0, 0, bz) }
        return SIMD3(br * position.x / rho, br * position.y / rho, bz)
    }

    /// (B_ρ, B_z) in T at radius `rho` and height `z` (mm).
    public func cylindrical(rho: Double, z: Double) -> (Double, Double) {
        let a = radius
        let zp = z + halfLength, zm = z - halfLength
        let sp = (zp * zp + (rho + a) * (rho + a)).squareRoot(), sm = (zm * zm + (rho + a) * (rho + a)).squareRoot()
        let alphaP = a / sp, alphaM = a / sm, betaP = zp / sp, betaM = zm / sm
        let gamma = (a - rho) / (a + rho)
        let kP = ((zp * zp + (a - rho) * (a - rho)) / (sp * sp)).squareRoot()
        let kM = ((zm * zm + (a - rho) * (a - rho)) / (sm * sm)).squareRoot()
        let br = rho == 0 ? 0 : b0 * (alphaP * Self.cel(kP, 1, 1, -1) - alphaM * Self.cel(kM, 1, 1, -1))
        let bz = b0 * a / (a + rho) * (betaP * Self.cel(kP, gamma * gamma, 1, gamma) - betaM * Self.cel(kM, gamma * gamma, 1, gamma))
        return (br, bz)
    }

    /// Bulirsch's generalised complete elliptic integral
    /// `cel(kc, p, c, s) = ∫₀^{π/2} (c cos²φ + s sin²φ) / ((cos²φ + p sin²φ) √(cos²φ + kc² sin²φ)) dφ`,
    /// by Bulirsch's arithmetic–geometric iteration (as given by Derby & Olbert).
    static func cel(_ kcIn: Double, _ pIn: Double, _ cIn: Double, _ sIn: Double) -> Double {
        guard kcIn != 0 else { return .nan }
        let errtol = 1e-12
        var k = abs(kcIn), pp = pIn, cc = cIn, ss = sIn, em = 1.0
        if pIn > 0 {
            pp = pp.squareRoot(); ss = sIn / pp
        } else {
            var f = kcIn * kcIn
            var q = 1 - f
            let g = 1 - pp
            f = f - pp
            q = q * (ss - cIn * pp)
            pp = (f / g).squareRoot()
            cc = (cIn - ss) / g
            ss = -q / (g * g * pp) + cc * pp
        }
        var f = cc
        cc = cc + ss / pp
        var g = k / pp
        ss = 2 * (ss + f * g)
        pp = g + pp
        g = em
        em = k + em
        var kk = k
        var iterations = 0
        while abs(g - k) > g * errtol && iterations < 60 {
            k = 2 * kk.squareRoot()
            kk = k * em
            f = cc
            cc = cc + ss / pp
            g = kk / pp
            ss = 2 * (ss + f * g)
            pp = g + pp
            g = em
            em = k + em
            iterations += 1
        }
        return Double.pi / 2 * (ss + cc * em) / (em * (em + pp))
    }
}
