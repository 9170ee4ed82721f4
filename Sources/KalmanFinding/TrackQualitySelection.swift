import Foundation

/// The track-quality cuts of the ambiguity resolution: a track must have enough measurements for
/// the holes and outliers it collected, a fit χ²/ndf that a real particle gives, and more
/// measurements when its perigee is far from the luminous region.
///
/// Applied by ``GreedyAmbiguityResolution`` to every candidate with all its hits (a candidate that
/// fails then can only fail later too, and dropping it early keeps its hits from the true tracks),
/// then to every surviving or rescued track with the hits left to it after sharing.
///
/// Why these cuts (simulated trackml μ = 200): the fakes are short candidates (5–9 hits) of the
/// low-pT pass, random combinations in the dense pixel end-caps. Compared with true tracks they
/// collect holes and outliers (a hole or outlier is ~10 times likelier on a fake of that length),
/// their χ²/ndf is above 3 (true tracks peak at 0.5–1.5 with the simulated hits measuring better
/// than pitch/√12), and their perigee often lies outside the luminous region (σz ≈ 55 mm: a primary
/// at |z0| > 150 mm is a 2.7 σ rarity, and secondaries from there are long enough to pass).
///
/// Short tracks (4 hits) are kept only when clean, stiff, pointing at the beam line and well fitted:
/// 2–4 % of the pT > 1 GeV particles interact or leave the pixels after 3–4 hits; random 4-hit
/// combinations at that pT almost always have |d0| > 0.3 mm or χ²/ndf > 1.5.
public struct TrackQualitySelection: Sendable {
    /// The settings (fields of ``AmbiguityResolutionConfig``).
    public let config: AmbiguityResolutionConfig

    /// Selection with the cuts of `config`.
    public init(config: AmbiguityResolutionConfig) { self.config = config }

    /// The fewest measurements a track with `holes` holes, `outliers` outliers, perigee (`d0`, `z0`)
    /// (mm) and transverse momentum `pt` (GeV) needs.
    public func requiredMeasurements(holes: Int, outliers: Int, d0: Double, z0: Double, pt: Double = .infinity) -> Int {
        // Each missed module costs extra measurements: a real track that skipped a module still
        // has a long clean arc; a random combination pays for every layer it could not fill.
        var needed = Double(config.minHitsAfterSharing) + config.hitsPerMissing * Double(holes + outliers)
        if abs(z0) > config.displacedZ0 || abs(d0) > config.displacedD0 {
            needed = max(needed, Double(config.displacedMinHits))
        }
        // A short, strongly curved arc is what random hits in the dense pixel end-caps form most
        // easily; a true soft particle crosses many layers before its apex.
        if pt < config.softTrackPt { needed = max(needed, Double(config.softTrackMinHits)) }
        return Int(needed.rounded(.up))
    }

    /// Whether a track with `measurements` hits (after sharing, when it applies), `holes`,
    /// `outliers`, fit `chi2` with `ndf` degrees of freedom and perigee (`d0`, `z0`) (mm) passes.
    /// `pt` is the transverse momentum, GeV.
    public func accepts(measurements: Int, holes: Int, outliers: Int, chi2: Double, ndf: Int, d0: Double, z0: Double,
                        pt: Double) -> Bool {
        let chi2PerNdf = chi2 / Double(max(1, ndf))
        guard chi2PerNdf <= config.maxChi2PerNdf else { return false }
        let needed = requiredMeasurements(holes: holes, outliers: outliers, d0: d0, z0: z0, pt: pt)
        if measurements >= needed { return true }
        return holes == 0 && outliers == 0 && measurements >= config.shortTrackMinHits && pt >= config.shortTrackMinPt
            && abs(d0) <= config.shortTrackMaxD0 && chi2PerNdf <= config.shortTrackMaxChi2PerNdf
            && abs(z0) <= config.displacedZ0
    }

    /// Whether track `t` of `tracks` passes with `measurements` of its hits left (default: all).
    ///
    /// Hits the track lost to better tracks count as missing, like holes, each
    /// `lostHitWeight` of one (rounded up; default ``AmbiguityResolutionConfig/lostHitWeight``): a
    /// track that keeps its length only by sharing is not a track of its own.
    public func accepts(_ tracks: CKFResult, _ t: Int, measurements: Int? = nil, lostHitWeight: Double? = nil) -> Bool {
        let p = tracks.tracks.parameters![t]
        let all = tracks.tracks.hits(of: t).count
        let kept = measurements ?? all
        let lost = Int((Double(all - kept) * (lostHitWeight ?? config.lostHitWeight)).rounded(.up))
        return accepts(measurements: kept, holes: Int(tracks.holes[t]) + lost,
                       outliers: Int(tracks.outliers[t]), chi2: Double(tracks.tracks.chi2![t]), ndf: Int(tracks.ndf[t]),
                       d0: Double(p.d0), z0: Double(p.z0), pt: Double(abs(sin(p.theta) / p.qOverP)))
    }
}
