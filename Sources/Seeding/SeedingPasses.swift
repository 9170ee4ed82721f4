/// The seeding passes of iterative tracking: each pass seeds only from hits that the tracks of the
/// earlier passes left unused, so a clean high-pT pass runs first and a low-pT pass afterwards on a
/// thinned event, where its wide search windows meet far fewer random hits.
///
/// The file `Seeds/<detector>/seeding.json` holds `{"passes": [ {…}, {…} ]}`, each object a
/// ``SeedingConfig`` (missing fields take its defaults).
public struct SeedingPasses: Codable, Sendable, Equatable {
    /// The passes, in the order they run.
    public var passes: [SeedingConfig]

    /// The `trackml` schedule: pT ≥ 0.6 GeV, then pT ≥ 0.15 GeV on the remaining hits with confirmed
    /// seeds first and one unconfirmed seed per middle space point (at 0.15 GeV the windows are wide
    /// enough for random noise triplets to pass the cuts; a confirming fourth hit removes most, and
    /// the track-quality cuts of the ambiguity resolution the fakes the unconfirmed seed grows) and a
    /// confirmation tolerance that grows by 5 % of the curvature (scattering spreads a low-pT
    /// particle's triplet curvatures); then a displaced pass, pT ≥ 0.2 GeV with |d0| up to 10 mm, the
    /// same 5 % tolerance and two unconfirmed seeds (prompt ones only, |d0| < 0.5 mm), on the hits no
    /// track the ambiguity resolution keeps from the first two passes holds (``ExcludedHits/tracks``);
    /// then a pass seeding into the strips (below).
    ///
    /// Pass 3 is for the particles produced away from the beam line (K⁰s, Λ and other decays, photon
    /// conversions and nuclear interactions in the beam pipe and the first pixel layers), the
    /// primaries whose inner hits scattered their triplet out of the 2 mm window, and the soft
    /// primaries whose own triplet the low-pT pass had ranked below random ones at its middle space
    /// point. Seeding it on the hits the resolved tracks leave (until 2026-11-30: on those of no long
    /// candidate, fakes included) took the TrackML score at μ = 200 from 0.850 to 0.868 (5 events of
    /// seed 31); with |d0| ≤ 10 mm, |z0| ≤ 200 mm, prompt unconfirmed seeds below 0.5 mm and its
    /// branches stopped at two holes or one in a row (its candidates are the softest and most
    /// displaced: a branch that misses modules is mostly a wrong one), 0.873 at 0.84 % fakes. Its
    /// seeds grow faster than the event (the freed hits of fake candidates grow with μ²), which
    /// raises the scan exponent of the chain (see `docs/SCALING.md`).
    ///
    /// Pass 4 seeds into the strips: pixel and short-strip layers (volumes 7, 8, 9, 12, 13, 14),
    /// pT ≥ 0.25 GeV, |d0| ≤ 20 mm, on the hits no resolved track holds, confirmed seeds only (a
    /// second top on another layer with the same curvature) and one per middle space point. The pixel
    /// passes cannot confirm a particle with hits on only three pixel layers — a middle hit on the
    /// third barrel layer has one layer above it — so its triplet competes with 40–150 random
    /// unconfirmed ones at its middle point (pass 2 at μ = 200) and mostly loses; and a particle
    /// produced beyond the first pixel layers has no pixel triplet at all. With the first strip layers
    /// as tops and middles both get a confirmed seed. At μ = 200 (5 events of seed 31) the TrackML
    /// score went from 0.882 to 0.897, efficiency (pT > 1 GeV) 96.9 → 97.7 %, fakes 0.55 → 0.71 %, for
    /// 0.22 s of seeding and 0.14 s of CKF per event; three seeds per middle point gained 0.001 more for
    /// twice the CKF time and 0.9 % fakes, pixel middles only (`middle_volumes`) lost 0.003.
    ///
    /// `Seeds/trackml/seeding-iterative.json` adds two passes that rerun the low-pT and displaced
    /// seeding on the hits no resolved track holds: +0.008 TrackML score at μ = 200 over this
    /// schedule (fakes 0.7–0.8 %), but a steeper growth with pile-up, so it is an option, not the
    /// default.
    ///
    /// The two beam-line passes take doublets pointing to |z0| ≤ 200 mm (3.6 σ of the simulated and
    /// the real TrackML luminous region, σz ≈ 55 mm: all but 0.03 % of the vertices). Narrowing from
    /// 250 mm keeps fewer random doublets per middle space point, so the per-middle seed limits keep
    /// more true seeds: on 10 events efficiency 95.23 → 95.24 % (pT > 1 GeV) and 90.59 → 90.84 %
    /// (pT > 0.5 GeV), score 0.799 → 0.803, seeding 13 % faster. (150 mm gained more on average but
    /// lost a third of the particles from vertices beyond it: a hole in the luminous region's tails.)
    public static let standard: SeedingPasses = {
        var high = SeedingConfig(minPt: 0.6)
        high.collisionRegionZ = 200
        var low = SeedingConfig(minPt: 0.15)
        low.collisionRegionZ = 200
        low.maxUnconfirmedSeedsPerMiddle = 1
        low.confirmationRelativeTolerance = 0.05
        var displaced = SeedingConfig(minPt: 0.2)
        displaced.collisionRegionZ = 200
        displaced.impactMax = 10
        displaced.impactWeight = 0
        displaced.excludedHits = .tracks
        displaced.confirmationRelativeTolerance = 0.05
        displaced.maxUnconfirmedSeedsPerMiddle = 2
        displaced.unconfirmedImpactMax = 0.5
        displaced.maxHoles = 2
        displaced.maxConsecutiveHoles = 1
        var strips = low
        strips.seedingVolumes = [7, 8, 9, 12, 13, 14]
        strips.minPt = 0.25
        strips.impactMax = 20
        strips.impactWeight = 0
        strips.maxSeedsPerMiddle = 1
        strips.unconfirmedImpactMax = 0
        strips.maxUnconfirmedSeedsPerMiddle = 0
        strips.excludedHits = .tracks
        return SeedingPasses(passes: [high, low, displaced, strips])
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
