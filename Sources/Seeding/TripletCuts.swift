/// The cuts on one (bottom, middle, top) triplet of a middle space point: cot θ compatibility of
/// the two doublets (measurement errors ⊕ multiple scattering), curvature (minimum pT) and transverse
/// impact parameter.
///
/// Two forms of the same cuts:
/// - ``evaluate(bottom:top:)`` is the reference: it computes the circle, the curvature, the impact
///   parameter and the cot θ χ² of an accepted triplet.
/// - ``prefilterRejects(bottom:bottomSecant:pathScale:top:)`` is a necessary condition of it, written
///   without divisions or square roots and without data-dependent branches. Whatever it rejects,
///   ``evaluate(bottom:top:)`` rejects too, so running it first changes no seed; it settles most
///   pairs of a dense event at a fraction of the cost (simulated trackml, μ = 200–300: it rejects
///   91 % of the pairs in the cot θ windows of the 0.6 GeV pass and 95–96 % in the 0.15 GeV pass,
///   and over 90 % of the pairs it keeps pass the reference).
///
/// Per middle space point; built once, then applied to every bottom × top pair in its cot θ window.
struct TripletCuts {
    /// Radius and z of the middle point, mm.
    let rm: Double, zm: Double
    /// Variances of the middle point's r and z, mm².
    let varRM: Double, varZM: Double
    /// Whether the middle point is on a barrel layer (path ∝ 1/sin θ) or a disc (∝ 1/|cos θ|).
    let isBarrelMiddle: Bool
    /// (``SeedingConfig/cotThetaSigmas``)².
    let nSigma2: Double
    /// Highland constant squared, GeV².
    let highland2: Double
    /// (``SeedingConfig/minPt``)², GeV².
    let minPt2: Double
    /// Largest curvature, 1/mm.
    let maxCurvature: Double
    /// GeV per mm of curvature radius.
    let ptPerRadius: Double
    /// Largest |d0|, mm.
    let impactMax: Double

    /// Relative margin of the prefilter's comparisons over the reference's. The two forms round
    /// differently (cross products instead of the line slope; bounds instead of roots): their relative
    /// disagreement is below 10⁻¹² for space points at Δr > 0.5 mm (the doublet cut) and the
    /// curvatures allowed, so 10⁻⁶ can never reject a pair the reference accepts.
    static let slack = 1 + 1e-6

    /// The cuts of middle space point (`rm`, `zm`) with variances `varRM`, `varZM`.
    init(rm: Double, zm: Double, varRM: Double, varZM: Double, isBarrelMiddle: Bool, derived: SeedingDerivedConfig) {
        let c = derived.config
        self.rm = rm; self.zm = zm; self.varRM = varRM; self.varZM = varZM
        self.isBarrelMiddle = isBarrelMiddle
        nSigma2 = c.cotThetaSigmas * c.cotThetaSigmas
        highland2 = derived.highland * derived.highland
        minPt2 = c.minPt * c.minPt
        maxCurvature = 1 / derived.minRadius
        ptPerRadius = derived.ptPerRadius
        impactMax = c.impactMax
    }

    /// The factor of the bottom doublet that scales the path through the middle layer beyond
    /// √(1 + cot²θ): 1 in a barrel, 1/max(|cot θ|, 10⁻³) on a disc (rounded; the prefilter's slack
    /// covers the rounding).
    @inline(__always) func pathScale(bottomCotTheta cot: Double) -> Double {
        isBarrelMiddle ? 1 : 1 / max(abs(cot), 1e-3)
    }

    /// Whether the pair certainly fails ``evaluate(bottom:top:)``.
    ///
    /// With ΔU = u_t − u_b, ΔV = v_t − v_b and X = v_b u_t − v_t u_b (the line v = A u + B through
    /// both points has A = ΔV/ΔU and B = X/ΔU), every cut of the reference is multiplied through by
    /// its positive denominators:
    /// - curvature 2B/√(1 + A²): κ² = 4X²/Q with Q = ΔU² + ΔV²;
    /// - impact |rm(rm B − A)| / (√((B rm − A/2)² + ¼) + √(1 + A²)/2): both roots are replaced by
    ///   the upper bound √p ≤ (p + s²)/(2s), with s chosen so that it is tight for a small-d0, low
    ///   curvature pair (s = |ΔU|/2 and |ΔU|), which only loosens the rejection;
    /// - cot θ agreement at the seed's own pT (pT ∝ 1/|κ|): the path factor √(1 + max(cot_b cot_t, 0))
    ///   is bounded by max(√(1 + cot_b²), √(1 + cot_t²)) (the doublets' precomputed secants).
    /// A pair with ΔU = 0 or any comparison undecided (NaN) is left to the reference.
    ///
    /// - Parameters:
    ///   - bottomSecant: √(1 + cot_b²) of the bottom doublet.
    ///   - pathScale: ``pathScale(bottomCotTheta:)`` of the bottom doublet.
    @inline(__always)
    func prefilterRejects(bottom b: SeedFinderCache.Doublet, bottomSecant: Double, pathScale: Double,
                          top t: SeedFinderCache.Doublet) -> Bool {
        prefilterRejects(bottom: b, bottomSecant: bottomSecant, pathScale: pathScale, topCotTheta: t.cotTheta,
                         topU: t.u, topV: t.v, topError2: t.errorCotTheta2, topInverseDeltaR: t.inverseDeltaR,
                         topSecant: t.secant)
    }

    /// ``prefilterRejects(bottom:bottomSecant:pathScale:top:)`` with the top doublet's fields given
    /// one by one (read from columns in the pair loop).
    @inline(__always)
    func prefilterRejects(bottom b: SeedFinderCache.Doublet, bottomSecant: Double, pathScale: Double,
                          topCotTheta tCot: Double, topU tU: Double, topV tV: Double, topError2 tError2: Double,
                          topInverseDeltaR tIDR: Double, topSecant tSecant: Double) -> Bool {
        let dU = tU - b.u, dV = tV - b.v
        let cross = b.v * tU - tV * b.u
        let q = dU * dU + dV * dV
        let fourCross2 = 4 * cross * cross
        let tooCurved = fourCross2 > maxCurvature * maxCurvature * q * Self.slack
        let w = cross * rm - 0.5 * dV
        let dU2 = dU * dU
        let numerator = abs(rm * (rm * cross - dV)) * abs(dU)
        let denominatorBound = (w * w + 0.5 * dU2) + 0.25 * (q + dU2)
        let tooFar = numerator > impactMax * denominatorBound * Self.slack
        let cotAvg2 = max(b.cotTheta * tCot, 0)
        let error2 = b.errorCotTheta2 + tError2 + 2 * (varZM + cotAvg2 * varRM) * b.inverseDeltaR * tIDR
        let scatterBound = highland2 * max(bottomSecant, tSecant) * pathScale * (1 + cotAvg2)
        let dCot = b.cotTheta - tCot
        let qp = q * ptPerRadius * ptPerRadius
        let incompatible = dCot * dCot * qp > nSigma2 * (error2 * qp + scatterBound * max(fourCross2, 1e-24 * q)) * Self.slack
        // One branch for the three tests: each alone is passed by 20–80 % of the pairs, which a
        // branch predictor cannot learn; their union is passed by a few per cent.
        return (tooCurved ? 1 : 0) | (tooFar ? 1 : 0) | (incompatible ? 1 : 0) != 0
    }

    /// The reference cuts: the triplet with its curvature, impact parameter, z0 and cot θ χ² when the
    /// pair passes them, nil otherwise.
    @inline(__always)
    func evaluate(bottom b: SeedFinderCache.Doublet, top t: SeedFinderCache.Doublet) -> SeedFinderCache.Triplet? {
        let absB = abs(b.cotTheta)
        // cot θ of the two doublets must agree within measurement errors and scattering.
        let cotAvg2 = b.cotTheta * t.cotTheta
        let iSinTheta2 = 1 + max(cotAvg2, 0)
        let error2 = b.errorCotTheta2 + t.errorCotTheta2
            + 2 * (varZM + max(cotAvg2, 0) * varRM) * b.inverseDeltaR * t.inverseDeltaR
        let dCot = b.cotTheta - t.cotTheta
        let dCot2 = dCot * dCot
        // Path through the middle layer: ∝ 1/sin θ in a barrel, ∝ 1/|cos θ| on a disc; the
        // Highland term is evaluated for the seed gap's X and scaled by the path factor.
        let pathFactor = isBarrelMiddle ? iSinTheta2.squareRoot() : iSinTheta2.squareRoot() / max(absB, 1e-3)
        // σ(Δcot θ) from scattering = θ0/sin²θ = highland·√(1 + cot²θ)/pT.
        let scatterPerPt2 = highland2 * pathFactor * iSinTheta2
        guard dCot2 <= nSigma2 * (error2 + scatterPerPt2 / minPt2) else { return nil }
        // Circle through the three points: a line v = A u + B in conformal space.
        let dU = t.u - b.u
        guard dU != 0 else { return nil }
        let A = (t.v - b.v) / dU
        let B = b.v - A * b.u
        let S2 = 1 + A * A
        // R = √(1 + A²)/(2|B|): signed curvature 2B/√(1 + A²).
        let curvature = 2 * B / S2.squareRoot()
        guard abs(curvature) <= maxCurvature else { return nil }
        let pt = ptPerRadius / max(abs(curvature), 1e-12)
        guard dCot2 <= nSigma2 * (error2 + scatterPerPt2 / (pt * pt)) else { return nil }
        // Exact distance of the circle from the beam line (stable as B → 0):
        // d0 = |rm (rm B − A)| / (√((B rm − A/2)² + 1/4) + √(1 + A²)/2).
        let num = abs(rm * (rm * B - A))
        let den = ((B * rm - A / 2) * (B * rm - A / 2) + 0.25).squareRoot() + S2.squareRoot() / 2
        let impact = num / den
        guard impact <= impactMax else { return nil }
        return .init(bottom: b.spacePoint, top: t.spacePoint, topSlot: t.slot,
                     curvature: curvature, impact: impact, z0: zm - rm * b.cotTheta,
                     cotChi2: dCot2 / (error2 + scatterPerPt2 / (pt * pt)))
    }
}
