#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Soft (minimum-bias) proton–proton interactions at 14 TeV: how many charged particles, which
/// species, which pT and η, and how many come from V0 (K⁰s, Λ) decays in flight.
///
/// The defaults are derived from the real TrackML μ = 200 event 000001001 (its particles file holds
/// every generated charged particle with pT > 0.1 GeV and |η| < 4) and the PDG-identified particles of
/// event 000000001, with a throw-away analysis outside the repository (see docs/SIMULATION.md):
///
/// - 137 of the ≈ 200 pile-up vertices carry at least one charged particle in the acceptance: the other
///   ≈ 32 % are elastic or diffractive interactions that put nothing in |η| < 4 with pT > 0.1 GeV;
/// - the non-empty ones carry 49.6 charged primaries on average with variance 1755, a negative binomial
///   of shape k = 49.6² / (1755 − 49.6) = 1.44;
/// - their pT follows `pT (1 + pT/1.50 GeV)^−8.75` (maximum-likelihood fit; quantiles 5 %…99.9 % within
///   4 % of the data, mean 0.56 GeV); their η is flat in |η| < 4 within the statistical precision;
/// - the PDG codes of the primaries are π± 85 %, K± 9 %, p/p̄ 6 % (0.2 % e±, neglected);
/// - 9 % of the primary-vertex particles start more than 1 mm from the beam line: daughters of K⁰s and
///   Λ decays in flight.
public struct MinimumBiasModel: Codable, Equatable, Sendable {
    /// Fraction of interactions with no charged particle in the reference acceptance (default 0.32).
    public var emptyFraction: Double
    /// Mean number of prompt charged particles with pT > 0.1 GeV and |η| < 4 in a non-empty
    /// interaction (default 45.6: the measured 49.6 minus the V0 daughters this model adds).
    public var multiplicityMean: Double
    /// Shape k of the negative-binomial multiplicity of non-empty interactions (default 1.44).
    public var multiplicityShape: Double
    /// Scale p0 in GeV of the pT spectrum `pT (1 + pT/p0)^−n` (default 1.50).
    public var ptScale: Double
    /// Power n of the pT spectrum (default 8.75).
    public var ptPower: Double
    /// Fraction of prompt charged particles that are K± (default 0.09).
    public var kaonFraction: Double
    /// Fraction of prompt charged particles that are p or p̄ (default 0.06).
    public var protonFraction: Double
    /// Number of V0s (K⁰s or Λ decaying to two charged particles) per prompt charged particle
    /// (default 0.055, tuned so that 9 % of the primary-vertex particles are V0 daughters).
    public var v0PerChargedParticle: Double
    /// Fraction of those V0s that are Λ (the rest are K⁰s; default 0.3).
    public var lambdaFraction: Double
    /// Photons (from π⁰ → γγ) per prompt charged particle (default 0: the real TrackML events hold
    /// no conversion electrons, so their simulation had no photons; about 1 is physical). Photons
    /// leave no hits; they convert in the material when conversions are enabled.
    public var photonsPerChargedParticle: Double

    /// The acceptance the multiplicity parameters refer to: pT in GeV and |η|.
    public static let referencePtMin = 0.1, referenceEtaMax = 4.0

    /// A validated model.
    ///
    /// - Throws: ``SimulationError/invalidConfiguration(_:)`` for fractions outside [0, 1] (or species
    ///   fractions summing above 1), a negative multiplicity, a non-positive shape, or a spectrum
    ///   that ``TransverseMomentumSpectrum`` rejects.
    public init(emptyFraction: Double = 0.32, multiplicityMean: Double = 45.6, multiplicityShape: Double = 1.44,
                ptScale: Double = 1.50, ptPower: Double = 8.75, kaonFraction: Double = 0.09,
                protonFraction: Double = 0.06, v0PerChargedParticle: Double = 0.07, lambdaFraction: Double = 0.3,
                photonsPerChargedParticle: Double = 0) throws {
        for (name, f) in [("empty_fraction", emptyFraction), ("kaon_fraction", kaonFraction),
                          ("proton_fraction", protonFraction), ("lambda_fraction", lambdaFraction)]
        where !(0 ... 1).contains(f) {
            throw SimulationError.invalidConfiguration("\(name) must be in [0, 1], got \(f)")
        }
        guard kaonFraction + protonFraction <= 1 else {
            throw SimulationError.invalidConfiguration("kaon_fraction + proton_fraction must not exceed 1")
        }
        guard multiplicityMean >= 0, multiplicityMean.isFinite else {
            throw SimulationError.invalidConfiguration("multiplicity_mean must be ≥ 0")
        }
        guard multiplicityShape > 0, multiplicityShape.isFinite else {
            throw SimulationError.invalidConfiguration("multiplicity_shape must be > 0")
        }
        guard v0PerChargedParticle >= 0, v0PerChargedParticle.isFinite else {
            throw SimulationError.invalidConfiguration("v0_per_charged_particle must be ≥ 0")
        }
        guard photonsPerChargedParticle >= 0, photonsPerChargedParticle.isFinite else {
            throw SimulationError.invalidConfiguration("photons_per_charged_particle must be ≥ 0")
        }
        _ = try TransverseMomentumSpectrum(scale: ptScale, power: ptPower, minimum: 0.1, maximum: 10)
        self.emptyFraction = emptyFraction; self.multiplicityMean = multiplicityMean
        self.multiplicityShape = multiplicityShape; self.ptScale = ptScale; self.ptPower = ptPower
        self.kaonFraction = kaonFraction; self.protonFraction = protonFraction
        self.v0PerChargedParticle = v0PerChargedParticle; self.lambdaFraction = lambdaFraction
        self.photonsPerChargedParticle = photonsPerChargedParticle
    }

    enum CodingKeys: String, CodingKey {
        case emptyFraction = "empty_fraction", multiplicityMean = "multiplicity_mean"
        case multiplicityShape = "multiplicity_shape", ptScale = "pt_scale", ptPower = "pt_power"
        case kaonFraction = "kaon_fraction", protonFraction = "proton_fraction"
        case v0PerChargedParticle = "v0_per_charged_particle", lambdaFraction = "lambda_fraction"
        case photonsPerChargedParticle = "photons_per_charged_particle"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = try MinimumBiasModel()
        try self.init(
            emptyFraction: c.decodeIfPresent(Double.self, forKey: .emptyFraction) ?? d.emptyFraction,
            multiplicityMean: c.decodeIfPresent(Double.self, forKey: .multiplicityMean) ?? d.multiplicityMean,
            multiplicityShape: c.decodeIfPresent(Double.self, forKey: .multiplicityShape) ?? d.multiplicityShape,
            ptScale: c.decodeIfPresent(Double.self, forKey: .ptScale) ?? d.ptScale,
            ptPower: c.decodeIfPresent(Double.self, forKey: .ptPower) ?? d.ptPower,
            kaonFraction: c.decodeIfPresent(Double.self, forKey: .kaonFraction) ?? d.kaonFraction,
            protonFraction: c.decodeIfPresent(Double.self, forKey: .protonFraction) ?? d.protonFraction,
            v0PerChargedParticle: c.decodeIfPresent(Double.self, forKey: .v0PerChargedParticle) ?? d.v0PerChargedParticle,
            lambdaFraction: c.decodeIfPresent(Double.self, forKey: .lambdaFraction) ?? d.lambdaFraction,
            photonsPerChargedParticle: c.decodeIfPresent(Double.self, forKey: .photonsPerChargedParticle) ?? d.photonsPerChargedParticle)
    }

    /// A prompt charged species drawn with the configured fractions.
    func sampleSpecies(_ rng: inout RandomStream) -> ParticleSpecies {
        let u = rng.uniform()
        if u < kaonFraction { return .kaon }
        if u < kaonFraction + protonFraction { return .proton }
        return .pion
    }
}
