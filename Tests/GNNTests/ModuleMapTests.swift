import Detector
import EventData
import EventIO
import Foundation
import HitGraph
import Testing

@Suite struct ModuleMapTests {
    @Test func telescopePairsAreConsecutivePlanes() throws {
        let detector = HitGraphFixtures.telescope
        let map = try HitGraphFixtures.map(detector, HitGraphFixtures.telescopeEvents(10, seed: 1),
                                           config: ModuleMapConfig(ptMin: 0))
        // Six planes, one module each, crossed in order: planes k → k + 1 (and, when a plane misses a
        // particle, k → k + 2), always downstream.
        #expect(map.moduleCount == 6)
        var counts: [String: Int32] = [:]
        for a in 0 ..< 6 {
            for k in map.pairs(of: a) {
                #expect(Int(map.pairTargets[k]) > a)
                counts["\(a)→\(map.pairTargets[k])"] = map.pairCounts[k]
            }
        }
        for a in 0 ..< 5 { #expect((counts["\(a)→\(a + 1)"] ?? 0) >= 40) }
        // The beam hits the planes head-on: tiny Δη windows (margins only).
        for k in 0 ..< map.pairCount {
            let dz0 = map.windows[k * 8 + 2], dz1 = map.windows[k * 8 + 3]
            #expect(dz0 <= dz1)
        }
    }

    @Test func pairsRunInnerToOuterAndWindowsHoldTheirDoublets() throws {
        let events = HitGraphFixtures.gunSample
        let detector = HitGraphFixtures.trackml
        let map = try HitGraphFixtures.map(detector, events, config: ModuleMapConfig(completePairs: false))
        let rank = ModuleMap.moduleRank(detector)
        for a in 0 ..< map.moduleCount {
            for k in map.pairs(of: a) {
                let b = Int(map.pairTargets[k])
                #expect(rank[a] < rank[b] || (rank[a] == rank[b] && a < b))
            }
        }
        // Every learned doublet lies inside its pair's window.
        for event in events {
            let order = TruthOrder(truth: event.truth!, particles: event.particles)
            let c = HitCoordinates(event.hits)
            for p in 0 ..< order.count where order.pT[p] >= 0.5 && order.vertexRadius[p] <= 10 {
                let along = Array(order.hits(of: p))
                for (h1, h2) in zip(along, along.dropFirst()) {
                    var a = Int(h1), b = Int(h2)
                    var ma = Int(detector.moduleIndex(of: event.hits.geometryID[a])!), mb = Int(detector.moduleIndex(of: event.hits.geometryID[b])!)
                    guard ma != mb else { continue }
                    if !(rank[ma] < rank[mb] || (rank[ma] == rank[mb] && ma < mb)) { swap(&a, &b); swap(&ma, &mb) }
                    let k = try #require(map.pairs(of: ma).first { Int(map.pairTargets[$0]) == mb })
                    let v = DoubletGeometry(ra: c.r[a], phia: c.phi[a], za: c.z[a], etaa: c.eta[a],
                                            rb: c.r[b], phib: c.phi[b], zb: c.z[b], etab: c.eta[b]).windowed
                    for q in 0 ..< 4 { #expect(v[q] >= map.windows[k * 8 + 2 * q] && v[q] <= map.windows[k * 8 + 2 * q + 1]) }
                }
            }
        }
    }

    @Test func completionAddsRotatedCopies() throws {
        let events = HitGraphFixtures.gunSample
        let plain = try HitGraphFixtures.map(HitGraphFixtures.trackml, events, config: ModuleMapConfig(completePairs: false))
        let completed = HitGraphFixtures.gunMap
        #expect(completed.pairCount > plain.pairCount)
        // Every seen pair stays, with its count; added pairs have count 0.
        #expect(completed.pairCounts.filter { $0 > 0 }.count == plain.pairCount)
        #expect(completed.pairCounts.filter { $0 == 0 }.count == completed.pairCount - plain.pairCount)
    }

    @Test func learningIsIndependentOfEventOrder() throws {
        let events = Array(HitGraphFixtures.gunSample.prefix(4))
        let a = try HitGraphFixtures.map(HitGraphFixtures.trackml, events)
        let b = try HitGraphFixtures.map(HitGraphFixtures.trackml, events.reversed())
        #expect(a == b)
    }

    @Test func invalidMapsAreRejected() throws {
        let ids = Array(HitGraphFixtures.trackml.modules.id.prefix(3))
        let window: [Float] = [0, 1, 0, 1, 0, 1, 0, 1]
        #expect(throws: HitGraphError.self) {   // offsets of the wrong length
            try ModuleMap(detectorName: "t", moduleIDs: ids, pairOffsets: [0, 1], pairTargets: [1], pairCounts: [1], windows: window)
        }
        #expect(throws: HitGraphError.self) {   // a self pair
            try ModuleMap(detectorName: "t", moduleIDs: ids, pairOffsets: [0, 1, 1, 1], pairTargets: [0], pairCounts: [1], windows: window)
        }
        #expect(throws: HitGraphError.self) {   // min > max
            try ModuleMap(detectorName: "t", moduleIDs: ids, pairOffsets: [0, 1, 1, 1], pairTargets: [2], pairCounts: [1],
                          windows: [0, 1, 2, 1, 0, 1, 0, 1])
        }
        #expect(throws: HitGraphError.self) {   // NaN window
            try ModuleMap(detectorName: "t", moduleIDs: ids, pairOffsets: [0, 1, 1, 1], pairTargets: [2], pairCounts: [1],
                          windows: [0, .nan, 0, 1, 0, 1, 0, 1])
        }
        let small = try ModuleMap(detectorName: "t", moduleIDs: ids, pairOffsets: [0, 1, 1, 1], pairTargets: [2], pairCounts: [1], windows: window)
        #expect(throws: HitGraphError.detectorMismatch(mapDetector: "t", detector: "trackml")) {
            try small.check(against: HitGraphFixtures.trackml)
        }
    }

    @Test func configDecodesWithDefaultsAndKeepsNullVertexCut() throws {
        let decoded = try JSONDecoder().decode(ModuleMapConfig.self, from: Data(#"{"pt_min": 0.7}"#.utf8))
        #expect(decoded.ptMin == 0.7 && decoded.maxVertexRadius == 10 && decoded.pooling == .ringPair)
        let open = try JSONDecoder().decode(ModuleMapConfig.self, from: Data(#"{"max_vertex_radius": null}"#.utf8))
        #expect(open.maxVertexRadius == nil)
        let again = try JSONDecoder().decode(ModuleMapConfig.self, from: try JSONEncoder().encode(open))
        #expect(again == open)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(ModuleMapConfig.self, from: Data(#"{"absolute_margin": [1]}"#.utf8)) }
    }
}
