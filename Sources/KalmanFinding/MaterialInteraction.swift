#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The effect of crossing one detector layer on a track state: multiple scattering (Highland) in the
/// covariance and the mean ionisation energy loss in q/p, for a given mass hypothesis.
///
/// The layer is described by its thickness in radiation lengths at normal incidence, x/X0; a track
/// crossing it at angle α to the normal sees x/X0 / |cos α|.
public struct MaterialInteraction: Sendable {
    /// Mass hypothesis, GeV.
    public let mass: Double

    /// Mean ionisation loss per radiation length of silicon, GeV: a minimum-ionising particle loses
    /// 1.664 MeV cm²/g × 2.329 g/cm³ = 0.3876 MeV/mm, and X0(Si) = 93.7 mm. The relativistic rise
    /// (≲ 10 % for the momenta tracked here) is neglected.
    public static let ionisationPerRadiationLength = 0.3876e-3 * 93.7

    /// Material effects for a particle of `mass` GeV.
    public init(mass: Double) { self.mass = mass }

    /// The Highland scattering angle θ0 (rad) for momentum `p` (GeV) through `x` radiation lengths:
    /// θ0 = 13.6 MeV/(βcp) · √x · (1 + 0.038 ln(x/β²)) (charge 1).
    public func highlandAngle(p: Double, x: Double) -> Double {
        guard x > 0, p > 0 else { return 0 }
        let e2 = p * p + mass * mass
        let beta2 = p * p / e2
        let beta = beta2.squareRoot()
        let logTerm = 1 + 0.038 * log(x / beta2)
        return 0.0136 / (beta * p) * x.squareRoot() * max(logTerm, 0)
    }

    /// Applies the layer to bound parameters `x` (5) and writes the process noise of the covariance to
    /// `noise` (25, row-major, overwritten).
    ///
    /// - Parameters:
    ///   - x0: layer thickness at normal incidence, radiation lengths.
    ///   - cosIncidence: |cos α| between the direction and the module normal.
    ///   - backward: true when the state is propagated against the flight direction, so that the
    ///     particle's energy before the layer is larger (energy is added, not removed).
    public func apply(parameters x: UnsafeMutablePointer<Double>, noise: UnsafeMutablePointer<Double>,
                      x0: Double, cosIncidence: Double, backward: Bool) {
        for i in 0 ..< 25 { noise[i] = 0 }
        let qop = x[4]
        guard qop != 0, x0 > 0 else { return }
        let path = x0 / max(cosIncidence, 0.05)
        let p = 1 / abs(qop)
        let theta0 = highlandAngle(p: p, x: path)
        let sinTheta = max(sin(x[3]), 1e-6)
        // Scattering changes the direction by θ0 in each of two orthogonal planes: the polar angle by
        // θ0 and the azimuth by θ0/sin θ.
        noise[12] = theta0 * theta0 / (sinTheta * sinTheta)
        noise[18] = theta0 * theta0
        // Mean ionisation loss ΔE; dp = dE/β. Its fluctuation (Landau width ≈ ΔE/2 for thin silicon)
        // enters var(q/p) through d(q/p)/dp = −(q/p)/p.
        let e = (p * p + mass * mass).squareRoot()
        let beta = p / e
        let deltaE = Self.ionisationPerRadiationLength * path
        let deltaP = deltaE / beta
        let newP = backward ? p + deltaP : max(p - deltaP, 0.5 * p)
        let sign: Double = qop > 0 ? 1 : -1
        x[4] = sign / newP
        let sigmaQop = 0.5 * deltaP / (newP * newP)
        noise[24] = sigmaQop * sigmaQop
    }
}
