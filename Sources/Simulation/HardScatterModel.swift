/// A tt̄-like hard scatter: a few high-pT jets of collimated charged particles, isolated leptons
/// from the W decays, and an underlying event of soft particles.
///
/// This is not a matrix-element generator; it reproduces what track finding sees of a tt̄ event.
/// The defaults are set from the hard-scatter vertex of the real event 000001001 (its vertex 1:
/// 187 charged particles with pT > 0.1 GeV and |η| < 4, 22 of them above 5 GeV, ΣpT = 524 GeV; jets
/// of 10–15 charged particles within ΔR < 0.4 and one isolated 77 GeV track) and from the tt̄ decay
/// branching ratios (each W gives an electron or a muon 21 % of the time, 25 % with leptonic τ decays).
public struct HardScatterModel: Codable, Equatable, Sendable {
    /// Minimum number of jets (default 4: the b and two light quarks of lepton+jets tt̄, plus one).
    public var minimumJets: Int
    /// Mean number of extra jets on top of ``minimumJets``, Poisson (default 1.5; radiation).
    public var extraJetMean: Double
    /// Lowest jet pT in GeV (default 25).
    public var jetPtMin: Double
    /// Power of the jet spectrum `dN/dpT ∝ pT^−power` (default 3).
    public var jetPtPower: Double
    /// Largest jet |η| (default 2.5: tt̄ jets are central).
    public var jetAbsEtaMax: Double
    /// Fraction of a jet's pT carried by charged particles (default 0.6).
    public var chargedFraction: Double
    /// Mean charged multiplicity of a jet is `a + b ln(pT/GeV)`: a (default 1.0).
    public var jetMultiplicityOffset: Double
    /// … and b (default 2.2; 9.6 charged particles in a 50 GeV jet).
    public var jetMultiplicitySlope: Double
    /// Mean momentum of a jet particle transverse to the jet axis, in GeV (default 0.6).
    public var jetTransverseMomentum: Double
    /// Probability that a W gives an isolated electron or muon (default 0.25).
    public var leptonProbability: Double
    /// Lepton pT is `leptonPtMin + Exp(leptonPtMean)` in GeV: the minimum (default 15) …
    public var leptonPtMin: Double
    /// … and the mean of the exponential part (default 25).
    public var leptonPtMean: Double
    /// Mean number of underlying-event charged particles in the reference acceptance (default 120).
    public var underlyingEventMean: Double
    /// Negative-binomial shape of the underlying-event multiplicity (default 4).
    public var underlyingEventShape: Double

    /// A validated model.
    ///
    /// - Throws: ``SimulationError/invalidConfiguration(_:)`` for negative counts or means, a jet pT
    ///   minimum ≤ 0, a jet power ≤ 1, fractions outside [0, 1] or a non-positive shape.
    public init(minimumJets: Int = 4, extraJetMean: Double = 1.5, jetPtMin: Double = 25, jetPtPower: Double = 3,
                jetAbsEtaMax: Double = 2.5, chargedFraction: Double = 0.6, jetMultiplicityOffset: Double = 1.0,
                jetMultiplicitySlope: Double = 2.2, jetTransverseMomentum: Double = 0.6,
                leptonProbability: Double = 0.25, leptonPtMin: Double = 15, leptonPtMean: Double = 25,
                underlyingEventMean: Double = 120, underlyingEventShape: Double = 4) throws {
        guard minimumJets >= 0, extraJetMean >= 0, jetMultiplicityOffset >= 0, jetMultiplicitySlope >= 0,
              underlyingEventMean >= 0, leptonPtMin >= 0, leptonPtMean >= 0, jetTransverseMomentum >= 0 else {
            throw SimulationError.invalidConfiguration("hard-scatter counts and means must be ≥ 0")
        }
        guard jetPtMin > 0, jetPtPower > 1, jetAbsEtaMax > 0 else {
            throw SimulationError.invalidConfiguration("jet_pt_min must be > 0 GeV, jet_pt_power > 1, jet_abs_eta_max > 0")
        }
        guard (0 ... 1).contains(chargedFraction), (0 ... 1).contains(leptonProbability) else {
            throw SimulationError.invalidConfiguration("charged_fraction and lepton_probability must be in [0, 1]")
        }
        guard underlyingEventShape > 0 else {
            throw SimulationError.invalidConfiguration("underlying_event_shape must be > 0")
        }
        self.minimumJets = minimumJets; self.extraJetMean = extraJetMean; self.jetPtMin = jetPtMin
        self.jetPtPower = jetPtPower; self.jetAbsEtaMax = jetAbsEtaMax; self.chargedFraction = chargedFraction
        self.jetMultiplicityOffset = jetMultiplicityOffset; self.jetMultiplicitySlope = jetMultiplicitySlope
        self.jetTransverseMomentum = jetTransverseMomentum; self.leptonProbability = leptonProbability
        self.leptonPtMin = leptonPtMin; self.leptonPtMean = leptonPtMean
        self.underlyingEventMean = underlyingEventMean; self.underlyingEventShape = underlyingEventShape
    }

    enum CodingKeys: String, CodingKey {
        case minimumJets = "minimum_jets", extraJetMean = "extra_jet_mean", jetPtMin = "jet_pt_min"
        case jetPtPower = "jet_pt_power", jetAbsEtaMax = "jet_abs_eta_max", chargedFraction = "charged_fraction"
        case jetMultiplicityOffset = "jet_multiplicity_offset", jetMultiplicitySlope = "jet_multiplicity_slope"
        case jetTransverseMomentum = "jet_transverse_momentum", leptonProbability = "lepton_probability"
        case leptonPtMin = "lepton_pt_min", leptonPtMean = "lepton_pt_mean"
        case underlyingEventMean = "underlying_event_mean", underlyingEventShape = "underlying_event_shape"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = try HardScatterModel()
        try self.init(
            minimumJets: c.decodeIfPresent(Int.self, forKey: .minimumJets) ?? d.minimumJets,
            extraJetMean: c.decodeIfPresent(Double.self, forKey: .extraJetMean) ?? d.extraJetMean,
            jetPtMin: c.decodeIfPresent(Double.self, forKey: .jetPtMin) ?? d.jetPtMin,
            jetPtPower: c.decodeIfPresent(Double.self, forKey: .jetPtPower) ?? d.jetPtPower,
            jetAbsEtaMax: c.decodeIfPresent(Double.self, forKey: .jetAbsEtaMax) ?? d.jetAbsEtaMax,
            chargedFraction: c.decodeIfPresent(Double.self, forKey: .chargedFraction) ?? d.chargedFraction,
            jetMultiplicityOffset: c.decodeIfPresent(Double.self, forKey: .jetMultiplicityOffset) ?? d.jetMultiplicityOffset,
            jetMultiplicitySlope: c.decodeIfPresent(Double.self, forKey: .jetMultiplicitySlope) ?? d.jetMultiplicitySlope,
            jetTransverseMomentum: c.decodeIfPresent(Double.self, forKey: .jetTransverseMomentum) ?? d.jetTransverseMomentum,
            leptonProbability: c.decodeIfPresent(Double.self, forKey: .leptonProbability) ?? d.leptonProbability,
            leptonPtMin: c.decodeIfPresent(Double.self, forKey: .leptonPtMin) ?? d.leptonPtMin,
            leptonPtMean: c.decodeIfPresent(Double.self, forKey: .leptonPtMean) ?? d.leptonPtMean,
            underlyingEventMean: c.decodeIfPresent(Double.self, forKey: .underlyingEventMean) ?? d.underlyingEventMean,
            underlyingEventShape: c.decodeIfPresent(Double.self, forKey: .underlyingEventShape) ?? d.underlyingEventShape)
    }
}
