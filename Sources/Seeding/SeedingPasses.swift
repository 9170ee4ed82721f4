/// The seeding passes of iterative tracking: each pass seeds only from hits that the tracks of the
/// earlier passes left unused, so a clean high-pT pass runs first and a low-pT pass afterwards on a
/// thinned event, where its wide search windows meet far fewer random hits.
///
/// The file `Seeds/<detector>/seeding.json` holds `{"passes": [ {…}, {…} ]}`, each object a
/// ``SeedingConfig`` (missing fields take its defaults).
public struct SeedingPasses: Codable, Sendable, Equatable {
    /// The passes, in the order they run.
    public var passes: [SeedingConfig]

    /// The `trackml` schedule, five passes. (1) pT ≥ 0.6 GeV. (2) pT ≥ 0.15 GeV on the remaining hits,
    /// the best confirmed seed per middle space point only, with a confirmation tolerance that grows
    /// by 5 % of the curvature (scattering spreads a low-pT particle's triplet curvatures). (3) A
    /// displaced pass, pT ≥ 0.25 GeV with |d0| up to 20 mm and confirmed seeds only (beyond 1 mm).
    /// (4) and (5): passes 2 and 3 again, wider, on the hits no track of the ambiguity resolution
    /// holds (``ExcludedHits/tracks``). At μ = 200 a soft particle's own triplet is often outranked
    /// at its middle space point by random triplets through the hits of particles already found;
    /// once those hits are gone it ranks first. Pass 4 keeps three confirmed and two unconfirmed
    /// seeds per middle space point (at 0.15 GeV the windows are wide enough for random triplets to
    /// pass the cuts; a confirming fourth hit removes most, and the track-quality cuts the fakes an
    /// unconfirmed seed grows); pass 5 goes down to 0.2 GeV with two unconfirmed seeds (prompt ones
    /// only, |d0| < 1 mm). Measured on 5 μ = 200 events of seeds 1 and 31, with the resolution of
    /// 2026-11-30: passes 4 and 5 as copies of 2 and 3 +0.019 TrackML score for +0.6 s per event;
    /// widened as here +0.006 more; pass 2 cut to one confirmed seed then costs 0.001 and gives back
    /// 0.1–0.2 s. Rerunning pass 1 as well, or passes 4 and 5 a third time, gains < 0.001.
    ///
    /// Pass 3 is for the particles produced away from the beam line (K⁰s, Λ and other decays, photon
    /// conversions and nuclear interactions in the beam pipe and the first pixel layers) and the
    /// primaries whose inner hits scattered their triplet out of the 2 mm window: on 10 μ = 200 events
    /// it took (at 0.4 GeV and 10 mm) the pT > 1 GeV efficiency from 94.7 to 95.2 % and pT > 0.5 GeV
    /// from 89.6 to 90.6 % at the same fake rate, for 5 % more time. The secondaries it still missed
    /// are mostly soft (below 0.4 GeV) with |d0| of 2–30 mm: 0.25 GeV and 20 mm add 0.005 to the
    /// TrackML score (seeds 1 and 31) at the same fake rate, for 7 % more time.
    ///
    /// The beam-line passes (1, 2, 4) take doublets pointing to |z0| ≤ 200 mm (3.6 σ of the simulated
    /// and the real TrackML luminous region, σz ≈ 55 mm: all but 0.03 % of the vertices); the
    /// displaced passes keep 250 mm. Narrowing from 250 mm keeps fewer random doublets per middle space point,
    /// so the per-middle seed limits keep more true seeds: on the same 10 events efficiency 95.23 →
    /// 95.24 % (pT > 1 GeV) and 90.59 → 90.84 % (pT > 0.5 GeV), score 0.799 → 0.803, seeding 13 %
    /// faster. (150 mm gained more on average but lost a third of the particles from vertices beyond
    /// it: a hole in the luminous region's tails.)
    public static let standard: SeedingPasses = {
        var high = SeedingConfig(minPt: 0.6)
        high.collisionRegionZ = 200
        var lowAgain = SeedingConfig(minPt: 0.15)
        lowAgain.collisionRegionZ = 200
        lowAgain.maxUnconfirmedSeedsPerMiddle = 2
        lowAgain.confirmationRelativeTolerance = 0.05
        lowAgain.excludedHits = .tracks
        var low = lowAgain
        low.maxSeedsPerMiddle = 1
        low.maxUnconfirmedSeedsPerMiddle = 0
        low.excludedHits = .candidates
        var displaced = SeedingConfig(minPt: 0.25)
        displaced.impactMax = 20
        displaced.impactWeight = 0
        var displacedAgain = displaced
        displacedAgain.minPt = 0.2
        displacedAgain.confirmationRelativeTolerance = 0.05
        displacedAgain.maxUnconfirmedSeedsPerMiddle = 2
        displacedAgain.excludedHits = .tracks
        return SeedingPasses(passes: [high, low, displaced, lowAgain, displacedAgain])
    }()

    /// Explicit passes.
    public init(passes: [SeedingConfig]) { self.passes = passes }

    enum CodingKeys: String, CodingKey, CaseIterable { case passes }

    /// Decodes `{"passes": [...]}`; at least one pass is required, unknown fields are an error.
    public init(from decoder: Decoder) throws {
        try UnknownKeyCheck.check(decoder, known: CodingKeys.allCases.map(\.rawValue), type: "seeding passes")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        passes = try c.decode([SeedingConfig].self, forKey: .passes)
        guard !passes.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .passes, in: c, debugDescription: "seeding needs at least one pass")
        }
    }
}
