/// Which interactions with matter the simulation applies at every module crossing, and when it stops
/// following a particle.
public struct PhysicsConfig: Codable, Equatable, Sendable {
    /// Highland multiple scattering (default true).
    public var multipleScattering: Bool
    /// Ionisation energy loss (mean Bethe–Bloch) and, for electrons, Bethe–Heitler bremsstrahlung
    /// (default true).
    public var energyLoss: Bool
    /// Scale of the nuclear-interaction probability `x·X0/λ_I` of hadrons; 0 disables nuclear
    /// interactions (default 1.0).
    public var nuclearInteractionScale: Double
    /// Mean number of charged products of a nuclear interaction beyond the first, Poisson
    /// (default 1.3: with the acceptance cuts, 1.9 recorded products per interaction, as the
    /// 1 934 secondaries from 1 032 vertices of the real event 000001001).
    public var nuclearMultiplicity: Double
    /// Mean momentum in GeV of nuclear-interaction products, gamma-distributed with shape 3 (default
    /// 0.25: the recorded products then have p quantiles 0.15/0.26/0.48 GeV at 10/50/90 %, as the real
    /// secondaries' 0.14/0.28/0.48).
    public var nuclearMomentumMean: Double
    /// Fraction of nuclear-interaction products that are protons (the rest are π±; default 0.45, the
    /// proton share of the real secondaries).
    public var nuclearProtonFraction: Double
    /// Scale of the conversion probability `7/9 · x/X0` of photons (default 1).
    public var conversionScale: Double
    /// A particle is followed for at most this many transverse turns of its helix (default 0.5:
    /// out to the turning point, as the TrackML simulation, whose hits are 0.9 % on inward-going legs).
    /// Real loopers turn until they range out: raise it to study them.
    public var loopTurns: Double
    /// A particle is followed for at most this path length in mm (default 20 000).
    public var maxPathLength: Double
    /// A particle is dropped when its momentum falls below this, in GeV (default 0.05).
    public var minimumMomentum: Double
    /// Particles produced below this pT in GeV are recorded but not propagated (default 0.15: the
    /// TrackML simulation did not follow them — 96 % of the real prompt particles with
    /// 0.10 < pT < 0.15 GeV have no hit, against 2–3 % above). Set it to 0 to follow every particle.
    public var propagationPtMin: Double
    /// Deepest generation of secondaries that is followed (default 2).
    public var maxGeneration: Int

    /// A validated configuration.
    ///
    /// - Throws: ``SimulationError/invalidConfiguration(_:)`` for negative scales, means or limits.
    public init(multipleScattering: Bool = true, energyLoss: Bool = true, nuclearInteractionScale: Double = 3.0,
                nuclearMultiplicity: Double = 1.3, nuclearMomentumMean: Double = 0.25, nuclearProtonFraction: Double = 0.45,
                conversionScale: Double = 1, loopTurns: Double = 0.5,
                maxPathLength: Double = 20_000, minimumMomentum: Double = 0.05, propagationPtMin: Double = 0.15,
                maxGeneration: Int = 2) throws {
        for (name, v) in [("nuclear_interaction_scale", nuclearInteractionScale), ("nuclear_multiplicity", nuclearMultiplicity),
                          ("nuclear_momentum_mean", nuclearMomentumMean),
                          ("conversion_scale", conversionScale), ("minimum_momentum", minimumMomentum),
                          ("propagation_pt_min", propagationPtMin)]
        where !(v >= 0 && v.isFinite) {
            throw SimulationError.invalidConfiguration("physics \(name) must be finite and ≥ 0, got \(v)")
        }
        guard (0 ... 1).contains(nuclearProtonFraction) else {
            throw SimulationError.invalidConfiguration("physics nuclear_proton_fraction must be in [0, 1]")
        }
        guard loopTurns > 0, loopTurns.isFinite, maxPathLength > 0, maxPathLength.isFinite else {
            throw SimulationError.invalidConfiguration("physics loop_turns and max_path_length must be > 0")
        }
        guard (0 ... 200).contains(maxGeneration) else {
            throw SimulationError.invalidConfiguration("physics max_generation must be in 0…200")
        }
        self.multipleScattering = multipleScattering; self.energyLoss = energyLoss
        self.nuclearInteractionScale = nuclearInteractionScale; self.nuclearMultiplicity = nuclearMultiplicity
        self.nuclearMomentumMean = nuclearMomentumMean; self.nuclearProtonFraction = nuclearProtonFraction
        self.conversionScale = conversionScale
        self.loopTurns = loopTurns; self.maxPathLength = maxPathLength; self.minimumMomentum = minimumMomentum
        self.propagationPtMin = propagationPtMin
        self.maxGeneration = maxGeneration
    }

    /// No material effects at all: particles follow their ideal helices (the exact-hit tests).
    public static let noInteractions = try! PhysicsConfig(multipleScattering: false, energyLoss: false, nuclearInteractionScale: 0,
                                                propagationPtMin: 0)

    enum CodingKeys: String, CodingKey {
        case multipleScattering = "multiple_scattering", energyLoss = "energy_loss"
        case nuclearInteractionScale = "nuclear_interaction_scale", nuclearMultiplicity = "nuclear_multiplicity"
        case nuclearMomentumMean = "nuclear_momentum_mean", nuclearProtonFraction = "nuclear_proton_fraction"
        case conversionScale = "conversion_scale"
        case loopTurns = "loop_turns", maxPathLength = "max_path_length", minimumMomentum = "minimum_momentum"
        case propagationPtMin = "propagation_pt_min"
        case maxGeneration = "max_generation"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = try PhysicsConfig()
        try self.init(
            multipleScattering: c.decodeIfPresent(Bool.self, forKey: .multipleScattering) ?? d.multipleScattering,
            energyLoss: c.decodeIfPresent(Bool.self, forKey: .energyLoss) ?? d.energyLoss,
            nuclearInteractionScale: c.decodeIfPresent(Double.self, forKey: .nuclearInteractionScale) ?? d.nuclearInteractionScale,
            nuclearMultiplicity: c.decodeIfPresent(Double.self, forKey: .nuclearMultiplicity) ?? d.nuclearMultiplicity,
            nuclearMomentumMean: c.decodeIfPresent(Double.self, forKey: .nuclearMomentumMean) ?? d.nuclearMomentumMean,
            nuclearProtonFraction: c.decodeIfPresent(Double.self, forKey: .nuclearProtonFraction) ?? d.nuclearProtonFraction,
            conversionScale: c.decodeIfPresent(Double.self, forKey: .conversionScale) ?? d.conversionScale,
            loopTurns: c.decodeIfPresent(Double.self, forKey: .loopTurns) ?? d.loopTurns,
            maxPathLength: c.decodeIfPresent(Double.self, forKey: .maxPathLength) ?? d.maxPathLength,
            minimumMomentum: c.decodeIfPresent(Double.self, forKey: .minimumMomentum) ?? d.minimumMomentum,
            propagationPtMin: c.decodeIfPresent(Double.self, forKey: .propagationPtMin) ?? d.propagationPtMin,
            maxGeneration: c.decodeIfPresent(Int.self, forKey: .maxGeneration) ?? d.maxGeneration)
    }
}
