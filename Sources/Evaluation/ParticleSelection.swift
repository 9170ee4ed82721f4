/// Which particles count in the efficiency denominator (DESIGN §4).
///
/// A particle is selected when `pT > ptMin`, `|η| < absEtaMax` and it has at least `minHits` truth hits
/// (hits counted from the truth rows, not from the particle table's `nhits`, which for subsets may count
/// the parent event). Noise and particles absent from the particle table are never selected.
public struct ParticleSelection: Codable, Sendable, Equatable {
    /// Lower transverse-momentum cut in GeV (exclusive).
    public var ptMin: Double
    /// Upper cut on |pseudorapidity| (exclusive, dimensionless).
    public var absEtaMax: Double
    /// Minimum number of truth hits (inclusive).
    public var minHits: Int

    /// A selection; the defaults are DESIGN §4's: pT > 1 GeV, |η| < 4, at least 3 hits.
    public init(ptMin: Double = 1.0, absEtaMax: Double = 4.0, minHits: Int = 3) {
        self.ptMin = ptMin; self.absEtaMax = absEtaMax; self.minHits = minHits
    }

    /// DESIGN §4's default selection.
    public static let standard = ParticleSelection()

    /// The same selection with another pT cut (GeV).
    public func with(ptMin: Double) -> ParticleSelection {
        var s = self; s.ptMin = ptMin; return s
    }

    /// Whether a particle with these properties passes (NaN kinematics never pass).
    @inlinable public func accepts(pT: Double, eta: Double, hitCount: Int) -> Bool {
        pT > ptMin && abs(eta) < absEtaMax && hitCount >= minHits
    }

    /// Whether a particle passes every cut except the pT cut (for efficiency versus pT).
    @inlinable public func acceptsIgnoringPt(eta: Double, hitCount: Int) -> Bool {
        abs(eta) < absEtaMax && hitCount >= minHits
    }

    /// A short human-readable form, e.g. `pT > 1 GeV, |η| < 4, ≥ 3 hits`.
    public var label: String { "pT > \(Self.format(ptMin)) GeV, " + labelWithoutPt }

    /// The label of the cuts other than pT, e.g. `|η| < 4, ≥ 3 hits`.
    public var labelWithoutPt: String { "|η| < \(Self.format(absEtaMax)), ≥ \(minHits) hits" }

    enum CodingKeys: String, CodingKey {
        case ptMin = "pt_min", absEtaMax = "abs_eta_max", minHits = "min_hits"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(ptMin: try c.decodeIfPresent(Double.self, forKey: .ptMin) ?? 1.0,
                  absEtaMax: try c.decodeIfPresent(Double.self, forKey: .absEtaMax) ?? 4.0,
                  minHits: try c.decodeIfPresent(Int.self, forKey: .minHits) ?? 3)
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(x)
    }
}
