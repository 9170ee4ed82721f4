/// How one class of modules turns energy deposits into cells and hits.
///
/// Charge is measured in *path-equivalent millimetres*: a minimum-ionising particle deposits charge
/// proportional to its path length in the sensor, so a path of 0.15 mm deposits 0.15 units. The
/// defaults of each class (``DigitizationTable``) are derived from the cells of the real TrackML event
/// 000000001 (see docs/SIMULATION.md).
public struct DigitizationConfig: Codable, Equatable, Sendable {
    /// How cell values are read out.
    public enum Readout: String, Codable, Sendable {
        /// The cell value is the collected charge times ``DigitizationConfig/chargeScale``.
        case analog
        /// Every cell above threshold reads 1 (binary strips).
        case binary
    }

    /// Analog or binary readout (default analog).
    public var readout: Readout
    /// Smallest charge a cell must collect to be read out, in path-equivalent mm (default 0.01).
    public var threshold: Double
    /// Cell value per path-equivalent mm of charge for analog readout (default 1).
    public var chargeScale: Double
    /// Tangent of the Lorentz angle at the nominal field: charge drifting to the readout side moves
    /// sideways by this times the drift distance, scaled by the in-plane field component (default 0).
    public var lorentzTangent: Double
    /// Width σ in mm of the charge cloud when it reaches the readout plane (default 0).
    public var diffusionSigma: Double
    /// Relative Gaussian fluctuation of each cell's charge (energy-loss fluctuations and electronic
    /// noise; default 0).
    public var chargeNoise: Double
    /// Whether the hit position is corrected for the mean Lorentz displacement, as the cluster
    /// reconstruction of real detectors does (default false: the TrackML hits are not corrected — their
    /// barrel pixel residuals of 9 µm need the uncorrected shift).
    public var correctLorentzShift: Bool
    /// Probability that a crossing leaves no hit at all (dead or inefficient channel; default 0).
    public var inefficiency: Double
    /// Mean number of noise hits per module per event (default 0).
    public var noisePerModule: Double

    /// A validated configuration.
    ///
    /// - Throws: ``SimulationError/invalidConfiguration(_:)`` for negative values or probabilities above 1.
    public init(readout: Readout = .analog, threshold: Double = 0.01, chargeScale: Double = 1, lorentzTangent: Double = 0,
                diffusionSigma: Double = 0, chargeNoise: Double = 0, correctLorentzShift: Bool = false, inefficiency: Double = 0,
                noisePerModule: Double = 0) throws {
        for (name, value) in [("threshold", threshold), ("charge_scale", chargeScale), ("diffusion_sigma", diffusionSigma), ("charge_noise", chargeNoise),
                              ("noise_per_module", noisePerModule)] where !(value >= 0 && value.isFinite) {
            throw SimulationError.invalidConfiguration("digitization \(name) must be finite and ≥ 0, got \(value)")
        }
        guard lorentzTangent.isFinite, abs(lorentzTangent) <= 10 else {
            throw SimulationError.invalidConfiguration("digitization lorentz_tangent must be in [−10, 10]")
        }
        guard (0 ... 1).contains(inefficiency) else {
            throw SimulationError.invalidConfiguration("digitization inefficiency must be in [0, 1]")
        }
        self.readout = readout; self.threshold = threshold; self.chargeScale = chargeScale
        self.lorentzTangent = lorentzTangent; self.diffusionSigma = diffusionSigma; self.chargeNoise = chargeNoise
        self.correctLorentzShift = correctLorentzShift
        self.inefficiency = inefficiency; self.noisePerModule = noisePerModule
    }

    enum CodingKeys: String, CodingKey {
        case readout, threshold, chargeScale = "charge_scale", lorentzTangent = "lorentz_tangent"
        case diffusionSigma = "diffusion_sigma", chargeNoise = "charge_noise", correctLorentzShift = "correct_lorentz_shift", inefficiency
        case noisePerModule = "noise_per_module"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(readout: c.decodeIfPresent(Readout.self, forKey: .readout) ?? .analog,
                      threshold: c.decodeIfPresent(Double.self, forKey: .threshold) ?? 0.01,
                      chargeScale: c.decodeIfPresent(Double.self, forKey: .chargeScale) ?? 1,
                      lorentzTangent: c.decodeIfPresent(Double.self, forKey: .lorentzTangent) ?? 0,
                      diffusionSigma: c.decodeIfPresent(Double.self, forKey: .diffusionSigma) ?? 0,
                      chargeNoise: c.decodeIfPresent(Double.self, forKey: .chargeNoise) ?? 0,
                      correctLorentzShift: c.decodeIfPresent(Bool.self, forKey: .correctLorentzShift) ?? false,
                      inefficiency: c.decodeIfPresent(Double.self, forKey: .inefficiency) ?? 0,
                      noisePerModule: c.decodeIfPresent(Double.self, forKey: .noisePerModule) ?? 0)
    }

    /// No thresholds, no smearing, no inefficiency, no noise: every crossing gives exactly one hit
    /// (the configuration of the exact-hit tests).
    public static let ideal = try! DigitizationConfig(readout: .analog, threshold: 0, chargeScale: 1)
}
