import Detector

/// The digitisation settings of every module: one ``DigitizationConfig`` per sensor class, with
/// optional per-volume overrides.
///
/// A module is a *strip* when its v pitch is at least four times its u pitch, a *long strip* when in
/// addition its v pitch is at least 5 mm, a *pixel* otherwise; barrel and end-cap classes differ because
/// the field is in the sensor plane in the barrel (Lorentz drift) and along the normal in the end-caps.
///
/// Defaults, from the cells of the real TrackML event 000000001 (throw-away analysis, numbers in
/// docs/SIMULATION.md):
/// - pixel values are 1.0 per mm of path in the barrel and 2.0 per mm in the end-caps, with a narrow
///   spread (no Landau tail is visible), and cells below 0.006 are absent; strip cells read 1 (binary);
/// - cluster widths in the barrels (pixels 1.8 × 6.2 cells, short strips 2.3, long strips 3.2) follow
///   from the module tilt and the track angles plus a Lorentz drift of tan θ_L = 0.1 that the TrackML
///   hit positions do not correct for (it brings the barrel rφ residuals to the real 9, 16 and 20 µm);
/// - end-cap clusters (pixels 1.07 × 1.5, short strips 1.65, long strips 3.0) need a charge cloud of
///   σ = 4, 20 and 60 µm respectively;
/// - cell charges fluctuate by 10 % (the real barrel pixel z residual, 2.7 µm on clusters of ~6
///   pixels, needs such a spread; a perfectly uniform deposit gives 1.1 µm);
/// - noise: the real event 1001 holds 17 470 noise hits (its hits minus the sum of its particles'
///   `nhits`), spread over the volumes as the noise of event 000000001: 0.69 hits per module per event
///   in the pixel barrel and 0.97 elsewhere;
/// - an assumed inefficiency of 0.2 % per crossing (dead channels; the data do not constrain it
///   below about 1 %).
public struct DigitizationTable: Codable, Equatable, Sendable {
    /// Pixels in barrel layers.
    public var pixelBarrel: DigitizationConfig
    /// Pixels in end-cap discs.
    public var pixelEndcap: DigitizationConfig
    /// Strips in barrel layers.
    public var stripBarrel: DigitizationConfig
    /// Strips in end-cap discs.
    public var stripEndcap: DigitizationConfig
    /// Long strips (v pitch ≥ 5 mm) in barrel layers.
    public var longStripBarrel: DigitizationConfig
    /// Long strips in end-cap discs.
    public var longStripEndcap: DigitizationConfig
    /// Per-volume replacements, keyed by the volume number as a string (JSON object keys are strings).
    public var volumes: [String: DigitizationConfig]

    /// The TrackML-derived defaults of every class (see the type's description).
    public static let trackMLDefaults = try! DigitizationTable(
        pixelBarrel: DigitizationConfig(readout: .analog, threshold: 0.006, chargeScale: 1.0, lorentzTangent: 0.1,
                                        diffusionSigma: 0, chargeNoise: 0.1, inefficiency: 0.002, noisePerModule: 0.69),
        pixelEndcap: DigitizationConfig(readout: .analog, threshold: 0.006, chargeScale: 2.0, lorentzTangent: 0.1,
                                        diffusionSigma: 0.004, chargeNoise: 0.1, inefficiency: 0.002, noisePerModule: 0.97),
        stripBarrel: DigitizationConfig(readout: .binary, threshold: 0.02, lorentzTangent: 0.1,
                                        diffusionSigma: 0, inefficiency: 0.002, noisePerModule: 0.97),
        stripEndcap: DigitizationConfig(readout: .binary, threshold: 0.02, lorentzTangent: 0,
                                        diffusionSigma: 0.02, inefficiency: 0.002, noisePerModule: 0.97),
        longStripBarrel: DigitizationConfig(readout: .binary, threshold: 0.02, lorentzTangent: 0.1,
                                            diffusionSigma: 0, inefficiency: 0.002, noisePerModule: 0.97),
        longStripEndcap: DigitizationConfig(readout: .binary, threshold: 0.02, lorentzTangent: 0,
                                            diffusionSigma: 0.06, inefficiency: 0.002, noisePerModule: 0.97),
        volumes: [:])

    /// A table with every class set to `config` and no overrides.
    public static func uniform(_ config: DigitizationConfig) -> DigitizationTable {
        try! DigitizationTable(pixelBarrel: config, pixelEndcap: config, stripBarrel: config, stripEndcap: config,
                               longStripBarrel: config, longStripEndcap: config, volumes: [:])
    }

    /// A table from its classes and overrides.
    ///
    /// - Throws: ``SimulationError/invalidConfiguration(_:)`` when an override key is not a volume number.
    public init(pixelBarrel: DigitizationConfig, pixelEndcap: DigitizationConfig, stripBarrel: DigitizationConfig,
                stripEndcap: DigitizationConfig, longStripBarrel: DigitizationConfig, longStripEndcap: DigitizationConfig,
                volumes: [String: DigitizationConfig]) throws {
        for key in volumes.keys where Int32(key) == nil {
            throw SimulationError.invalidConfiguration("digitization override key '\(key)' is not a volume number")
        }
        self.pixelBarrel = pixelBarrel; self.pixelEndcap = pixelEndcap
        self.stripBarrel = stripBarrel; self.stripEndcap = stripEndcap
        self.longStripBarrel = longStripBarrel; self.longStripEndcap = longStripEndcap; self.volumes = volumes
    }

    enum CodingKeys: String, CodingKey {
        case pixelBarrel = "pixel_barrel", pixelEndcap = "pixel_endcap", stripBarrel = "strip_barrel"
        case stripEndcap = "strip_endcap", longStripBarrel = "long_strip_barrel", longStripEndcap = "long_strip_endcap"
        case volumes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self.trackMLDefaults
        try self.init(pixelBarrel: c.decodeIfPresent(DigitizationConfig.self, forKey: .pixelBarrel) ?? d.pixelBarrel,
                      pixelEndcap: c.decodeIfPresent(DigitizationConfig.self, forKey: .pixelEndcap) ?? d.pixelEndcap,
                      stripBarrel: c.decodeIfPresent(DigitizationConfig.self, forKey: .stripBarrel) ?? d.stripBarrel,
                      stripEndcap: c.decodeIfPresent(DigitizationConfig.self, forKey: .stripEndcap) ?? d.stripEndcap,
                      longStripBarrel: c.decodeIfPresent(DigitizationConfig.self, forKey: .longStripBarrel) ?? d.longStripBarrel,
                      longStripEndcap: c.decodeIfPresent(DigitizationConfig.self, forKey: .longStripEndcap) ?? d.longStripEndcap,
                      volumes: c.decodeIfPresent([String: DigitizationConfig].self, forKey: .volumes) ?? [:])
    }

    /// Whether a sensor with these pitches (mm) is read as strips.
    public static func isStrip(pitchU: Double, pitchV: Double) -> Bool { pitchV >= 4 * pitchU }

    /// The settings of a module of volume `volume`, layer kind `kind` and pitches `pitchU`, `pitchV` (mm).
    public func config(volume: Int32, kind: LayerKind, pitchU: Double, pitchV: Double) -> DigitizationConfig {
        if let o = volumes[String(volume)] { return o }
        let strip = Self.isStrip(pitchU: pitchU, pitchV: pitchV), long = strip && pitchV >= 5
        switch (strip, long, kind) {
        case (false, _, .barrel): return pixelBarrel
        case (false, _, .endcap): return pixelEndcap
        case (true, false, .barrel): return stripBarrel
        case (true, false, .endcap): return stripEndcap
        case (true, true, .barrel): return longStripBarrel
        case (true, true, .endcap): return longStripEndcap
        }
    }
}
