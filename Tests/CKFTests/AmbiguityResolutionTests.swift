import EventData
import KalmanFinding
import Seeding
import Testing
import Weft

@Suite("Greedy ambiguity resolution")
struct AmbiguityResolutionTests {
    static func state() -> BoundTrackState {
        BoundTrackState(module: 0, parameters: [0, 0, 0, 1, 1], covariance: [Double](repeating: 0, count: 25))
    }

    static func result(_ lists: [[Int32]], chi2: [Float], holes: [Int16]? = nil) -> CKFResult {
        var r = CKFResult()
        for (k, l) in lists.enumerated() {
            r.append(hits: l, chi2: chi2[k], ndf: Int32(2 * l.count - 5), holes: holes?[k] ?? 0, outliers: 0,
                     parameters: TrackParameters(d0: 0, z0: 0, phi: 0, theta: 1, qOverP: 1), seed: Int32(k),
                     innermostState: state())
        }
        return r
    }

    @Test("Duplicates are removed, the best copy kept, other tracks untouched")
    func removesDuplicates() throws {
        let a: [Int32] = Array(0 ..< 10), b: [Int32] = Array(20 ..< 30)
        // Three copies of track a (one shorter, one with a worse χ²) and track b.
        let input = Self.result([a, Array(a.prefix(8)), b, a], chi2: [10, 8, 12, 40])
        let out = try GreedyAmbiguityResolution(config: AmbiguityResolutionConfig()).resolve(input, hitCount: 40)
        #expect(out.count == 2)
        #expect(Array(out.tracks.hits(of: 0)) == a && out.seed[0] == 0)
        #expect(Array(out.tracks.hits(of: 1)) == b)
        #expect(out.tracks.trackOfHit(hitCount: 40) != nil)
    }

    @Test("Tracks sharing one hit both survive; the hit goes to the better one")
    func sharedHit() throws {
        let a: [Int32] = Array(0 ..< 10), b: [Int32] = [9] + Array(20 ..< 29)
        let input = Self.result([a, b], chi2: [10, 30])
        let out = try GreedyAmbiguityResolution(config: AmbiguityResolutionConfig()).resolve(input, hitCount: 40)
        #expect(out.count == 2)
        #expect(out.tracks.hits(of: 0).count == 10)
        #expect(out.tracks.hits(of: 1).count == 9)
        #expect(out.tracks.trackOfHit(hitCount: 40) != nil)
    }

    @Test("A track left too short after sharing is dropped")
    func tooShort() throws {
        let a: [Int32] = Array(0 ..< 10), b: [Int32] = Array(5 ..< 12)
        var config = AmbiguityResolutionConfig(); config.maximumSharedHits = 10
        let out = try GreedyAmbiguityResolution(config: config).resolve(Self.result([a, b], chi2: [5, 5]), hitCount: 20)
        #expect(out.count == 1)
        #expect(Array(out.tracks.hits(of: 0)) == a)
    }

    @Test("A track removed for its shared hits gets a second chance with the hits no kept track holds")
    func secondChance() throws {
        // a and b cross: 6 common hits; b (worse χ²) is removed, then keeps its 6 own hits.
        let a: [Int32] = Array(0 ..< 12), b: [Int32] = Array(6 ..< 18)
        let input = Self.result([a, b], chi2: [10, 30])
        var config = AmbiguityResolutionConfig()
        let out = try GreedyAmbiguityResolution(config: config).resolve(input, hitCount: 20)
        #expect(out.count == 2)
        #expect(Array(out.tracks.hits(of: 0)) == a)
        #expect(Array(out.tracks.hits(of: 1)) == Array(12 ..< 18))
        #expect(out.tracks.trackOfHit(hitCount: 20) != nil)
        // Counting b's 6 lost hits as holes (5 + 6 needed), or no second chance: b is gone.
        config.rescuedLostHitWeight = 1
        #expect(try GreedyAmbiguityResolution(config: config).resolve(input, hitCount: 20).count == 1)
        config.rescuedLostHitWeight = 0
        config.rescueRemovedTracks = false
        #expect(try GreedyAmbiguityResolution(config: config).resolve(input, hitCount: 20).count == 1)
    }

    @Test("Among tracks sharing too many hits, the one with the largest shared fraction goes first")
    func removalOrder() throws {
        // A long track crossed by two short ones, three hits each: the long one shares the most hits
        // (6 of 20) but the smallest part of its own; each short one shares 3 of 7.
        let long: [Int32] = Array(0 ..< 20)
        let first: [Int32] = [0, 1, 2] + Array(30 ..< 34), second: [Int32] = [10, 11, 12] + Array(40 ..< 44)
        var config = AmbiguityResolutionConfig()
        config.rescueRemovedTracks = false
        let input = Self.result([long, first, second], chi2: [20, 12, 9])
        let out = try GreedyAmbiguityResolution(config: config).resolve(input, hitCount: 50)
        // By count the long track would go and both short ones stay.
        #expect(out.count == 1)
        #expect(Array(out.tracks.hits(of: 0)) == long)
    }

    @Test("A later pass leaves out the hits of long candidates, or only those of the tracks the resolution keeps")
    func excludedHitsOfLaterPasses() throws {
        // a and b are two branches through the same 6 hits (b has a worse χ², so the resolution
        // drops it, and its 4 own hits are too few for the second chance); c is short and alone.
        let a: [Int32] = Array(0 ..< 12), b: [Int32] = Array(6 ..< 16), c: [Int32] = Array(30 ..< 36)
        let candidates = Self.result([a, b, c], chi2: [10, 40, 3])
        let chain = try CKFChain(detector: Fixtures.trackml)
        let hitCount = 40
        func flagged(_ hits: [Int32]) -> [Bool] {
            var f = [Bool](repeating: false, count: hitCount)
            for h in hits { f[Int(h)] = true }
            return f
        }
        // Candidates: every hit of a candidate with ≥ mark_used_min_measurements (9) measurements
        // (a and b), none of c.
        #expect(chain.excludedHits(.candidates, candidates: candidates, hitCount: hitCount) == flagged(a + b))
        // Tracks: the resolution keeps a and c; b's own six hits are free again.
        #expect(chain.excludedHits(.tracks, candidates: candidates, hitCount: hitCount) == flagged(a + c))
    }

    @Test("Only candidates within the hole and χ²/ndf limits mark their hits used")
    func markUsedLimits() {
        // a: clean; b: two holes; c: χ²/ndf = 60 / 19 ≈ 3.2; d: χ²/ndf = 80 / 19 ≈ 4.2; e: too short.
        let a: [Int32] = Array(0 ..< 12), b: [Int32] = Array(12 ..< 24), c: [Int32] = Array(24 ..< 36)
        let d: [Int32] = Array(36 ..< 48), e: [Int32] = Array(48 ..< 56)
        let candidates = Self.result([a, b, c, d, e], chi2: [10, 10, 60, 80, 5], holes: [0, 2, 1, 0, 0])
        func flagged(_ hits: [Int32]) -> [Bool] {
            var f = [Bool](repeating: false, count: 60)
            for h in hits { f[Int(h)] = true }
            return f
        }
        var options = CKFOptions()
        // The limits are off by default: every candidate with ≥ 9 measurements marks its hits.
        #expect(candidates.usedHits(hitCount: 60, options: options) == flagged(a + b + c + d))
        options.markUsedMaxHoles = 1
        #expect(candidates.usedHits(hitCount: 60, options: options) == flagged(a + c + d))
        options.markUsedMaxChi2PerNdf = 3.5
        #expect(candidates.usedHits(hitCount: 60, options: options) == flagged(a + c))
        options.markUsedMaxHoles = 0
        #expect(candidates.usedHits(hitCount: 60, options: options) == flagged(a))
        #expect(options.marksHitsUsed(measurements: 12, holes: 0, chi2: 10, ndf: 19))
        #expect(!options.marksHitsUsed(measurements: 8, holes: 0, chi2: 1, ndf: 11))
    }
}
