import EventData
import Testing
import WeftTestSupport
@testable import Evaluation

@Suite("TrackML score")
struct ScoreTests {
    /// Ten particles of 4–12 hits with unequal weights, plus noise.
    static func sample() -> (EventBuilder, [[Int32]], [Int32]) {
        var b = EventBuilder()
        var lists = [[Int32]]()
        for i in 0 ..< 10 {
            lists.append(b.particle(UInt64(100 + i), hits: 4 + i % 9, eta: -2 + 0.4 * Double(i),
                                    weight: Float(1 + i % 3)))
        }
        let noise = b.noise(7)
        return (b, lists, noise)
    }

    static func score(_ b: EventBuilder, _ lists: [[Int32]], weights: WeightChoice = .truth) throws -> Double? {
        let config = try EvaluationConfig(weights: weights)
        return try Evaluator(config: config).evaluate(event: b.event(), tracks: Tracks(hitLists: lists)).trackmlScore
    }

    @Test("a perfect submission scores 1, with or without noise tracks")
    func perfect() throws {
        let (b, lists, noise) = Self.sample()
        #expect(try Self.score(b, lists) == 1)
        #expect(try Self.score(b, lists + [noise]) == 1)
        #expect(try Self.score(b, lists + noise.map { [$0] }) == 1)
        #expect(abs(try Self.score(b, lists, weights: .recomputed)! - 1) < 1e-12)
    }

    @Test("every hit its own track scores 0")
    func singletons() throws {
        let (b, lists, noise) = Self.sample()
        #expect(try Self.score(b, (lists.joined() + noise).map { [$0] }) == 0)
        #expect(try Self.score(b, []) == 0)
    }

    @Test("hand-built partial tracks score the weight of the counted hits")
    func partial() throws {
        var b = EventBuilder()
        let p = b.particle(1, hits: 4, weight: 1)
        let q = b.particle(2, hits: 6, weight: 2)
        let noise = b.noise(2)
        // Total weight 4·1 + 6·2 = 16.
        // Track A: 3 of p + 1 noise → majority p, 3/4 and 3/4 → counts 3.
        // Track B: 3 of q + 2 noise → majority q, 3/5 > half but 3/6 = half of q → 0.
        // Track C: remaining 3 of q + 1 of p → 3/4 but 3/6 → 0.
        let tracks = [[p[0], p[1], p[2], noise[0]], [q[0], q[1], q[2], noise[1]] + [], [q[3], q[4], q[5], p[3]]]
        #expect(try Self.score(b, tracks) == 3.0 / 16.0)
        // Moving one q hit from C to B makes B 4/5 and 4/6: counts 8.
        let tracks2 = [[p[0], p[1], p[2], noise[0]], [q[0], q[1], q[2], q[3], noise[1]], [q[4], q[5], p[3]]]
        #expect(try Self.score(b, tracks2) == 11.0 / 16.0)
    }

    @Test("all weights zero: the score is undefined (nil), not NaN")
    func zeroWeights() throws {
        var b = EventBuilder()
        let p = b.particle(1, hits: 4, weight: 0)
        #expect(try Self.score(b, [p]) == nil)
    }

    /// Randomly corrupts a perfect submission (hits dropped to singletons, tracks merged, noise added)
    /// and checks the score against bounds counted directly: untouched particles score in full (lower
    /// bound), and no particle can score more than its hits left on its own track (upper bound).
    @Test("randomly corrupted submissions score between directly counted bounds", arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func corrupted(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var b = EventBuilder()
        var lists = [[Int32]]()
        for i in 0 ..< 60 {
            lists.append(b.particle(UInt64(1000 + i), hits: Int.random(in: 1 ... 14, using: &rng),
                                    eta: Double.random(in: -3 ... 3, using: &rng),
                                    weight: Float(Int.random(in: 1 ... 5, using: &rng))))
        }
        let noise = b.noise(40)
        let event = b.event()
        let w = event.truth!.weight.map(Double.init)
        let total = w.reduce(0, +)
        let owner = lists.indices.flatMap { t in lists[t].map { _ in t } }   // original track of each particle hit, by row

        var tracks = lists
        var touched = Set<Int>()
        var extra = [[Int32]]()
        for t in tracks.indices {
            switch Int.random(in: 0 ..< 10, using: &rng) {
            case 0, 1, 2:   // drop some hits into singleton tracks
                let k = Int.random(in: 0 ... tracks[t].count, using: &rng)
                for _ in 0 ..< k where !tracks[t].isEmpty {
                    extra.append([tracks[t].remove(at: Int.random(in: 0 ..< tracks[t].count, using: &rng))])
                }
                if k > 0 { touched.insert(t) }
            case 3:         // add noise hits
                if let h = noise.randomElement(using: &rng), !extra.contains([h]), !tracks.contains(where: { $0.contains(h) }) {
                    tracks[t].append(h); touched.insert(t)
                }
            default: break
            }
        }
        // Merge a few pairs of tracks.
        for _ in 0 ..< 5 {
            let a = Int.random(in: 0 ..< tracks.count, using: &rng), c = Int.random(in: 0 ..< tracks.count, using: &rng)
            guard a != c, !tracks[a].isEmpty, !tracks[c].isEmpty else { continue }
            tracks[a] += tracks[c]; tracks[c] = []
            touched.insert(a); touched.insert(c)
        }
        let submitted = tracks.filter { !$0.isEmpty } + extra

        // Lower: particles whose track is intact. Upper: a particle counts on at most one track, with
        // at most the weight of its hits there, so take its best track ignoring the majority rules.
        var lower = 0.0
        for t in lists.indices where !touched.contains(t) { lower += lists[t].reduce(0.0) { $0 + w[Int($1)] } }
        var best = [Double](repeating: 0, count: lists.count)
        for track in submitted {
            var onTrack = [Int: Double]()
            for h in track where Int(h) < owner.count { onTrack[owner[Int(h)], default: 0] += w[Int(h)] }
            for (t, weight) in onTrack { best[t] = max(best[t], weight) }
        }
        let upper = best.reduce(0, +)
        let score = try #require(try Self.score(b, submitted))
        #expect(score >= lower / total - 1e-12)
        #expect(score <= upper / total + 1e-12)
        #expect(lower < total)   // the corruption did something
    }
}
