/// Isotropic two-body decays in flight (K⁰s → π⁺π⁻, Λ → pπ⁻, γ → e⁺e⁻ approximations).
public enum TwoBodyDecay {
    /// The laboratory momenta in GeV of the two daughters (masses `m1`, `m2` in GeV) of a parent of
    /// mass `mass` (GeV) and momentum `parent` (GeV), emitted isotropically in the parent's rest frame.
    ///
    /// - Precondition: `mass ≥ m1 + m2`.
    public static func decay(parent: SIMD3<Double>, mass: Double, m1: Double, m2: Double,
                             _ rng: inout RandomStream) -> (SIMD3<Double>, SIMD3<Double>) {
        precondition(mass >= m1 + m2, "two-body decay below threshold")
        // Rest-frame momentum from the Källén function.
        let s = mass * mass
        let lambda = (s - (m1 + m2) * (m1 + m2)) * (s - (m1 - m2) * (m1 - m2))
        let pStar = max(lambda, 0).squareRoot() / (2 * mass)
        let (dx, dy, dz) = rng.isotropicDirection()
        let k = SIMD3(dx, dy, dz) * pStar
        let e1 = (m1 * m1 + pStar * pStar).squareRoot(), e2 = (m2 * m2 + pStar * pStar).squareRoot()
        let energy = (s + (parent * parent).sum()).squareRoot()
        return (boost(k, e1, parent: parent, energy: energy, mass: mass),
                boost(-k, e2, parent: parent, energy: energy, mass: mass))
    }

    /// Lorentz boost of the rest-frame four-momentum (`k`, `e`) into the frame where the parent has
    /// momentum `parent` and energy `energy`.
    static func boost(_ k: SIMD3<Double>, _ e: Double, parent: SIMD3<Double>, energy: Double, mass: Double) -> SIMD3<Double> {
        let gamma = energy / mass
        let beta = parent / energy
        let b2 = (beta * beta).sum()
        guard b2 > 0 else { return k }
        let bk = (beta * k).sum()
        let factor = (gamma - 1) * bk / b2 + gamma * e
        return k + beta * factor
    }
}
