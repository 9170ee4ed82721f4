#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interactions of a particle with the material of one module crossing: multiple scattering,
/// ionisation energy loss, bremsstrahlung, nuclear interactions and photon conversions.
///
/// Material is described by its thickness in radiation lengths along the actual path (`x/X0` at
/// normal incidence divided by the cosine of the incidence angle). The material is treated as
/// silicon for the quantities that need a composition (ionisation, nuclear interaction length).
public enum MaterialEffects {
    /// Radiation length of silicon in mm (PDG).
    public static let siliconRadiationLength = 93.7
    /// Nuclear interaction length of silicon in mm (PDG).
    public static let siliconInteractionLength = 465.2
    /// Mean excitation energy of silicon in GeV (PDG: 173 eV).
    static let siliconExcitation = 173e-9
    /// Z/A of silicon in mol/g.
    static let siliconZOverA = 0.49848
    /// Density of silicon in g/cm³.
    static let siliconDensity = 2.329
    /// K = 4π N_A r_e² m_e c² in GeV cm²/mol (PDG: 0.307075 MeV cm²/mol).
    static let bbK = 0.307075e-3
    /// Electron mass in GeV.
    static let me = 0.51099895e-3

    /// The Highland width θ0 in radians of the projected scattering angle (DESIGN §5):
    /// `θ0 = 13.6 MeV / (β c p) · |z| · √(x/X0) · (1 + 0.038 ln(x z² / (X0 β²)))`.
    ///
    /// - Parameters:
    ///   - momentum: |p| in GeV.
    ///   - beta: velocity β = p/E.
    ///   - charge: charge in units of e.
    ///   - radiationLengths: path length in the material in units of X0 (> 0).
    public static func highlandWidth(momentum: Double, beta: Double, charge: Double, radiationLengths x: Double) -> Double {
        guard x > 0, momentum > 0, beta > 0 else { return 0 }
        let z = abs(charge)
        let correction = 1 + 0.038 * log(x * z * z / (beta * beta))
        return 13.6e-3 / (beta * momentum) * z * x.squareRoot() * max(correction, 0)
    }

    /// The mean ionisation energy loss in GeV of a heavy charged particle (μ, π, K, p) crossing
    /// `radiationLengths` X0 of silicon (Bethe–Bloch with the maximum energy transfer and Sternheimer's
    /// density correction for silicon; PDG eq. 34.5).
    ///
    /// This is the *mean* loss, not the most probable one: the mean is what shifts the momentum scale
    /// along a track. Energy-loss fluctuations (the Landau tail) are not sampled.
    public static func betheBlochMeanLoss(momentum p: Double, mass m: Double, charge: Double,
                                          radiationLengths x: Double) -> Double {
        guard x > 0, p > 0 else { return 0 }
        let e = (p * p + m * m).squareRoot()
        let beta = p / e, gamma = e / m
        let bg = p / m
        let beta2 = beta * beta
        let massRatio = me / m
        let tMax = 2 * me * bg * bg / (1 + 2 * gamma * massRatio + massRatio * massRatio)
        // Sternheimer density correction for silicon (x0 = 0.2015, x1 = 2.8716, C̄ = 4.4355,
        // a = 0.14921, k = 3.2546, δ0 = 0.14).
        let xs = log10(bg)
        var delta = 0.0
        if xs >= 2.8716 { delta = 2 * log(10) * xs - 4.4355 }
        else if xs >= 0.2015 { delta = 2 * log(10) * xs - 4.4355 + 0.14921 * pow(2.8716 - xs, 3.2546) }
        else { delta = 0.14 * pow(10, 2 * (xs - 0.2015)) }
        let arg = 2 * me * bg * bg * tMax / (siliconExcitation * siliconExcitation)
        let dEdx = bbK * charge * charge * siliconZOverA / beta2 * (0.5 * log(arg) - beta2 - delta / 2)
        // dE/dx is in GeV cm²/g; the path is x · X0(Si) in mm.
        let grams = x * siliconRadiationLength / 10 * siliconDensity
        return max(dEdx, 0) * grams
    }

    /// The mean ionisation loss in GeV of an electron or positron crossing `radiationLengths` X0 of
    /// silicon: the minimum-ionising plateau of 1.664 MeV cm²/g times the density-corrected relativistic
    /// rise, approximated as constant (electrons above 10 MeV are on the plateau within 10 %).
    public static func electronIonisationLoss(radiationLengths x: Double) -> Double {
        guard x > 0 else { return 0 }
        return 1.664e-3 * 1.1 * x * siliconRadiationLength / 10 * siliconDensity
    }

    /// The fraction of its energy an electron keeps after crossing `radiationLengths` X0, sampled from
    /// the Bethe–Heitler distribution `f(z) = (−ln z)^(c−1) / Γ(c)` with `c = t / ln 2` (t = x/X0):
    /// `−ln z` is gamma-distributed with shape c.
    public static func bremsstrahlungRetainedFraction(radiationLengths x: Double, _ rng: inout RandomStream) -> Double {
        guard x > 0 else { return 1 }
        let c = x / log(2)
        return exp(-rng.gamma(shape: c))
    }

    /// Probability of a nuclear interaction of a hadron crossing `radiationLengths` X0 of silicon:
    /// `1 − exp(−x X0/λ_I)`, times `scale`.
    public static func nuclearInteractionProbability(radiationLengths x: Double, scale: Double) -> Double {
        guard x > 0, scale > 0 else { return 0 }
        return min(1, scale * (1 - exp(-x * siliconRadiationLength / siliconInteractionLength)))
    }

    /// Probability that a photon converts to an e⁺e⁻ pair while crossing `radiationLengths` X0:
    /// `1 − exp(−7/9 x/X0)` (the high-energy limit), times `scale`.
    public static func conversionProbability(radiationLengths x: Double, scale: Double) -> Double {
        guard x > 0, scale > 0 else { return 0 }
        return min(1, scale * (1 - exp(-7.0 / 9.0 * x)))
    }

    /// The direction after multiple scattering: `direction` deflected by two independent Gaussian
    /// projected angles of width `theta0` (rad) in the planes orthogonal to it.
    public static func scatter(_ direction: SIMD3<Double>, theta0: Double, _ rng: inout RandomStream) -> SIMD3<Double> {
        guard theta0 > 0 else { return direction }
        let a1 = theta0 * rng.normal(), a2 = theta0 * rng.normal()
        let theta = (a1 * a1 + a2 * a2).squareRoot()
        guard theta > 0 else { return direction }
        let (e1, e2) = orthonormalBasis(direction)
        let c = cos(theta), s = sin(theta)
        var d = direction * c + (e1 * (a1 / theta) + e2 * (a2 / theta)) * s
        d /= (d * d).sum().squareRoot()
        return d
    }

    /// Two unit vectors completing `d` (unit) to a right-handed orthonormal basis.
    static func orthonormalBasis(_ d: SIMD3<Double>) -> (SIMD3<Double>, SIMD3<Double>) {
        let helper = abs(d.z) < 0.9 ? SIMD3<Double>(0, 0, 1) : SIMD3<Double>(1, 0, 0)
        var e1 = SIMD3(d.y * helper.z - d.z * helper.y, d.z * helper.x - d.x * helper.z, d.x * helper.y - d.y * helper.x)
        e1 /= (e1 * e1).sum().squareRoot()
        let e2 = SIMD3(d.y * e1.z - d.z * e1.y, d.z * e1.x - d.x * e1.z, d.x * e1.y - d.y * e1.x)
        return (e1, e2)
    }
}
