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
    /// particle's triplet curvatures); then three passes on the hits no track the ambiguity resolution
    /// keeps from the passes before holds (``ExcludedHits/tracks``): a displaced pass, pT ≥ 0.2 GeV with
    /// |d0| up to 10 mm, the same 5 % tolerance and two unconfirmed seeds (prompt ones only,
    /// |d0| < 0.5 mm); the low-pT pass again with two unconfirmed seeds per middle; and a pass seeding
    /// into the strips. Passes 3 and 4 stop their branches at two holes or one in a row: their
    /// candidates are the softest and most displaced, and a branch that misses modules is mostly a
    /// wrong one (the strip pass keeps the CKF's limits: with pass 3's its fakes rose to 1.3 %).
    ///
    /// Pass 3 is for the particles produced away from the beam line (K⁰s, Λ and other decays, photon
    /// conversions and nuclear interactions in the beam pipe and the first pixel layers), the
    /// primaries whose inner hits scattered their triplet out of the 2 mm window, and the soft
    /// primaries whose own triplet the low-pT pass had ranked below random ones at its middle space
    /// point. Seeding it on the hits the resolved tracks leave (until 2026-11-30: on those of no long
    /// candidate, fakes included) took the TrackML score at μ = 200 from 0.850 to 0.868 (5 events of
    /// seed 31), with the hole limits 0.873 at 0.84 % fakes. Pass 4 gives the soft primaries a second
    /// chance on the cleaned hits, where their triplet ranks first at its middle point.
    ///
    /// Pass 5 seeds into the strips: pixel and short-strip layers (volumes 7, 8, 9, 12, 13, 14),
    /// pT ≥ 0.25 GeV, |d0| ≤ 20 mm, confirmed seeds only (a second top on another layer with the same
    /// curvature) and one per middle space point. The pixel passes cannot confirm a particle with hits
    /// on only three pixel layers — a middle hit on the third barrel layer has one layer above it — so
    /// its triplet competes with 40–150 random unconfirmed ones at its middle point (pass 2 at
    /// μ = 200) and mostly loses; and a particle produced beyond the first pixel layers has no pixel
    /// triplet at all. With the first strip layers as tops and middles both get a confirmed seed.
    ///
    /// At μ = 200 (5 events each of seeds 31 / 1) the strip pass took the TrackML score of the first
    /// three passes from 0.8822 / 0.8813 to 0.8973 / 0.8975, efficiency (pT > 1 GeV) 96.9 → 97.7 %, fakes
    /// 0.55 → 0.71 %, for 0.22 s of seeding and 0.14 s of CKF per event (three seeds per middle point:
    /// +0.001 for twice the CKF time and 0.9 % fakes; pixel middles only, `middle_volumes`: −0.003);
    /// pass 4 then to 0.9023 / 0.9013 at 0.8 % fakes for 0.15 s more. The passes on the resolved
    /// tracks' leftovers cost a near-constant time at low pile-up (the strip pass sees the strips'
    /// noise) and grow faster than the event at high pile-up (the freed hits of fake candidates grow
    /// with μ²); see `docs/SCALING.md`.
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
        var rerun = low
        rerun.excludedHits = .tracks
        rerun.maxUnconfirmedSeedsPerMiddle = 2
        rerun.maxHoles = 2
        rerun.maxConsecutiveHoles = 1
        var strips = low
        strips.seedingVolumes = [7, 8, 9, 12, 13, 14]
        strips.minPt = 0.25
        strips.impactMax = 20
        strips.impactWeight = 0
        strips.maxSeedsPerMiddle = 1
        strips.unconfirmedImpactMax = 0
        strips.maxUnconfirmedSeedsPerMiddle = 0
        strips.excludedHits = .tracks
        return SeedingPasses(passes: [high, low, displaced, rerun, strips])
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
