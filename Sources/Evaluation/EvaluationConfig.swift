/// What the evaluator measures and how it bins it.
///
/// Every field has a documented default; decoding a JSON object fills missing fields with them and
/// validates the result like ``init(selection:lowPtCut:ptBinning:etaBinning:weights:magneticField:confidenceLevel:)``.
public struct EvaluationConfig: Codable, Sendable, Equatable {
    /// The particle selection for the headline efficiency (default pT > 1 GeV, |η| < 4, ≥ 3 hits).
    public var selection: ParticleSelection
    /// The pT cut in GeV of the second efficiency (`efficiency_pt05`; default 0.5 GeV); the other cuts
    /// are those of ``selection``.
    public var lowPtCut: Double
    /// pT bins in GeV for efficiency, fake and duplicate rates and edge metrics (default 20 log bins, 0.5–100 GeV).
    public var ptBinning: Binning
    /// η bins (dimensionless; default 16 bins from −4 to 4).
    public var etaBinning: Binning
    /// Which TrackML weights to score with (default: the truth file's when present).
    public var weights: WeightChoice
    /// Solenoid field in tesla, used only to estimate the pT of tracks without fitted parameters
    /// (default 2 T, the TrackML detector).
    public var magneticField: Double
    /// Confidence level of the Clopper–Pearson intervals (default 0.6827, one Gaussian σ).
    public var confidenceLevel: Double

    /// A validated configuration.
    ///
    /// - Throws: ``EvaluationError/invalidArgument(_:)`` for a non-positive field, a confidence level
    ///   outside (0, 1), a negative pT cut, a negative hit count or a non-positive η cut.
    public init(selection: ParticleSelection = .standard, lowPtCut: Double = 0.5,
                ptBinning: Binning = .defaultPt, etaBinning: Binning = .defaultEta,
                weights: WeightChoice = .automatic, magneticField: Double = 2.0,
                confidenceLevel: Double = BinomialInterval.oneSigma) throws {
        guard selection.ptMin >= 0, lowPtCut >= 0 else { throw EvaluationError.invalidArgument("pT cuts must be ≥ 0 GeV") }
        guard selection.absEtaMax > 0 else { throw EvaluationError.invalidArgument("the |η| cut must be > 0") }
        guard selection.minHits >= 0 else { throw EvaluationError.invalidArgument("the minimum hit count must be ≥ 0") }
        guard magneticField > 0, magneticField.isFinite else { throw EvaluationError.invalidArgument("magnetic field must be > 0 T") }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw EvaluationError.invalidArgument("confidence level must be in (0, 1), got \(confidenceLevel)")
        }
        self.selection = selection; self.lowPtCut = lowPtCut
        self.ptBinning = ptBinning; self.etaBinning = etaBinning
        self.weights = weights; self.magneticField = magneticField; self.confidenceLevel = confidenceLevel
    }

    /// The selection of `efficiency_pt05`: ``selection`` with the pT cut set to ``lowPtCut``.
    public var lowPtSelection: ParticleSelection { selection.with(ptMin: lowPtCut) }

    enum CodingKeys: String, CodingKey {
        case selection, lowPtCut = "low_pt_cut", ptBinning = "pt_bins", etaBinning = "eta_bins"
        case weights, magneticField = "magnetic_field", confidenceLevel = "confidence_level"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            selection: c.decodeIfPresent(ParticleSelection.self, forKey: .selection) ?? .standard,
            lowPtCut: c.decodeIfPresent(Double.self, forKey: .lowPtCut) ?? 0.5,
            ptBinning: c.decodeIfPresent(Binning.self, forKey: .ptBinning) ?? .defaultPt,
            etaBinning: c.decodeIfPresent(Binning.self, forKey: .etaBinning) ?? .defaultEta,
            weights: c.decodeIfPresent(WeightChoice.self, forKey: .weights) ?? .automatic,
            magneticField: c.decodeIfPresent(Double.self, forKey: .magneticField) ?? 2.0,
            confidenceLevel: c.decodeIfPresent(Double.self, forKey: .confidenceLevel) ?? BinomialInterval.oneSigma)
    }
}
