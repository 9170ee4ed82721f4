/// What the event generator produces: pile-up, hard scatter, particle gun, acceptance.
public struct GeneratorConfig: Codable, Equatable, Sendable {
    /// Mean number μ of pile-up interactions per bunch crossing; the actual number is Poisson(μ)
    /// (default 200, HL-LHC).
    public var pileup: Double
    /// Whether each event has a tt̄-like hard scatter (default true).
    public var hardScatter: Bool
    /// Where interactions happen.
    public var luminousRegion: LuminousRegion
    /// Particles below this pT in GeV are not generated or recorded (default 0.1: TrackML's cut).
    public var ptMin: Double
    /// Particles beyond this |η| are not generated or recorded (default 4: TrackML's cut).
    public var etaMax: Double
    /// Soft interactions (pile-up and the underlying event of the hard scatter).
    public var minimumBias: MinimumBiasModel
    /// The tt̄-like hard scatter.
    public var hardScatterModel: HardScatterModel
    /// An optional particle gun added to every event (its particles form their own vertex).
    public var gun: ParticleGun?

    /// The largest supported μ (particle barcodes hold 4 095 vertices).
    public static let maximumPileup = 3000.0

    /// A validated configuration.
    ///
    /// - Throws: ``SimulationError/invalidConfiguration(_:)`` for μ < 0, μ above ``maximumPileup``,
    ///   a pT cut ≤ 0 or an η cut ≤ 0.
    public init(pileup: Double = 200, hardScatter: Bool = true, luminousRegion: LuminousRegion? = nil,
                ptMin: Double = 0.1, etaMax: Double = 4, minimumBias: MinimumBiasModel? = nil,
                hardScatterModel: HardScatterModel? = nil, gun: ParticleGun? = nil) throws {
        guard pileup >= 0, pileup.isFinite else {
            throw SimulationError.invalidConfiguration("pile-up μ must be ≥ 0, got \(pileup)")
        }
        guard pileup <= Self.maximumPileup else {
            throw SimulationError.invalidConfiguration("pile-up μ must be ≤ \(Int(Self.maximumPileup)), got \(pileup)")
        }
        guard ptMin > 0, ptMin.isFinite else { throw SimulationError.invalidConfiguration("pt_min must be > 0 GeV") }
        guard etaMax > 0, etaMax.isFinite else { throw SimulationError.invalidConfiguration("eta_max must be > 0") }
        self.pileup = pileup; self.hardScatter = hardScatter
        self.luminousRegion = try luminousRegion ?? LuminousRegion()
        self.ptMin = ptMin; self.etaMax = etaMax
        self.minimumBias = try minimumBias ?? MinimumBiasModel()
        self.hardScatterModel = try hardScatterModel ?? HardScatterModel()
        self.gun = gun
    }

    enum CodingKeys: String, CodingKey {
        case pileup, hardScatter = "hard_scatter", luminousRegion = "luminous_region", ptMin = "pt_min"
        case etaMax = "eta_max", minimumBias = "minimum_bias", hardScatterModel = "hard_scatter_model", gun
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(pileup: c.decodeIfPresent(Double.self, forKey: .pileup) ?? 200,
                      hardScatter: c.decodeIfPresent(Bool.self, forKey: .hardScatter) ?? true,
                      luminousRegion: c.decodeIfPresent(LuminousRegion.self, forKey: .luminousRegion),
                      ptMin: c.decodeIfPresent(Double.self, forKey: .ptMin) ?? 0.1,
                      etaMax: c.decodeIfPresent(Double.self, forKey: .etaMax) ?? 4,
                      minimumBias: c.decodeIfPresent(MinimumBiasModel.self, forKey: .minimumBias),
                      hardScatterModel: c.decodeIfPresent(HardScatterModel.self, forKey: .hardScatterModel),
                      gun: c.decodeIfPresent(ParticleGun.self, forKey: .gun))
    }
}
