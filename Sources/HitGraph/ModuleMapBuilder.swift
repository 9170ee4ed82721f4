import Detector
import EventData
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Learns a ``ModuleMap`` from simulated events with truth: every pair of consecutive hits (flight
/// order, ``TruthOrder``) of a selected particle on two different modules adds its module pair and
/// widens that pair's windows to include its doublet quantities (from the measured hit positions).
///
/// Feed events with ``add(_:)``, then call ``build()``. The result depends only on the events and
/// their order of arrival does not matter (min/max/count are order-free).
public struct ModuleMapBuilder {
    /// The detector.
    public let detector: Detector
    /// The learning settings.
    public let config: ModuleMapConfig
    private let rank: [Float]
    private let orientation: EdgeOrientation
    /// Ring of every module (see ``WindowPooling/ringPair``).
    private let ring: [Int32]
    private var pairs: [UInt64: Accumulator] = [:]
    private var ringPairs: [UInt64: Accumulator] = [:]
    private var ringTriplets: [UInt64: TripletAccumulator] = [:]
    /// Events, particles and truth doublets learned from so far.
    public private(set) var eventCount = 0, particleCount = 0, doubletCount = 0

    private struct Accumulator {
        var count: Int32
        var low: SIMD4<Float>, high: SIMD4<Float>
    }

    private struct TripletAccumulator {
        var count: Int32
        var low: SIMD2<Float>, high: SIMD2<Float>
    }

    public init(detector: Detector, config: ModuleMapConfig) {
        self.detector = detector; self.config = config
        rank = ModuleMap.moduleRank(detector)
        ring = Self.rings(detector)
        orientation = EdgeOrientation(detector: detector)
    }

    /// Numbers the rings: modules of one layer whose centres share radius and z to 0.1 mm.
    static func rings(_ detector: Detector) -> [Int32] {
        var ids: [String: Int32] = [:]
        return (0 ..< detector.modules.count).map { i in
            let c = detector.modules.center(i)
            let r = ((c.x * c.x + c.y * c.y).squareRoot() * 10).rounded(), z = (c.z * 10).rounded()
            let key = "\(detector.modules.id[i].layerID.rawValue)/\(Int(r))/\(Int(z))"
            if let k = ids[key] { return k }
            ids[key] = Int32(ids.count)
            return Int32(ids.count - 1)
        }
    }

    /// Adds one value to an accumulator of `table`.
    @inline(__always) private static func accumulate(_ table: inout [UInt64: Accumulator], _ key: UInt64, _ v: SIMD4<Float>) {
        if var acc = table[key] {
            acc.count += 1
            acc.low = pointwiseMin(acc.low, v); acc.high = pointwiseMax(acc.high, v)
            table[key] = acc
        } else {
            table[key] = Accumulator(count: 1, low: v, high: v)
        }
    }

    /// Whether module `a` comes before module `b` in the map's inner → outer orientation.
    @inline(__always) func isInner(_ a: Int32, _ b: Int32) -> Bool {
        rank[Int(a)] < rank[Int(b)] || (rank[Int(a)] == rank[Int(b)] && a < b)
    }

    /// Learns from one event.
    ///
    /// - Throws: ``HitGraphError/invalidEvent(reason:)`` when the event has no truth or a hit lies on
    ///   a module the detector does not have.
    public mutating func add(_ event: Event) throws {
        guard let truth = event.truth, truth.count == event.hits.count else {
            throw HitGraphError.invalidEvent(reason: "event \(event.eventID) has no truth aligned with its hits")
        }
        let hits = event.hits
        var module = [Int32](repeating: 0, count: hits.count)
        for i in 0 ..< hits.count {
            guard let m = detector.moduleIndex(of: hits.geometryID[i]) else {
                throw HitGraphError.invalidEvent(reason: "event \(event.eventID) hit row \(i) lies on module \(hits.geometryID[i]), unknown to detector '\(detector.name)'")
            }
            module[i] = m
        }
        let coords = HitCoordinates(hits)
        let order = TruthOrder(truth: truth, particles: event.particles)
        for p in 0 ..< order.count {
            guard Double(order.pT[p]) >= config.ptMin else { continue }
            if let rMax = config.maxVertexRadius, Double(order.vertexRadius[p]) > rMax { continue }
            let along = order.hits(of: p)
            guard along.count >= 2 else { continue }
            particleCount += 1
            // The previous doublet in graph orientation (increasing hit radius), when it ran along the flight.
            var previous: (geometry: DoubletGeometry, ring: Int32, module: Int32)? = nil
            for (h1, h2) in zip(along, along.dropFirst()) {
                let m1 = module[Int(h1)], m2 = module[Int(h2)]
                guard m1 != m2 else { previous = nil; continue }
                let (a, b, ma, mb) = isInner(m1, m2) ? (Int(h1), Int(h2), m1, m2) : (Int(h2), Int(h1), m2, m1)
                let g = DoubletGeometry(ra: coords.r[a], phia: coords.phi[a], za: coords.z[a], etaa: coords.eta[a],
                                        rb: coords.r[b], phib: coords.phi[b], zb: coords.z[b], etab: coords.eta[b])
                let v = g.windowed
                Self.accumulate(&pairs, Self.key(ma, mb), v)
                Self.accumulate(&ringPairs, Self.key(ring[Int(ma)], ring[Int(mb)]), v)
                doubletCount += 1
                guard config.learnTriplets else { continue }
                // Learn the triplets the graph will see: h1 → h2 → h3 with both edges in graph orientation
                // (``EdgeOrientation``), i.e. along the flight.
                let i = Int(h1), j = Int(h2)
                guard orientation.runs(from: i, m1, to: j, m2, coords) else { previous = nil; continue }
                let e = DoubletGeometry(ra: coords.r[i], phia: coords.phi[i], za: coords.z[i], etaa: coords.eta[i],
                                        rb: coords.r[j], phib: coords.phi[j], zb: coords.z[j], etab: coords.eta[j])
                if let p = previous, p.module != m2 {
                    let t = TripletGeometry(p.geometry, e).windowed
                    let key = UInt64(UInt32(p.ring)) << 42 | UInt64(UInt32(ring[Int(m1)])) << 21 | UInt64(UInt32(ring[Int(m2)]))
                    if var acc = ringTriplets[key] {
                        acc.count += 1; acc.low = pointwiseMin(acc.low, t); acc.high = pointwiseMax(acc.high, t)
                        ringTriplets[key] = acc
                    } else {
                        ringTriplets[key] = TripletAccumulator(count: 1, low: t, high: t)
                    }
                }
                previous = (e, ring[Int(m1)], m1)
            }
        }
        eventCount += 1
    }

    /// The map learned so far, windows widened by the configured margins.
    public func build() -> ModuleMap {
        let moduleCount = detector.modules.count
        // Seen pairs (count ≥ minCount), then rotated copies of them (count 0).
        var chosen: [UInt64: Int32] = [:]
        for (key, acc) in pairs where acc.count >= Int32(config.minCount) { chosen[key] = acc.count }
        if config.completePairs { complete(&chosen) }
        let keys = chosen.keys.sorted()
        var offsets = [Int32](repeating: 0, count: moduleCount + 1)
        var targets: [Int32] = [], counts: [Int32] = [], windows: [Float] = []
        targets.reserveCapacity(keys.count); counts.reserveCapacity(keys.count); windows.reserveCapacity(keys.count * 8)
        let absolute = SIMD4<Float>(config.absoluteMargin[0], config.absoluteMargin[1], config.absoluteMargin[2], config.absoluteMargin[3])
        for key in keys {
            let a = Int(key >> 32), b = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
            let pooled = ringPairs[Self.key(ring[a], ring[Int(b)])]!
            let acc = config.pooling == .modulePair ? (pairs[key] ?? pooled) : pooled
            offsets[a + 1] += 1
            targets.append(b); counts.append(chosen[key]!)
            let spread = config.relativeMargin + config.countMargin / Float(acc.count + 1)
            let pad = (acc.high - acc.low) * spread + absolute
            let low = acc.low - pad, high = acc.high + pad
            for q in 0 ..< 4 { windows.append(low[q]); windows.append(high[q]) }
        }
        for m in 0 ..< moduleCount { offsets[m + 1] += offsets[m] }
        var tripletRings: [Int32] = [], tripletWindows: [Float] = []
        if config.learnTriplets {
            let margin = SIMD2<Float>(config.tripletAbsoluteMargin[0], config.tripletAbsoluteMargin[1])
            for key in ringTriplets.keys.sorted() {
                let acc = ringTriplets[key]!
                tripletRings += [Int32(key >> 42), Int32((key >> 21) & 0x1F_FFFF), Int32(key & 0x1F_FFFF)]
                let spread = config.relativeMargin + config.countMargin / Float(acc.count + 1)
                let pad = (acc.high - acc.low) * spread + margin
                let low = acc.low - pad, high = acc.high + pad
                tripletWindows += [low[0], high[0], low[1], high[1]]
            }
        }
        // The columns are consistent by construction.
        return try! ModuleMap(detectorName: detector.name, moduleIDs: detector.modules.id, pairOffsets: offsets,
                              pairTargets: targets, pairCounts: counts, windows: windows,
                              moduleRings: config.learnTriplets ? ring : [], tripletRings: tripletRings, tripletWindows: tripletWindows)
    }

    @inline(__always) private static func key(_ a: Int32, _ b: Int32) -> UInt64 { UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)) }

    /// Adds to `chosen` (with count 0) every pair between two rings whose azimuthal offset of module
    /// centres lies within the offsets of the pairs already chosen between those rings (±0.1 mrad).
    private func complete(_ chosen: inout [UInt64: Int32]) {
        let azimuth = (0 ..< detector.modules.count).map { i -> Double in
            let c = detector.modules.center(i)
            return atan2(c.y, c.x)
        }
        func wrap(_ x: Double) -> Double { x > .pi ? x - 2 * .pi : (x <= -.pi ? x + 2 * .pi : x) }
        var offsetRange: [UInt64: (lo: Double, hi: Double)] = [:]
        // Offsets of pairs seen at least twice: a pair seen once may come from an odd particle
        // (a hard scatter off the beam line) and would widen the range for a whole ring.
        for (key, count) in chosen where count >= 2 {
            let a = Int(key >> 32), b = Int(key & 0xFFFF_FFFF)
            let d = wrap(azimuth[b] - azimuth[a])
            let rk = Self.key(ring[a], ring[b])
            if let r = offsetRange[rk] { offsetRange[rk] = (min(r.lo, d), max(r.hi, d)) } else { offsetRange[rk] = (d, d) }
        }
        // Modules of every ring, by azimuth.
        var members: [Int32: [Int]] = [:]
        for m in 0 ..< detector.modules.count { members[ring[m], default: []].append(m) }
        for k in members.keys { members[k]!.sort { azimuth[$0] < azimuth[$1] } }
        let tolerance = 1e-4
        for (rk, range) in offsetRange.sorted(by: { $0.key < $1.key }) {
            let ra = Int32(truncatingIfNeeded: rk >> 32), rb = Int32(truncatingIfNeeded: rk & 0xFFFF_FFFF)
            guard let first = members[ra], let second = members[rb] else { continue }
            for a in first {
                for b in second where b != a {
                    let d = wrap(azimuth[b] - azimuth[a])
                    guard d >= range.lo - tolerance, d <= range.hi + tolerance,
                          isInner(Int32(a), Int32(b)) else { continue }
                    let k = Self.key(Int32(a), Int32(b))
                    if chosen[k] == nil { chosen[k] = 0 }
                }
            }
        }
    }
}
