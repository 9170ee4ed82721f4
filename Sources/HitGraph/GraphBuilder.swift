import Detector
import EventData
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds the hit graph of an event from a ``ModuleMap``: for every module pair `A → B` of the map
/// with hits on both modules, every hit `a` of A is joined to the hits `b` of B inside the pair's
/// Δφ window (binary search in B's hits sorted by φ) whose z0, φ-slope and Δη also fall inside the
/// pair's windows. Then (``GraphConfig/tripletFilter``) edges that chain with no other edge inside the
/// map's triplet windows are dropped.
///
/// Edges run inner → outer (``EdgeOrientation``: by r, or by |z| between end-cap modules), along the
/// flight of particles from the beam line.
///
/// An immutable `let` object: share it between threads, each with its own ``GraphBuilderScratch``.
/// Work is split over fixed chunks of modules and merged in module order, so the graph is identical
/// for every thread count.
public struct GraphBuilder: Sendable {
    /// The detector the hits come from.
    public let detector: Detector
    /// The module map.
    public let moduleMap: ModuleMap
    /// The features to compute.
    public let config: GraphConfig

    /// For every module pair `A → B` of the map, the ranges of ring triplets that start with its two
    /// rings in the order (A, B) and (B, A) (empty without triplet filtering).
    let pairTriplets: [(forward: Range<Int32>, reverse: Range<Int32>)]

    /// The direction rule of edges.
    let orientation: EdgeOrientation

    /// Modules per parallel chunk.
    static let moduleChunk = 128

    /// - Throws: ``HitGraphError/detectorMismatch(mapDetector:detector:)`` when the map was learned
    ///   on another detector.
    public init(detector: Detector, moduleMap: ModuleMap, config: GraphConfig) throws {
        try moduleMap.check(against: detector)
        self.detector = detector; self.moduleMap = moduleMap; self.config = config
        pairTriplets = config.tripletFilter && moduleMap.hasTriplets ? Self.pairTriplets(moduleMap) : []
        orientation = EdgeOrientation(detector: detector)
    }

    /// Whether the triplet filter runs.
    public var filtersTriplets: Bool { !pairTriplets.isEmpty }

    /// Triplets are sorted by (first, second, third ring): those of one ring pair are contiguous.
    private static func pairTriplets(_ map: ModuleMap) -> [(forward: Range<Int32>, reverse: Range<Int32>)] {
        var byRingPair: [UInt64: Range<Int32>] = [:]
        var t = 0
        let count = map.tripletCount
        while t < count {
            let r1 = map.tripletRings[3 * t], r2 = map.tripletRings[3 * t + 1]
            var end = t + 1
            while end < count && map.tripletRings[3 * end] == r1 && map.tripletRings[3 * end + 1] == r2 { end += 1 }
            byRingPair[UInt64(UInt32(r1)) << 32 | UInt64(UInt32(r2))] = Int32(t) ..< Int32(end)
            t = end
        }
        var out = [(forward: Range<Int32>, reverse: Range<Int32>)](repeating: (0 ..< 0, 0 ..< 0), count: map.pairCount)
        for a in 0 ..< map.moduleCount {
            for p in map.pairs(of: a) {
                let ra = UInt64(UInt32(map.moduleRings[a])), rb = UInt64(UInt32(map.moduleRings[Int(map.pairTargets[p])]))
                out[p] = (byRingPair[ra << 32 | rb] ?? 0 ..< 0, byRingPair[rb << 32 | ra] ?? 0 ..< 0)
            }
        }
        return out
    }

    /// Column names of the node features.
    public var nodeFeatureNames: [String] { config.nodeFeatures.map(\.rawValue) }
    /// Column names of the edge features.
    public var edgeFeatureNames: [String] { config.edgeFeatures.map(\.rawValue) }

    /// Builds the graph of `hits` (node `i` = hit row `i`).
    ///
    /// - Parameter cells: the event's cells; required when a node feature needs them.
    /// - Throws: ``HitGraphError/invalidEvent(reason:)`` for a hit on a module the detector does not
    ///   have, a non-finite coordinate, or missing cells.
    /// - Complexity: O(N log N + C) for N hits and C hit pairs inside Δφ windows.
    public func run(hits: Hits, cells: Cells?, scratch s: GraphBuilderScratch) throws -> GraphBuildResult {
        let n = hits.count
        if config.needsCells && cells == nil {
            throw HitGraphError.invalidEvent(reason: "the graph configuration needs cells (\(config.nodeFeatures.filter(\.needsCells).map(\.rawValue).joined(separator: ", "))) and the event has none")
        }
        s.moduleOfHit.removeAll(keepingCapacity: true)
        for i in 0 ..< n {
            guard hits.x[i].isFinite, hits.y[i].isFinite, hits.z[i].isFinite else {
                throw HitGraphError.invalidEvent(reason: "hit row \(i) (id \(hits.hitID[i])) has a non-finite coordinate")
            }
            guard let m = detector.moduleIndex(of: hits.geometryID[i]) else {
                throw HitGraphError.invalidEvent(reason: "hit row \(i) (id \(hits.hitID[i])) lies on module \(hits.geometryID[i]), unknown to detector '\(detector.name)'")
            }
            s.moduleOfHit.append(m)
        }
        let coords = HitCoordinates(hits)
        sortByModule(coords, n: n, s)

        // Edges, per chunk of first modules.
        let moduleCount = moduleMap.moduleCount
        let chunks = ChunkedLoop.chunkCount(moduleCount, Self.moduleChunk)
        let results = UnsafeMutablePointer<ChunkEdges>.allocate(capacity: max(1, chunks))
        results.initialize(repeating: ChunkEdges(), count: max(1, chunks))
        defer { results.deinitialize(count: max(1, chunks)); results.deallocate() }
        let features = config.edgeFeatures
        s.moduleOffsets.withUnsafeBufferPointer { offsets in
            s.sortedHits.withUnsafeBufferPointer { sorted in
                s.sortedPhi.withUnsafeBufferPointer { phis in
                    ChunkedLoop.forEachRange(count: moduleCount, chunkSize: Self.moduleChunk) { c, range in
                        var out = ChunkEdges()
                        for a in range { edges(fromModule: a, offsets, sorted, phis, coords, features, &out) }
                        results[c] = out
                    }
                }
            }
        }
        var stats = GraphStatistics(nodes: n)
        var source: [Int32] = [], target: [Int32] = [], values: [Float] = []
        var pair: [Int32] = [], slope: [Float] = [], theta: [Float] = []
        let total = (0 ..< chunks).reduce(0) { $0 + results[$1].source.count }
        source.reserveCapacity(total); target.reserveCapacity(total); values.reserveCapacity(total * features.count)
        for c in 0 ..< chunks {
            source.append(contentsOf: results[c].source); target.append(contentsOf: results[c].target)
            values.append(contentsOf: results[c].features)
            pair.append(contentsOf: results[c].pair); slope.append(contentsOf: results[c].slope); theta.append(contentsOf: results[c].theta)
            stats.activePairs += results[c].activePairs; stats.candidates += results[c].candidates
        }
        stats.doublets = source.count
        if !pairTriplets.isEmpty {
            let keep = tripletKeep(n: n, source: source, target: target, pair: pair, slope: slope, theta: theta, s)
            var k = 0
            let width = features.count
            for e in 0 ..< source.count where keep[e] {
                source[k] = source[e]; target[k] = target[e]
                if k != e { for j in 0 ..< width { values[k * width + j] = values[e * width + j] } }
                k += 1
            }
            source.removeLast(source.count - k); target.removeLast(target.count - k); values.removeLast(values.count - k * width)
        }
        stats.edges = source.count
        let graph = try EventGraph(nodeCount: n, source: source, target: target,
                                   nodeFeatures: nodeFeatures(coords, cells: cells, n: n),
                                   edgeFeatures: FeatureMatrix(rows: source.count, columns: features.count, values: values),
                                   nodeFeatureNames: nodeFeatureNames, edgeFeatureNames: edgeFeatureNames)
        return GraphBuildResult(graph: graph, statistics: stats)
    }

    /// Edges found by one chunk.
    private struct ChunkEdges {
        var source: [Int32] = [], target: [Int32] = [], features: [Float] = []
        /// Map pair (bit-inverted when the edge runs against the map's orientation), φ-slope and polar
        /// angle atan2(Δr, Δz) of each edge, for the triplet filter.
        var pair: [Int32] = [], slope: [Float] = [], theta: [Float] = []
        var activePairs = 0, candidates = 0
    }

    /// Groups hits by module (counting sort) and sorts each module's hits by φ (ties by row).
    private func sortByModule(_ coords: HitCoordinates, n: Int, _ s: GraphBuilderScratch) {
        let moduleCount = moduleMap.moduleCount
        s.moduleOffsets.removeAll(keepingCapacity: true)
        s.moduleOffsets.append(contentsOf: repeatElement(0, count: moduleCount + 1))
        for m in s.moduleOfHit { s.moduleOffsets[Int(m) + 1] += 1 }
        for m in 0 ..< moduleCount { s.moduleOffsets[m + 1] += s.moduleOffsets[m] }
        s.sortedHits.removeAll(keepingCapacity: true)
        s.sortedHits.append(contentsOf: repeatElement(0, count: n))
        var fill = s.moduleOffsets
        for i in 0 ..< n {
            let m = Int(s.moduleOfHit[i])
            s.sortedHits[Int(fill[m])] = Int32(i); fill[m] += 1
        }
        for m in 0 ..< moduleCount where s.moduleOffsets[m + 1] - s.moduleOffsets[m] > 1 {
            s.sortedHits[Int(s.moduleOffsets[m]) ..< Int(s.moduleOffsets[m + 1])].sort {
                coords.phi[Int($0)] != coords.phi[Int($1)] ? coords.phi[Int($0)] < coords.phi[Int($1)] : $0 < $1
            }
        }
        s.sortedPhi.removeAll(keepingCapacity: true)
        s.sortedPhi.append(contentsOf: s.sortedHits.lazy.map { coords.phi[Int($0)] })
    }

    /// All edges whose inner hit lies on module `a`.
    private func edges(fromModule a: Int, _ offsets: UnsafeBufferPointer<Int32>, _ sorted: UnsafeBufferPointer<Int32>,
                       _ phis: UnsafeBufferPointer<Float>, _ c: HitCoordinates, _ features: [EdgeFeature],
                       _ out: inout ChunkEdges) {
        let aLo = Int(offsets[a]), aHi = Int(offsets[a + 1])
        guard aHi > aLo else { return }
        let w = moduleMap.windows
        for p in moduleMap.pairs(of: a) {
            let b = Int(moduleMap.pairTargets[p])
            let bLo = Int(offsets[b]), bHi = Int(offsets[b + 1])
            guard bHi > bLo else { continue }
            out.activePairs += 1
            let k = p * ModuleMap.windowStride
            let low = SIMD4<Float>(w[k], w[k + 2], w[k + 4], w[k + 6]), high = SIMD4<Float>(w[k + 1], w[k + 3], w[k + 5], w[k + 7])
            for i in aLo ..< aHi {
                let h = Int(sorted[i])
                let phiA = phis[i]
                let lo = phiA + low[0], hi = phiA + high[0]
                // The Δφ window may wrap around ±π: scan it as one or two φ intervals of B's sorted hits.
                if lo < -.pi {
                    scan(lo + 2 * .pi, .pi, bLo, bHi, h, a, b, p, sorted, phis, c, low, high, features, &out)
                    scan(-.pi, hi, bLo, bHi, h, a, b, p, sorted, phis, c, low, high, features, &out)
                } else if hi > .pi {
                    scan(lo, .pi, bLo, bHi, h, a, b, p, sorted, phis, c, low, high, features, &out)
                    scan(-.pi, hi - 2 * .pi, bLo, bHi, h, a, b, p, sorted, phis, c, low, high, features, &out)
                } else {
                    scan(lo, hi, bLo, bHi, h, a, b, p, sorted, phis, c, low, high, features, &out)
                }
            }
        }
    }

    /// Tests the hits of `sorted[bLo ..< bHi]` with φ in [lo, hi] against hit `h`.
    @inline(__always)
    private func scan(_ lo: Float, _ hi: Float, _ bLo: Int, _ bHi: Int, _ h: Int, _ a: Int, _ b: Int, _ p: Int,
                      _ sorted: UnsafeBufferPointer<Int32>,
                      _ phis: UnsafeBufferPointer<Float>, _ c: HitCoordinates, _ low: SIMD4<Float>, _ high: SIMD4<Float>,
                      _ features: [EdgeFeature], _ out: inout ChunkEdges) {
        var first = bLo, count = bHi - bLo
        while count > 0 {
            let half = count / 2
            if phis[first + half] < lo { first += half + 1; count -= half + 1 } else { count = half }
        }
        var j = first
        while j < bHi && phis[j] <= hi {
            let t = Int(sorted[j])
            out.candidates += 1
            let g = DoubletGeometry(ra: c.r[h], phia: c.phi[h], za: c.z[h], etaa: c.eta[h],
                                    rb: c.r[t], phib: c.phi[t], zb: c.z[t], etab: c.eta[t])
            let v = g.windowed
            if all(v .>= low) && all(v .<= high) {
                // Windows are in map orientation; the edge runs along the flight (``EdgeOrientation``).
                let flip = !orientation.runs(from: h, Int32(a), to: t, Int32(b), c)
                let e = flip ? DoubletGeometry(ra: c.r[t], phia: c.phi[t], za: c.z[t], etaa: c.eta[t],
                                               rb: c.r[h], phib: c.phi[h], zb: c.z[h], etab: c.eta[h]) : g
                out.source.append(Int32(flip ? t : h)); out.target.append(Int32(flip ? h : t))
                for f in features { out.features.append(f.value(e)) }
                if !pairTriplets.isEmpty {
                    out.pair.append(flip ? ~Int32(p) : Int32(p)); out.slope.append(e.phiSlope); out.theta.append(atan2f(e.dr, e.dz))
                }
            }
            j += 1
        }
    }

    /// Which doublets take part in at least one triplet a → b → c inside the map's triplet windows.
    ///
    /// Every node b pairs its incoming with its outgoing doublets. Each edge is marked in two arrays,
    /// as a first doublet (only by the loop of its target) and as a second one (only by the loop of its
    /// source), so parallel chunks never write the same element.
    private func tripletKeep(n: Int, source: [Int32], target: [Int32], pair: [Int32], slope: [Float], theta: [Float],
                             _ s: GraphBuilderScratch) -> [Bool] {
        let e = source.count
        func lists(_ keys: [Int32]) -> (offsets: [Int32], edges: [Int32]) {
            var offsets = [Int32](repeating: 0, count: n + 1)
            for k in keys { offsets[Int(k) + 1] += 1 }
            for v in 0 ..< n { offsets[v + 1] += offsets[v] }
            var fill = offsets, edges = [Int32](repeating: 0, count: keys.count)
            for (i, k) in keys.enumerated() { edges[Int(fill[Int(k)])] = Int32(i); fill[Int(k)] += 1 }
            return (offsets, edges)
        }
        let incoming = lists(target), outgoing = lists(source)
        var first = [Bool](repeating: false, count: e), second = [Bool](repeating: false, count: e)
        let rings = moduleMap.moduleRings, tripletRings = moduleMap.tripletRings, w = moduleMap.tripletWindows
        first.withUnsafeMutableBufferPointer { firstMark in
            second.withUnsafeMutableBufferPointer { secondMark in
                s.moduleOfHit.withUnsafeBufferPointer { moduleOf in
                    ChunkedLoop.forEachRange(count: n, chunkSize: 1024) { _, range in
                        // The outgoing edges of the current node with their third ring, loaded once per node.
                        var outs: [(edge: Int, ring: Int32, slope: Float, theta: Float)] = []
                        for b in range {
                            let inRange = Int(incoming.offsets[b]) ..< Int(incoming.offsets[b + 1])
                            let outRange = Int(outgoing.offsets[b]) ..< Int(outgoing.offsets[b + 1])
                            guard !inRange.isEmpty, !outRange.isEmpty else { continue }
                            outs.removeAll(keepingCapacity: true)
                            for o in outRange {
                                let e2 = Int(outgoing.edges[o])
                                outs.append((e2, rings[Int(moduleOf[Int(target[e2])])], slope[e2], theta[e2]))
                            }
                            for i in inRange {
                                let e1 = Int(incoming.edges[i])
                                let p = pair[e1]
                                let candidates = p >= 0 ? pairTriplets[Int(p)].forward : pairTriplets[Int(~p)].reverse
                                guard !candidates.isEmpty else { continue }
                                let s1 = slope[e1], t1 = theta[e1]
                                for out in outs {
                                    // Binary search of the third ring among the pair's triplets.
                                    var lo = Int(candidates.lowerBound), hi = Int(candidates.upperBound)
                                    while lo < hi {
                                        let mid = (lo + hi) / 2
                                        if tripletRings[3 * mid + 2] < out.ring { lo = mid + 1 } else { hi = mid }
                                    }
                                    guard lo < Int(candidates.upperBound), tripletRings[3 * lo + 2] == out.ring else { continue }
                                    let dSlope = out.slope - s1, dTheta = out.theta - t1
                                    if dSlope >= w[4 * lo] && dSlope <= w[4 * lo + 1] && dTheta >= w[4 * lo + 2] && dTheta <= w[4 * lo + 3] {
                                        firstMark[e1] = true; secondMark[out.edge] = true
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (0 ..< e).map { first[$0] || second[$0] }
    }

    /// The node-feature matrix.
    private func nodeFeatures(_ c: HitCoordinates, cells: Cells?, n: Int) -> FeatureMatrix {
        var cellCount = [Float](), charge = [Float](), sizeU = [Float](), sizeV = [Float]()
        if config.needsCells, let cells {
            cellCount = [Float](repeating: 0, count: n); charge = cellCount
            var minU = [Int32](repeating: .max, count: n), maxU = [Int32](repeating: .min, count: n)
            var minV = minU, maxV = maxU
            for k in 0 ..< cells.count {
                let h = Int(cells.hitIndex[k])
                guard h >= 0, h < n else { continue }
                cellCount[h] += 1; charge[h] += cells.value[k]
                minU[h] = min(minU[h], cells.channel0[k]); maxU[h] = max(maxU[h], cells.channel0[k])
                minV[h] = min(minV[h], cells.channel1[k]); maxV[h] = max(maxV[h], cells.channel1[k])
            }
            sizeU = (0 ..< n).map { cellCount[$0] > 0 ? Float(maxU[$0] - minU[$0] + 1) : 0 }
            sizeV = (0 ..< n).map { cellCount[$0] > 0 ? Float(maxV[$0] - minV[$0] + 1) : 0 }
        }
        var values = [Float]()
        values.reserveCapacity(n * config.nodeFeatures.count)
        for i in 0 ..< n {
            for f in config.nodeFeatures {
                switch f {
                case .r: values.append(c.r[i])
                case .phi: values.append(c.phi[i])
                case .z: values.append(c.z[i])
                case .eta: values.append(c.eta[i])
                case .cellCount: values.append(cellCount[i])
                case .cellCharge: values.append(charge[i])
                case .clusterSizeU: values.append(sizeU[i])
                case .clusterSizeV: values.append(sizeV[i])
                }
            }
        }
        return FeatureMatrix(rows: n, columns: config.nodeFeatures.count, values: values)
    }
}
