import Detector
import EventData
import GeometryShim
import HitGraph
import Testing

@Suite struct GraphBuilderTests {
    static let detector = HitGraphFixtures.trackml
    static let fresh: Event = HitGraphFixtures.gunEvents(1, particles: 60, seed: 99)[0]

    static func builder(_ map: ModuleMap = HitGraphFixtures.gunMap, config: GraphConfig? = nil) throws -> GraphBuilder {
        try GraphBuilder(detector: detector, moduleMap: map, config: config ?? GraphConfig())
    }

    @Test func doubletsAreExactlyTheHitPairsInsideTheWindows() throws {
        let map = HitGraphFixtures.gunMap, event = Self.fresh
        let graph = try Self.builder(config: GraphConfig(tripletFilter: false)).run(hits: event.hits, cells: nil, scratch: GraphBuilderScratch()).graph
        // Brute force: every hit pair on every map pair.
        let c = HitCoordinates(event.hits)
        var byModule: [Int: [Int]] = [:]
        for i in 0 ..< event.hits.count { byModule[Int(Self.detector.moduleIndex(of: event.hits.geometryID[i])!), default: []].append(i) }
        var expected = Set<Int64>()
        for (a, hitsA) in byModule {
            for k in map.pairs(of: a) {
                guard let hitsB = byModule[Int(map.pairTargets[k])] else { continue }
                for h in hitsA {
                    for t in hitsB {
                        let v = DoubletGeometry(ra: c.r[h], phia: c.phi[h], za: c.z[h], etaa: c.eta[h],
                                                rb: c.r[t], phib: c.phi[t], zb: c.z[t], etab: c.eta[t]).windowed
                        if (0 ..< 4).allSatisfy({ v[$0] >= map.windows[k * 8 + 2 * $0] && v[$0] <= map.windows[k * 8 + 2 * $0 + 1] }) {
                            expected.insert(Int64(min(h, t)) << 32 | Int64(max(h, t)))
                        }
                    }
                }
            }
        }
        let built = zip(graph.source, graph.target).map { Int64(min($0, $1)) << 32 | Int64(max($0, $1)) }
        #expect(Set(built).count == built.count, "no duplicate edges")
        #expect(Set(built) == expected)
        #expect(!expected.isEmpty)
        // Edges run outwards: to the larger |z| between end-cap modules, else to the larger r.
        let endcap = Set(Self.detector.layers.filter { $0.kind == .endcap }.flatMap { $0.modules.map(Int.init) })
        for (a, b) in zip(graph.source, graph.target) {
            let ma = Int(Self.detector.moduleIndex(of: event.hits.geometryID[Int(a)])!), mb = Int(Self.detector.moduleIndex(of: event.hits.geometryID[Int(b)])!)
            if endcap.contains(ma) && endcap.contains(mb) { #expect(abs(c.z[Int(a)]) <= abs(c.z[Int(b)])) } else { #expect(c.r[Int(a)] <= c.r[Int(b)]) }
        }
    }

    @Test func tripletFilterKeepsExactlyTheChainedEdges() throws {
        let map = HitGraphFixtures.gunMap, event = Self.fresh
        #expect(map.hasTriplets)
        let scratch = GraphBuilderScratch()
        let all = try Self.builder(config: GraphConfig(tripletFilter: false)).run(hits: event.hits, cells: nil, scratch: scratch).graph
        let filteredBuilder = try Self.builder()
        #expect(filteredBuilder.filtersTriplets)
        let filtered = try filteredBuilder.run(hits: event.hits, cells: nil, scratch: scratch)
        #expect(filtered.statistics.doublets == all.edgeCount && filtered.statistics.edges < all.edgeCount)
        // Brute force: an edge survives when, with another edge sharing its inner or outer hit, it forms
        // a → b → c whose rings are a learned triplet with Δ(φ-slope) and Δθ inside its windows.
        let c = HitCoordinates(event.hits)
        func module(_ h: Int32) -> Int { Int(Self.detector.moduleIndex(of: event.hits.geometryID[Int(h)])!) }
        var windows: [String: Int] = [:]
        for t in 0 ..< map.tripletCount { windows["\(map.tripletRings[3 * t]) \(map.tripletRings[3 * t + 1]) \(map.tripletRings[3 * t + 2])"] = t }
        func geometry(_ a: Int32, _ b: Int32) -> DoubletGeometry {
            let a = Int(a), b = Int(b)
            return DoubletGeometry(ra: c.r[a], phia: c.phi[a], za: c.z[a], etaa: c.eta[a], rb: c.r[b], phib: c.phi[b], zb: c.z[b], etab: c.eta[b])
        }
        var keep = Set<Int>()
        var leaving: [Int32: [Int]] = [:]
        for e in 0 ..< all.edgeCount { leaving[all.source[e], default: []].append(e) }
        for e1 in 0 ..< all.edgeCount {
            for e2 in leaving[all.target[e1]] ?? [] {
                let key = "\(map.moduleRings[module(all.source[e1])]) \(map.moduleRings[module(all.target[e1])]) \(map.moduleRings[module(all.target[e2])])"
                guard let t = windows[key] else { continue }
                let v = TripletGeometry(geometry(all.source[e1], all.target[e1]), geometry(all.source[e2], all.target[e2])).windowed
                if v[0] >= map.tripletWindows[4 * t] && v[0] <= map.tripletWindows[4 * t + 1]
                    && v[1] >= map.tripletWindows[4 * t + 2] && v[1] <= map.tripletWindows[4 * t + 3] {
                    keep.insert(e1); keep.insert(e2)
                }
            }
        }
        let expected = keep.sorted().map { Int64(all.source[$0]) << 32 | Int64(all.target[$0]) }
        #expect(zip(filtered.graph.source, filtered.graph.target).map { Int64($0) << 32 | Int64($1) } == expected)
    }

    @Test func everyLearnedDoubletBecomesAnEdge() throws {
        // The map's promise on its own sample: every consecutive pair of a learned particle (primary,
        // pT ≥ 0.5 GeV, on two modules) is an edge, and is labelled true. (How well a map generalises to
        // new events depends on its sample size; the μ = 200 figures are in docs/GNN.md.)
        let event = HitGraphFixtures.gunSample[2]
        let graph = try Self.builder(config: GraphConfig(tripletFilter: false)).run(hits: event.hits, cells: nil, scratch: GraphBuilderScratch()).graph
        let order = TruthOrder(truth: event.truth!, particles: event.particles)
        let truth = EdgeTruth(graph: graph, order: order)
        let trueEdges = Set((0 ..< graph.edgeCount).filter { truth.labels[$0] }.map {
            Int64(min(graph.source[$0], graph.target[$0])) << 32 | Int64(max(graph.source[$0], graph.target[$0]))
        })
        var wanted = 0
        for p in 0 ..< order.count where order.pT[p] >= 0.5 && order.vertexRadius[p] <= 10 {
            let along = Array(order.hits(of: p))
            for (a, b) in zip(along, along.dropFirst()) where event.hits.geometryID[Int(a)] != event.hits.geometryID[Int(b)] {
                wanted += 1
                #expect(trueEdges.contains(Int64(min(a, b)) << 32 | Int64(max(a, b))))
            }
        }
        #expect(wanted > 200)
        #expect(truth.existingPairs >= wanted)
    }

    @Test func lossWeightsFollowThePtClassOfEachTrueEdge() throws {
        let event = HitGraphFixtures.gunSample[2]
        let graph = try Self.builder().run(hits: event.hits, cells: nil, scratch: GraphBuilderScratch()).graph
        let truth = EdgeTruth(graph: graph, order: TruthOrder(truth: event.truth!, particles: event.particles))
        #expect(truth.lossWeights(signalPt: 0.5, lowPtWeight: 1, highPt: 2, highPtWeight: 1) == nil)
        // The gun's particles have pT in [1, 10] GeV: all three classes occur.
        let w = try #require(truth.lossWeights(signalPt: 1.5, lowPtWeight: 0.2, highPt: 4, highPtWeight: 4))
        var classes = Set<Float>()
        for e in 0 ..< graph.edgeCount {
            let expected: Float = !truth.labels[e] ? 1 : truth.pT[e] < 1.5 ? 0.2 : truth.pT[e] >= 4 ? 4 : 1
            #expect(w[e] == expected, "edge \(e): pT \(truth.pT[e]), true \(truth.labels[e])")
            classes.insert(w[e])
        }
        #expect(classes == [0.2, 1, 4])
        // A threshold of 0 switches its class off.
        let lowOnly = try #require(truth.lossWeights(signalPt: 1.5, lowPtWeight: 0.2, highPt: 0, highPtWeight: 4))
        #expect(!lowOnly.contains(4))
    }

    @Test func learnedParticlesKeepTheirEdgesThroughTheTripletFilter() throws {
        // Consecutive pairs of a learned particle with three or more hits chain into learned triplets,
        // so the filter keeps them (the few pairs not along the flight orientation aside).
        let event = HitGraphFixtures.gunSample[2]
        let graph = try Self.builder().run(hits: event.hits, cells: nil, scratch: GraphBuilderScratch()).graph
        let order = TruthOrder(truth: event.truth!, particles: event.particles)
        let truth = EdgeTruth(graph: graph, order: order)
        let found = truth.labels.filter { $0 }.count
        var wanted = 0
        for p in 0 ..< order.count where order.pT[p] >= 0.5 && order.vertexRadius[p] <= 10 && order.hits(of: p).count >= 3 {
            let along = Array(order.hits(of: p))
            wanted += zip(along, along.dropFirst()).filter { event.hits.geometryID[Int($0)] != event.hits.geometryID[Int($1)] }.count
        }
        #expect(Double(found) >= 0.98 * Double(wanted), "\(found) of \(wanted)")
    }

    @Test func windowWrapsAroundPlusMinusPi() throws {
        // Two pixel-barrel modules on either side of φ = ±π, one map pair between them.
        let d = Self.detector
        func module(volume: Int32, layer: Int32, nearPhi: Double) -> Int {
            let layerIndex = Int(d.layerIndex(of: GeometryID(volume: volume, layer: layer, module: 0))!)
            return d.layers[layerIndex].modules.map(Int.init).min {
                let a = d.modules.center($0), b = d.modules.center($1)
                return abs(atan2(a.y, a.x) - nearPhi) + abs(a.z) < abs(atan2(b.y, b.x) - nearPhi) + abs(b.z)
            }!
        }
        var (a, b) = (module(volume: 8, layer: 2, nearPhi: .pi), module(volume: 8, layer: 4, nearPhi: -.pi))
        let rank = ModuleMap.moduleRank(d)
        #expect(rank[a] < rank[b])
        var offsets = [Int32](repeating: 0, count: d.modules.count + 1)
        for m in (a + 1) ... d.modules.count { offsets[m] = 1 }
        let map = try ModuleMap(detectorName: d.name, moduleIDs: d.modules.id, pairOffsets: offsets, pairTargets: [Int32(b)],
                                pairCounts: [1], windows: [-0.05, 0.05, -1e4, 1e4, -1, 1, -10, 10])
        func hit(_ r: Float, _ phi: Float, _ m: Int) -> (Float, Float, Float, GeometryID) { (r * cosf(phi), r * sinf(phi), 10, d.modules.id[m]) }
        let rows = [hit(32, 3.13, a), hit(72, -3.13, b), hit(72, 3.0, b), hit(72, -3.0, b)]
        let hits = Hits(hitID: [1, 2, 3, 4], x: rows.map(\.0), y: rows.map(\.1), z: rows.map(\.2), geometryID: rows.map(\.3))
        let graph = try Self.builder(map).run(hits: hits, cells: nil, scratch: GraphBuilderScratch()).graph
        #expect(graph.source == [0] && graph.target == [1])
        swap(&a, &b)
    }

    @Test func featuresAreTheDoubletQuantities() throws {
        let event = Self.fresh
        let config = try GraphConfig(nodeFeatures: [.r, .phi, .z, .eta, .cellCount, .clusterSizeU],
                                     edgeFeatures: [.dr, .dphi, .dz, .deta, .phiSlope, .z0, .distance])
        let graph = try Self.builder(config: config).run(hits: event.hits, cells: event.cells, scratch: GraphBuilderScratch()).graph
        #expect(graph.nodeFeatureNames == ["r", "phi", "z", "eta", "cell_count", "cluster_size_u"])
        #expect(graph.edgeFeatureNames == ["dr", "dphi", "dz", "deta", "phi_slope", "z0", "distance"])
        let c = HitCoordinates(event.hits)
        for e in stride(from: 0, to: graph.edgeCount, by: max(1, graph.edgeCount / 50)) {
            let h = Int(graph.source[e]), t = Int(graph.target[e])
            let g = DoubletGeometry(ra: c.r[h], phia: c.phi[h], za: c.z[h], etaa: c.eta[h], rb: c.r[t], phib: c.phi[t], zb: c.z[t], etab: c.eta[t])
            #expect(Array(graph.edgeFeatures.row(e)) == [g.dr, g.dphi, g.dz, g.deta, g.phiSlope, g.z0, g.distance])
            let dx = event.hits.x[t] - event.hits.x[h], dy = event.hits.y[t] - event.hits.y[h], dz = event.hits.z[t] - event.hits.z[h]
            #expect(abs(g.distance - (dx * dx + dy * dy + dz * dz).squareRoot()) <= 1e-3 * (1 + g.distance))
            #expect(graph.nodeFeatures[h, 0] == c.r[h] && graph.nodeFeatures[h, 4] >= 1)
        }
    }

    @Test func identicalForOneAndTwoThreads() throws {
        let event = HitGraphFixtures.gunSample[0]
        func build(_ threads: Int32) throws -> EventGraph {
            _ = weft_shim_set_max_threads(threads)
            defer { _ = weft_shim_set_max_threads(0) }
            return try Self.builder().run(hits: event.hits, cells: nil, scratch: GraphBuilderScratch()).graph
        }
        #expect(try build(1) == build(2))
    }

    @Test func badInputIsRejected() throws {
        let builder = try Self.builder()
        var hits = Self.fresh.hits
        hits.geometryID[3] = GeometryID(volume: 99, layer: 2, module: 1)
        #expect(throws: HitGraphError.self) { try builder.run(hits: hits, cells: nil, scratch: GraphBuilderScratch()) }
        hits = Self.fresh.hits
        hits.z[5] = .nan
        #expect(throws: HitGraphError.self) { try builder.run(hits: hits, cells: nil, scratch: GraphBuilderScratch()) }
        let needsCells = try Self.builder(config: GraphConfig(nodeFeatures: [.r, .cellCharge]))
        #expect(throws: HitGraphError.self) { try needsCells.run(hits: Self.fresh.hits, cells: nil, scratch: GraphBuilderScratch()) }
        let telescopeMap = try HitGraphFixtures.map(HitGraphFixtures.telescope, HitGraphFixtures.telescopeEvents(2, seed: 1),
                                                    config: ModuleMapConfig(ptMin: 0))
        #expect(throws: HitGraphError.self) { try GraphBuilder(detector: Self.detector, moduleMap: telescopeMap, config: GraphConfig()) }
    }

    @Test func subgraphKeepsTheEdgesAndRenumbersNodes() throws {
        let graph = try Self.builder().run(hits: Self.fresh.hits, cells: nil, scratch: GraphBuilderScratch()).graph
        let chosen = Array(stride(from: 0, to: graph.edgeCount, by: 3))
        let (sub, nodes) = graph.subgraph(edges: chosen)
        #expect(sub.edgeCount == chosen.count)
        #expect(nodes == nodes.sorted() && Set(nodes).count == nodes.count)
        for (k, e) in chosen.enumerated() {
            #expect(nodes[Int(sub.source[k])] == graph.source[e] && nodes[Int(sub.target[k])] == graph.target[e])
            #expect(sub.edgeFeatures.row(k) == graph.edgeFeatures.row(e))
        }
        for (k, v) in nodes.enumerated() { #expect(sub.nodeFeatures.row(k) == graph.nodeFeatures.row(Int(v))) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
