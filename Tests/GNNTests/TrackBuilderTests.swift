import EventData
import Foundation
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

    // MARK: Track shape: helix fit, pT-dependent length, joins and merges.

    /// Points of a helix from (0, 0, z0) with transverse momentum `pT` (GeV) in 2 T, charge sign
    /// `charge`, initial direction `phi0` and cot θ `cotTheta`, at the transverse radii `radii` (mm).
    static func helix(pT: Double, charge: Double = 1, phi0: Double = 0.3, cotTheta: Double = 0.5, z0: Double = 10,
                      radii: [Double]) -> [(Float, Float, Float)] {
        let r = pT / (PhysicsConstants.curvatureConstant * 2)
        let cx = -charge * r * sin(phi0), cy = charge * r * cos(phi0)
        return radii.map { rho in
            // Turning angle at which the circle through the origin reaches radius rho.
            let a = 2 * asin(rho / (2 * r))
            let x = cx + charge * r * sin(phi0 + charge * a), y = cy - charge * r * cos(phi0 + charge * a)
            return (Float(x), Float(y), Float(z0 + cotTheta * r * a))
        }
    }

    static func hits(_ rows: [(Float, Float, Float)]) -> Hits {
        Hits(hitID: rows.indices.map { Int64($0) }, x: rows.map(\.0), y: rows.map(\.1), z: rows.map(\.2),
             geometryID: rows.map { _ in GeometryID(rawValue: 0) })
    }

    static let radii: [Double] = [32, 72, 116, 172, 260, 360, 500, 660]

    /// Runs `config` on the chains `chains` (each a list of nodes linked with score 0.9) plus `extra` edges.
    static func build(_ config: TrackBuildingConfig, hits: Hits, chains: [[Int32]], extra: [(Int32, Int32, Float)] = [])
        throws -> TrackBuildingResult {
        var edges = extra
        for c in chains { for (a, b) in zip(c, c.dropFirst()) { edges.append((a, b, 0.9)) } }
        return try TrackBuilder(config: config).run(nodeCount: hits.count, source: edges.map(\.0), target: edges.map(\.1),
                                                    scores: edges.map(\.2), hits: hits, scratch: TrackBuildingScratch())
    }

    @Test func helixFitRecoversTheHelix() throws {
        let rows = Self.helix(pT: 1.5, charge: -1, radii: Self.radii)
        let fit = try #require(TrackHelixFit((0 ..< Int32(rows.count)), of: Self.hits(rows)))
        #expect(abs(fit.pT(bz: 2) - 1.5) < 0.01)
        #expect(fit.maxTransverseResidual < 0.01 && fit.maxLongitudinalResidual < 0.01)
        #expect(fit.transverseImpact < 0.05 && abs(fit.longitudinalImpact - 10) < 0.05)
        // A point further along the same helix is ahead of the last hit and on the fit.
        let ahead = Self.helix(pT: 1.5, charge: -1, radii: [820])[0]
        let last = fit.extrapolation(x: Double(rows[7].0), y: Double(rows[7].1), z: Double(rows[7].2))
        let e = fit.extrapolation(x: Double(ahead.0), y: Double(ahead.1), z: Double(ahead.2))
        #expect(e.transverse < 0.05 && e.longitudinal < 0.05 && e.arcLength > last.arcLength + 100)
        let p = fit.point(atArcLength: e.arcLength)
        #expect(abs(p.x - Double(ahead.0)) < 0.05 && abs(p.y - Double(ahead.1)) < 0.05 && abs(p.z - Double(ahead.2)) < 0.05)
        // Collinear points: a straight line, infinite radius.
        let line = try #require(TrackHelixFit(x: [10, 20, 30, 40], y: [5, 10, 15, 20], z: [1, 2, 3, 4]))
        #expect(line.radius == .infinity && line.maxTransverseResidual < 1e-9 && line.maxLongitudinalResidual < 1e-9)
        #expect(TrackHelixFit(x: [1, 2], y: [1, 2], z: [1, 2]) == nil)
    }

    @Test func trackThatLeavesItsHelixIsDropped() throws {
        // Nodes 0–5: one particle; nodes 6–8 one more; the second track jumps at node 9 to a hit 15 mm off.
        var rows = Self.helix(pT: 2, radii: Array(Self.radii.prefix(6)))
        rows += Self.helix(pT: 2, phi0: 1.5, radii: Array(Self.radii.prefix(6)))
        rows[9].0 += 15
        let hits = Self.hits(rows)
        let chains: [[Int32]] = [[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11]]
        let cut = try TrackBuildingConfig(maxTransverseResidual: 0.5)
        let r = try Self.build(cut, hits: hits, chains: chains)
        #expect(Self.lists(r) == [[0, 1, 2, 3, 4, 5]])
        #expect(r.statistics.droppedByFit == 1)
        // The cut can be limited to short tracks.
        let shortOnly = try TrackBuildingConfig(maxTransverseResidual: 0.5, helixCutsBelowHits: 6)
        #expect(Self.lists(try Self.build(shortOnly, hits: hits, chains: chains)).count == 2)
        // A track from a displaced vertex fails the impact-parameter cut.
        let displaced = try TrackBuildingConfig(maxTransverseImpact: 2)
        var moved = rows
        for i in 0 ..< 6 { moved[i].0 += 20 }
        #expect(Self.lists(try Self.build(displaced, hits: Self.hits(moved), chains: [[0, 1, 2, 3, 4, 5]])).isEmpty)
    }

    @Test func shortSoftTrackIsDroppedLongOrStiffKept() throws {
        // Nodes 0–4: a 0.4 GeV segment; 5–9: a 3 GeV segment; 10–17: a 0.4 GeV track of eight hits.
        let rows = Self.helix(pT: 0.4, radii: Array(Self.radii.prefix(5))) + Self.helix(pT: 3, phi0: 2, radii: Array(Self.radii.prefix(5)))
            + Self.helix(pT: 0.4, phi0: -1.5, radii: Self.radii)
        let config = try TrackBuildingConfig(minHitsLowPt: 8, lowPtBelow: 0.6)
        let r = try Self.build(config, hits: Self.hits(rows), chains: [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], Array(10 ... 17)])
        #expect(Self.lists(r) == [[5, 6, 7, 8, 9], Array(10 ... 17)])
        #expect(r.statistics.droppedByFit == 1)
    }

    @Test func weakEdgeJoinsFragmentsOnOneHelix() throws {
        // Nodes 0–7 on one helix, with 3 → 4 scored below the cut; node 8 lies 30 mm off it.
        var rows = Self.helix(pT: 1.2, radii: Self.radii)
        rows.append((rows[4].0 + 30, rows[4].1, rows[4].2))
        let hits = Self.hits(rows)
        let config = try TrackBuildingConfig(joinScoreCut: 0.1, joinMaxTransverseResidual: 1, joinMaxLongitudinalResidual: 5)
        // The weak edge to the off-helix hit 8 scores higher than the true one but fails the helix test.
        let extra: [(Int32, Int32, Float)] = [(3, 8, 0.4), (3, 4, 0.3)]
        let r = try Self.build(config, hits: hits, chains: [[0, 1, 2, 3], [4, 5, 6, 7]], extra: extra)
        #expect(Self.lists(r) == [Array(0 ... 7)])
        #expect(r.statistics.joins == 1)
        // Without joins the fragments stay apart.
        #expect(Self.lists(try Self.build(try TrackBuildingConfig(), hits: hits, chains: [[0, 1, 2, 3], [4, 5, 6, 7]], extra: extra))
                == [[0, 1, 2, 3], [4, 5, 6, 7]])
    }

    @Test func strictJoinKeepsTheCleanFragment() throws {
        // Nodes 0–4: a five-hit fragment of one helix; node 5 is the helix's next hit moved 2 mm
        // sideways, within the join tolerance (3 mm) but not the helix cut (0.3 mm), linked by a weak edge.
        var rows = Self.helix(pT: 1.2, radii: Array(Self.radii.prefix(6)))
        rows[5].1 += 2
        let hits = Self.hits(rows)
        let loose = try TrackBuildingConfig(maxTransverseResidual: 0.3, helixCutsBelowHits: 8, joinScoreCut: 0.1,
                                            joinMaxTransverseResidual: 3, joinMaxLongitudinalResidual: 20)
        var strict = loose
        strict.strictJoins = true
        // The loose join makes a six-hit track that fails the final cut: both pieces are lost.
        let r = try Self.build(loose, hits: hits, chains: [[0, 1, 2, 3, 4]], extra: [(4, 5, 0.3)])
        #expect(r.statistics.joins == 1 && r.statistics.droppedByFit == 1 && r.tracks.count == 0)
        // A strict join is not made and the fragment stays a track.
        let rs = try Self.build(strict, hits: hits, chains: [[0, 1, 2, 3, 4]], extra: [(4, 5, 0.3)])
        #expect(Self.lists(rs) == [[0, 1, 2, 3, 4]])
        #expect(rs.statistics.joins == 0 && rs.statistics.droppedByFit == 0)
        // A join that passes the final cut is made as before; a long track (no helix cut) joins loosely.
        let clean = Self.hits(Self.helix(pT: 1.2, radii: Array(Self.radii.prefix(6))))
        #expect(Self.lists(try Self.build(strict, hits: clean, chains: [[0, 1, 2, 3, 4]], extra: [(4, 5, 0.3)])) == [Array(0 ... 5)])
        var long = strict
        long.helixCutsBelowHits = 6
        #expect(Self.lists(try Self.build(long, hits: hits, chains: [[0, 1, 2, 3, 4]], extra: [(4, 5, 0.3)])) == [Array(0 ... 5)])
    }

    @Test func strayHitIsTrimmedNotTheTrack() throws {
        // Nodes 0–7 on one helix; the chain runs through node 8, 5 mm beside the helix at 260 mm, instead
        // of node 4 (as a walkthrough may at a junction); node 9 is a second stray, 4 mm beside the helix at 500 mm.
        var rows = Self.helix(pT: 0.8, radii: Self.radii)
        rows.append((rows[4].0, rows[4].1 + 5, rows[4].2))
        rows.append((rows[6].0, rows[6].1 - 4, rows[6].2))
        let hits = Self.hits(rows)
        let chain: [Int32] = [0, 1, 2, 3, 8, 5, 6, 7]
        let dropping = try TrackBuildingConfig(minHits: 5, maxTransverseResidual: 0.5)
        let r0 = try Self.build(dropping, hits: hits, chains: [chain])
        #expect(r0.tracks.count == 0 && r0.statistics.droppedByFit == 1)
        var trimming = dropping
        trimming.maxTrimmedHits = 1
        let r1 = try Self.build(trimming, hits: hits, chains: [chain])
        #expect(Self.lists(r1) == [[0, 1, 2, 3, 5, 6, 7]])
        #expect(r1.statistics.trimmedTracks == 1 && r1.statistics.droppedByFit == 0 && r1.statistics.assignedHits == 7)
        // Two strays need two trims: one is not enough, and a track is never trimmed below the minimum
        // length.
        let two: [Int32] = [0, 1, 2, 3, 8, 5, 9, 7]
        #expect(try Self.build(trimming, hits: hits, chains: [two]).tracks.count == 0)
        trimming.maxTrimmedHits = 2
        #expect(Self.lists(try Self.build(trimming, hits: hits, chains: [two])) == [[0, 1, 2, 3, 5, 7]])
        trimming.minHits = 7
        #expect(try Self.build(trimming, hits: hits, chains: [two]).tracks.count == 0)
        #expect(throws: TrackBuildingError.self) { try TrackBuildingConfig(maxTrimmedHits: 0) }
    }

    @Test func fragmentsAcrossAGapAreMerged() throws {
        // One helix with the hit at 260 mm missing (no edge 3 → 4), and an unrelated track 5–8.
        let rows = Self.helix(pT: 0.9, cotTheta: 1.2, radii: [32, 72, 116, 172, 360, 500, 660])
            + Self.helix(pT: 0.9, phi0: 0.45, cotTheta: 1.2, radii: [360, 500, 660, 820])
        let hits = Self.hits(rows)
        let chains: [[Int32]] = [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9, 10]]
        let config = try TrackBuildingConfig(joinMaxTransverseResidual: 1, joinMaxLongitudinalResidual: 5, mergeMaxGap: 400)
        let r = try Self.build(config, hits: hits, chains: chains)
        #expect(Self.lists(r) == [[0, 1, 2, 3, 4, 5, 6], [7, 8, 9, 10]])
        #expect(r.statistics.merges == 1)
        // A gap longer than allowed is not bridged.
        let short = try TrackBuildingConfig(joinMaxTransverseResidual: 1, joinMaxLongitudinalResidual: 5, mergeMaxGap: 100)
        #expect(Self.lists(try Self.build(short, hits: hits, chains: chains)).count == 3)
        // The order of the edges does not matter.
        var edges: [(Int32, Int32, Float)] = []
        for c in chains { for (a, b) in zip(c, c.dropFirst()) { edges.append((a, b, 0.9)) } }
        edges.reverse()
        let reversed = try TrackBuilder(config: config).run(nodeCount: hits.count, source: edges.map(\.0), target: edges.map(\.1),
                                                             scores: edges.map(\.2), hits: hits, scratch: TrackBuildingScratch())
        #expect(Self.lists(reversed) == Self.lists(r))
    }

    @Test func tracksOfTwoPassesOnOneHelixAreMerged() throws {
        // Hits 0–3 and 4–6 are one helix with no hit at 260 mm, as tracks of two passes would leave it;
        // 7–10 a second particle beside it. Track hit lists go in as they are, in any order.
        let rows = Self.helix(pT: 0.6, cotTheta: 1.2, radii: [32, 72, 116, 172, 360, 500, 660])
            + Self.helix(pT: 0.9, phi0: 0.45, cotTheta: 1.2, radii: [360, 500, 660, 820])
        let hits = Self.hits(rows)
        let builder = TrackBuilder(config: try TrackBuildingConfig(joinMaxTransverseResidual: 1, joinMaxLongitudinalResidual: 5,
                                                                   mergeMaxGap: 400))
        let merged = builder.merge(Tracks(hitLists: [[4, 5, 6], [7, 8, 9, 10], [0, 1, 2, 3]]), hits: hits, scratch: TrackBuildingScratch())
        #expect(merged.merges == 1)
        #expect((0 ..< merged.tracks.count).map { Array(merged.tracks.hits(of: $0)) } == [[0, 1, 2, 3, 4, 5, 6], [7, 8, 9, 10]])
        // Without a merge gap nothing changes but the order (by first hit); an empty track is dropped.
        let plain = TrackBuilder(config: try TrackBuildingConfig()).merge(Tracks(hitLists: [[4, 5, 6], [], [0, 1, 2, 3]]), hits: hits,
                                                                           scratch: TrackBuildingScratch())
        #expect(plain.merges == 0)
        #expect((0 ..< plain.tracks.count).map { Array(plain.tracks.hits(of: $0)) } == [[0, 1, 2, 3], [4, 5, 6]])
    }

    @Test func freeHitsOnTheHelixArePickedUp() throws {
        // Nodes 0–7 on one helix; node 8 a second hit on it at 120 mm (an overlapping module), node 9
        // 5 mm beside it at 125 mm; the graph links only 0–7.
        var rows = Self.helix(pT: 1.1, radii: Self.radii)
        rows += Self.helix(pT: 1.1, radii: [120, 125])
        rows[9].1 += 5
        let config = try TrackBuildingConfig(pickMaxTransverseResidual: 0.5, pickMaxLongitudinalResidual: 5)
        let r = try Self.build(config, hits: Self.hits(rows), chains: [Array(0 ... 7)])
        #expect(Self.lists(r) == [[0, 1, 2, 8, 3, 4, 5, 6, 7]])
        #expect(r.statistics.pickedHits == 1 && r.statistics.assignedHits == 9)
        // Hits of a dropped track are free for the kept ones: node 8 first forms a short track of
        // its own with two off-helix hits, which the length cut drops.
        rows += [(rows[8].0 + 40, rows[8].1 + 40, rows[8].2), (rows[8].0 + 80, rows[8].1 + 80, rows[8].2)]
        let withShort = try TrackBuildingConfig(minHits: 4, pickMaxTransverseResidual: 0.5, pickMaxLongitudinalResidual: 5)
        let r2 = try Self.build(withShort, hits: Self.hits(rows), chains: [Array(0 ... 7), [8, 10, 11]])
        #expect(Self.lists(r2) == [[0, 1, 2, 8, 3, 4, 5, 6, 7]])
        #expect(throws: TrackBuildingError.self) { try TrackBuildingConfig(pickMaxTransverseResidual: 1) }
    }

    @Test func trackEndsAreRefinedOnTheHelix() throws {
        // Nodes 0–7 on one helix. The walkthrough started the track at node 8, another particle's hit
        // on the innermost layer 8 mm away in z, left node 0 free, and stopped before node 7.
        var rows = Self.helix(pT: 1.1, radii: Self.radii)
        rows.append((rows[0].0, rows[0].1, rows[0].2 + 8))
        let hits = Self.hits(rows)
        let chain: [Int32] = [8, 1, 2, 3, 4, 5, 6]
        let config = try TrackBuildingConfig(endMaxTransverseResidual: 0.5, endMaxLongitudinalResidual: 1, endMaxGap: 200,
                                             endDropResidual: 3)
        let r = try Self.build(config, hits: hits, chains: [chain])
        #expect(Self.lists(r) == [[0, 1, 2, 3, 4, 5, 6, 7]])
        #expect(r.statistics.droppedEndHits == 1 && r.statistics.addedEndHits == 2 && r.statistics.assignedHits == 8)
        // Without dropping, the wrong first hit stays (node 0 is then off the helix through it) and
        // only the outer end grows.
        var keeping = config
        keeping.endDropResidual = nil
        #expect(Self.lists(try Self.build(keeping, hits: hits, chains: [chain])) == [[8, 1, 2, 3, 4, 5, 6, 7]])
        // A gap longer than allowed is not crossed: 500 → 660 mm is ≈ 160 mm of arc.
        var near = config
        near.endMaxGap = 100
        #expect(Self.lists(try Self.build(near, hits: hits, chains: [chain])) == [[0, 1, 2, 3, 4, 5, 6]])
        // The same on finished tracks (as the GNN chain does after its last pass); a hit another track
        // holds is not taken.
        let builder = TrackBuilder(config: config)
        let refined = builder.refineEnds(Tracks(hitLists: [chain]), hits: hits, scratch: TrackBuildingScratch())
        #expect((0 ..< refined.tracks.count).map { Array(refined.tracks.hits(of: $0)) } == [[0, 1, 2, 3, 4, 5, 6, 7]])
        #expect(refined.dropped == 1 && refined.added == 2)
        let held = builder.refineEnds(Tracks(hitLists: [chain, [7, 0]]), hits: hits, scratch: TrackBuildingScratch())
        #expect((0 ..< held.tracks.count).map { Array(held.tracks.hits(of: $0)) } == [[1, 2, 3, 4, 5, 6], [7, 0]])
        #expect(held.dropped == 1 && held.added == 0)
        // Without the end options, tracks stay as they are.
        let plain = TrackBuilder(config: try TrackBuildingConfig()).refineEnds(Tracks(hitLists: [chain]), hits: hits,
                                                                                scratch: TrackBuildingScratch())
        #expect(plain.tracks == Tracks(hitLists: [chain]) && plain.dropped == 0 && plain.added == 0)
        #expect(throws: TrackBuildingError.self) { try TrackBuildingConfig(endMaxTransverseResidual: 0.5, endMaxLongitudinalResidual: 1) }
        #expect(throws: TrackBuildingError.self) { try TrackBuildingConfig(endDropResidual: 3) }
        #expect(throws: TrackBuildingError.self) {
            try TrackBuildingConfig(endMaxTransverseResidual: 0, endMaxLongitudinalResidual: 1, endMaxGap: 100)
        }
    }

    @Test func shapeOptionsNeedHitsAndValidConfig() throws {
        let builder = TrackBuilder(config: try TrackBuildingConfig(maxLongitudinalResidual: 5))
        #expect(throws: TrackBuildingError.self) {
            try builder.run(nodeCount: 3, source: [0, 1], target: [1, 2], scores: [0.9, 0.9], scratch: TrackBuildingScratch())
        }
        #expect(throws: TrackBuildingError.self) { try TrackBuildingConfig(joinScoreCut: 0.2) }
        #expect(throws: TrackBuildingError.self) { try TrackBuildingConfig(joinScoreCut: 0.6, joinMaxTransverseResidual: 1) }
        #expect(throws: TrackBuildingError.self) { try TrackBuildingConfig(mergeMaxGap: 100) }
        #expect(throws: TrackBuildingError.self) { try TrackBuildingConfig(maxTransverseImpact: -1) }
        #expect(throws: TrackBuildingError.self) { try TrackBuildingConfig(minHitsLowPt: 0, lowPtBelow: 0.5) }
    }

    @Test func configDecodesOldModelsAndRoundTrips() throws {
        let old = try JSONDecoder().decode(TrackBuildingConfig.self,
                                           from: Data(#"{"score_cut": 0.5, "min_hits": 3, "insert_skipped_hits": true}"#.utf8))
        #expect(old == (try TrackBuildingConfig()))
        #expect(!old.needsHits)
        let full = try TrackBuildingConfig(scoreCut: 0.5, minHits: 4, maxTransverseResidual: 0.5, maxLongitudinalResidual: 5,
                                           maxTransverseImpact: 2, helixCutsBelowHits: 7, minHitsLowPt: 8, lowPtBelow: 0.6,
                                           joinScoreCut: 0.05, joinMaxTransverseResidual: 3, joinMaxLongitudinalResidual: 20,
                                           mergeMaxGap: 300, pickMaxTransverseResidual: 0.5, pickMaxLongitudinalResidual: 5,
                                           strictJoins: true, maxTrimmedHits: 2, endMaxTransverseResidual: 0.7,
                                           endMaxLongitudinalResidual: 1, endMaxGap: 150, endDropResidual: 3.5)
        // Every field is written and read back.
        let back = try JSONDecoder().decode(TrackBuildingConfig.self, from: JSONEncoder().encode(full))
        #expect(back == full && back.needsHits)
        // Overrides keep the shape options; a score cut lowered to the join cut or below switches joins off.
        let raised = try full.overriding(scoreCut: 0.04)
        #expect(raised.joinScoreCut == nil && raised.mergeMaxGap == 300 && raised.minHitsLowPt == 8)
        #expect(raised.strictJoins && raised.maxTrimmedHits == 2)
        #expect(raised.endMaxGap == 150 && raised.endDropResidual == 3.5 && raised.withoutEndRefinement.endMaxTransverseResidual == nil)
        #expect(!(try TrackBuildingConfig(endMaxTransverseResidual: 1, endMaxLongitudinalResidual: 1, endMaxGap: 1).withoutEndRefinement.needsHits))
    }
}
