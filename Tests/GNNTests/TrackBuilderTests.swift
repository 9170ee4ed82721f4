import EventData
import Testing
import TrackBuilding
import WeftTestSupport

@Suite struct TrackBuilderTests {
    /// Runs the builder on edges given as (source, target, score).
    static func build(_ edges: [(Int32, Int32, Float)], nodes: Int, minHits: Int = 3, cut: Float = 0.5,
                      insert: Bool = true) throws -> TrackBuildingResult {
        let builder = TrackBuilder(config: try TrackBuildingConfig(scoreCut: cut, minHits: minHits, insertSkippedHits: insert))
        return try builder.run(nodeCount: nodes, source: edges.map(\.0), target: edges.map(\.1), scores: edges.map(\.2),
                               scratch: TrackBuildingScratch())
    }

    static func lists(_ r: TrackBuildingResult) -> [[Int32]] { (0 ..< r.tracks.count).map { Array(r.tracks.hits(of: $0)) } }

    @Test func chainBecomesOneTrack() throws {
        let r = try Self.build([(2, 3, 0.9), (0, 1, 0.8), (1, 2, 0.7)], nodes: 5)
        #expect(Self.lists(r) == [[0, 1, 2, 3]])
        #expect(r.statistics.chainComponents == 1 && r.statistics.junctionComponents == 0 && r.statistics.assignedHits == 4)
    }

    @Test func splitGoesToTheHigherScoreBranch() throws {
        // 0 → 1 → 2, then 2 → 3 → 4 (0.9) or 2 → 5 → 6 (0.7).
        let edges: [(Int32, Int32, Float)] = [(0, 1, 0.9), (1, 2, 0.9), (2, 5, 0.7), (5, 6, 0.7), (2, 3, 0.9), (3, 4, 0.9)]
        let r = try Self.build(edges, nodes: 7)
        #expect(Self.lists(r) == [[0, 1, 2, 3, 4]])
        #expect(r.statistics.junctionComponents == 1)
        // The losing branch is a track of its own when short tracks are allowed.
        #expect(Self.lists(try Self.build(edges, nodes: 7, minHits: 2)) == [[0, 1, 2, 3, 4], [5, 6]])
    }

    @Test func mergeGoesToTheHigherScoreBranch() throws {
        let edges: [(Int32, Int32, Float)] = [(0, 2, 0.6), (1, 2, 0.95), (2, 3, 0.9), (3, 4, 0.9)]
        #expect(Self.lists(try Self.build(edges, nodes: 5)) == [[1, 2, 3, 4]])
    }

    @Test func cycleIsBrokenAtItsWeakestEdge() throws {
        let r = try Self.build([(0, 1, 0.9), (1, 2, 0.8), (2, 0, 0.7)], nodes: 3)
        #expect(Self.lists(r) == [[0, 1, 2]])
        #expect(r.statistics.junctionComponents == 1)
    }

    @Test func isolatedHitsAndWeakEdgesMakeNoTracks() throws {
        let r = try Self.build([(0, 1, 0.4), (1, 2, 0.5), (3, 3, 0.99)], nodes: 6)
        #expect(r.tracks.count == 0)
        #expect(r.statistics.keptEdges == 0 && r.statistics.components == 0)
    }

    @Test func shortChainsAreDropped() throws {
        let r = try Self.build([(0, 1, 0.9), (2, 3, 0.9), (3, 4, 0.9)], nodes: 5)
        #expect(Self.lists(r) == [[2, 3, 4]])
        #expect(r.statistics.components == 2)
    }

    @Test func skippedHitIsPutBack() throws {
        // The edge 0 → 2 jumps over hit 1 and outscores 0 → 1 and 1 → 2.
        let edges: [(Int32, Int32, Float)] = [(0, 1, 0.6), (1, 2, 0.65), (0, 2, 0.95), (2, 3, 0.9)]
        let r = try Self.build(edges, nodes: 4)
        #expect(Self.lists(r) == [[0, 1, 2, 3]])
        #expect(r.statistics.insertedHits == 1)
        #expect(Self.lists(try Self.build(edges, nodes: 4, insert: false)) == [[0, 2, 3]])
    }

    @Test func everyHitInAtMostOneTrackAndOrderOfEdgesIrrelevant() throws {
        // A dense random directed graph with distinct scores.
        var rng = SplitMix64(seed: 5)
        var edges: [(Int32, Int32, Float)] = []
        for k in 0 ..< 600 {
            let a = Int32(rng.next() % 150), b = Int32(rng.next() % 150)
            edges.append((a, b, 0.3 + 0.7 * Float(k) / 600))
        }
        edges.shuffle(using: &rng)
        let r = try Self.build(edges, nodes: 150)
        #expect(r.tracks.trackOfHit(hitCount: 150) != nil)
        #expect((0 ..< r.tracks.count).allSatisfy { r.tracks.hits(of: $0).count >= 3 })
        // Consecutive track hits are kept edges.
        let keptPairs = Set(edges.filter { $0.2 > 0.5 }.map { Int64($0.0) << 32 | Int64($0.1) })
        for t in 0 ..< r.tracks.count {
            let hits = Array(r.tracks.hits(of: t))
            for (a, b) in zip(hits, hits.dropFirst()) { #expect(keptPairs.contains(Int64(a) << 32 | Int64(b))) }
        }
        edges.shuffle(using: &rng)
        #expect(Self.lists(try Self.build(edges, nodes: 150)) == Self.lists(r))
    }

    @Test func badInputIsRejected() throws {
        let builder = TrackBuilder(config: try TrackBuildingConfig())
        #expect(throws: TrackBuildingError.self) {
            try builder.run(nodeCount: 3, source: [0], target: [5], scores: [0.9], scratch: TrackBuildingScratch())
        }
        #expect(throws: TrackBuildingError.self) {
            try builder.run(nodeCount: 3, source: [0, 1], target: [1, 2], scores: [0.9], scratch: TrackBuildingScratch())
        }
        #expect(throws: TrackBuildingError.self) { try TrackBuildingConfig(scoreCut: 1.5) }
    }

    @Test func scratchReuseGivesTheSameTracks() throws {
        let builder = TrackBuilder(config: try TrackBuildingConfig())
        let scratch = TrackBuildingScratch()
        let big: [(Int32, Int32, Float)] = (0 ..< 50).map { (Int32($0), Int32($0 + 1), 0.9) }
        _ = try builder.run(nodeCount: 60, source: big.map(\.0), target: big.map(\.1), scores: big.map(\.2), scratch: scratch)
        let small: [(Int32, Int32, Float)] = [(0, 1, 0.9), (1, 2, 0.9), (2, 3, 0.8), (1, 3, 0.7)]
        let reused = try builder.run(nodeCount: 4, source: small.map(\.0), target: small.map(\.1), scores: small.map(\.2), scratch: scratch)
        #expect(reused == (try Self.build(small, nodes: 4)))
    }
}
