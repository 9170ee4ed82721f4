import EventData
import KalmanFinding
import Seeding
import Testing

@Suite("Track-quality cuts of the ambiguity resolution")
struct TrackQualitySelectionTests {
    static let selection = TrackQualitySelection(config: AmbiguityResolutionConfig())

    /// Whether a track with these properties passes the default cuts (χ²/ndf 1, central perigee,
    /// pT 2 GeV unless given).
    static func passes(_ n: Int, holes: Int = 0, outliers: Int = 0, chi2PerNdf: Double = 1, d0: Double = 0,
                       z0: Double = 0, pt: Double = 2) -> Bool {
        let ndf = 2 * n - 5
        return selection.accepts(measurements: n, holes: holes, outliers: outliers, chi2: chi2PerNdf * Double(ndf),
                                 ndf: ndf, d0: d0, z0: z0, pt: pt)
    }

    @Test("Each hole or outlier costs one more measurement")
    func missingModules() {
        #expect(Self.passes(5))
        #expect(!Self.passes(7, holes: 2, outliers: 1))
        #expect(Self.passes(8, holes: 2, outliers: 1))
    }

    @Test("A χ²/ndf above the cut fails however long the track")
    func chi2() {
        #expect(Self.passes(12, chi2PerNdf: 3.4))
        #expect(!Self.passes(12, chi2PerNdf: 3.6))
    }

    @Test("A track below 0.3 GeV needs seven measurements")
    func softTracks() {
        #expect(!Self.passes(6, pt: 0.25))
        #expect(Self.passes(7, pt: 0.25))
        #expect(Self.passes(6, pt: 0.35))
        // A floor, like the displaced one: holes and outliers raise the need above 5, not above 7.
        #expect(Self.passes(7, holes: 2, pt: 0.25))
        #expect(!Self.passes(7, holes: 3, pt: 0.25))
    }

    @Test("A perigee outside the luminous region needs ten measurements")
    func displaced() {
        #expect(!Self.passes(9, z0: 200))
        #expect(Self.passes(10, z0: -200))
        #expect(Self.passes(9, z0: 140))
    }

    @Test("Four-hit tracks stay only when clean, stiff, prompt and well fitted")
    func shortTracks() {
        #expect(Self.passes(4, chi2PerNdf: 0.5, d0: 0.1, pt: 1.2))
        #expect(!Self.passes(3, chi2PerNdf: 0.5, d0: 0.1, pt: 1.2))
        #expect(!Self.passes(4, chi2PerNdf: 0.5, d0: 0.5, pt: 1.2))
        #expect(!Self.passes(4, chi2PerNdf: 0.5, d0: 0.1, pt: 0.5))
        #expect(!Self.passes(4, chi2PerNdf: 2, d0: 0.1, pt: 1.2))
        #expect(!Self.passes(4, holes: 1, chi2PerNdf: 0.5, d0: 0.1, pt: 1.2))
    }

    @Test("A track sharing a few hits keeps the rest; the lost hits count as missing, each lost_hit_weight of a hole")
    func sharingStripsHits() throws {
        // No removal (a shares 5 hits; up to 10 allowed): only the unique assignment and the cuts act.
        var config = AmbiguityResolutionConfig()
        config.maximumSharedHits = 10
        config.lostHitWeight = 1
        let a: [Int32] = Array(0 ..< 12)
        // b shares two hits with the better a: it keeps its 7 others (5 + 2 missing needed).
        let b: [Int32] = [10, 11] + Array(20 ..< 27)
        // c shares one hit with a, and keeps only 5 of its 6 (6 needed): dropped.
        let c: [Int32] = [2] + Array(30 ..< 35)
        // d shares two hits with a and keeps 6 of its 8: dropped at weight 1 (7 needed), kept at
        // weight 0.5 (6 needed).
        let d: [Int32] = [4, 5] + Array(36 ..< 42)
        let input = AmbiguityResolutionTests.result([a, b, c, d], chi2: [10, 20, 12, 14])
        let out = try GreedyAmbiguityResolution(config: config).resolve(input, hitCount: 50)
        #expect(out.count == 2)
        #expect(Array(out.tracks.hits(of: 0)) == a)
        #expect(Array(out.tracks.hits(of: 1)) == Array(20 ..< 27))
        config.lostHitWeight = 0.5
        let half = try GreedyAmbiguityResolution(config: config).resolve(input, hitCount: 50)
        #expect(half.count == 3)
        #expect(Array(half.tracks.hits(of: 2)) == Array(36 ..< 42))
    }

    @Test("Candidates failing the cuts with all their hits take no part in the sharing")
    func prefilter() throws {
        let a: [Int32] = Array(0 ..< 8)
        // A high-χ² candidate holding all of a's hits and more would otherwise push a out.
        let bad: [Int32] = Array(0 ..< 8) + Array(20 ..< 26)
        let input = AmbiguityResolutionTests.result([a, bad], chi2: [5, 200])
        let out = try GreedyAmbiguityResolution(config: AmbiguityResolutionConfig()).resolve(input, hitCount: 40)
        #expect(out.count == 1)
        #expect(Array(out.tracks.hits(of: 0)) == a)
    }

    @Test("Out-of-range cuts are rejected with the field's key")
    func invalid() {
        var c = AmbiguityResolutionConfig(); c.maxChi2PerNdf = 0
        #expect { try GreedyAmbiguityResolution(config: c) } throws: { error in
            if case KalmanFindingError.invalidConfig(field: "max_chi2_per_ndf", reason: _) = error { return true }
            return false
        }
        var s = AmbiguityResolutionConfig(); s.shortTrackMinHits = 2
        #expect { try GreedyAmbiguityResolution(config: s) } throws: { error in
            if case KalmanFindingError.invalidConfig(field: "short_track_min_hits", reason: _) = error { return true }
            return false
        }
    }
}
