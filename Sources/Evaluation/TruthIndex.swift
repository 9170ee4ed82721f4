import EventData

/// The truth of one event re-indexed for fast evaluation.
///
/// Particle identifiers are replaced by dense indices `0 ..< particleCount` in increasing order of
/// identifier, so "the smaller particle id" is "the smaller dense index", and the noise pseudo-particle
/// (id 0), when present, is index 0. Each particle's hits are listed in the order the particle crossed
/// them: by increasing `|z_true − z_vertex|` (the TrackML ordering; along a helix in a solenoid field `z`
/// changes linearly with path length, so this is the flight order, loopers included), ties broken by
/// the 3D distance from the production vertex and then by hit row. The same order defines the TrackML
/// order weights, "the first hit" of a particle and "consecutive hits" for edge truth.
///
/// Build it once per event and reuse it for every set of tracks evaluated on that event.
public struct TruthIndex: Sendable {
    /// The number of hits (rows of ``Hits`` and ``Truth``).
    public let hitCount: Int
    /// Distinct particle identifiers found in the truth table, increasing; index = dense particle index.
    public let particleIDs: [UInt64]
    /// Dense index of the noise pseudo-particle (id 0), or −1 when the event has no noise hits.
    public let noiseParticle: Int32
    /// Dense particle index of each hit row.
    public let particleOfHit: [Int32]
    /// Start of each particle's hits in ``hitsAlongParticle``, plus the end of the last (count + 1 entries).
    public let hitOffsets: [Int32]
    /// Hit rows of all particles, particle after particle, each particle's hits in flight order.
    public let hitsAlongParticle: [Int32]
    /// Position (0-based) of each hit along its particle, in flight order.
    public let positionOnParticle: [Int32]
    /// `|z_true − z_vertex|` of each hit in mm (the TrackML ordering key; `z_vertex` = 0 when the particle is unknown).
    public let distanceFromVertexZ: [Double]
    /// Row of each particle in the event's ``Particles``, or −1 when the particle table lacks it.
    public let particleRow: [Int32]
    /// Transverse momentum of each particle at production in GeV (NaN when unknown).
    public let pT: [Double]
    /// Pseudorapidity of each particle at production (NaN when unknown).
    public let eta: [Double]
    /// Detector volume of each particle's first hit in flight order (−1 for noise).
    public let firstHitVolume: [Int32]
    /// The detector volumes present among the event's hits, increasing.
    public let volumes: [Int32]

    /// The number of dense particles (the noise pseudo-particle included when present).
    @inlinable public var particleCount: Int { particleIDs.count }

    /// The number of truth hits of dense particle `p`.
    @inlinable public func hitCount(ofParticle p: Int) -> Int {
        Int(hitOffsets[p + 1] - hitOffsets[p])
    }

    /// The hit rows of dense particle `p`, in flight order.
    @inlinable public func hits(ofParticle p: Int) -> ArraySlice<Int32> {
        hitsAlongParticle[Int(hitOffsets[p]) ..< Int(hitOffsets[p + 1])]
    }

    /// Whether dense particle `p` is the noise pseudo-particle.
    @inlinable public func isNoise(_ p: Int) -> Bool { p == Int(noiseParticle) }

    /// The dense index of particle identifier `id`, or nil when no hit carries it.
    ///
    /// - Complexity: O(log particleCount).
    public func denseIndex(of id: UInt64) -> Int? {
        let i = Self.lowerBound(particleIDs, id)
        return i < particleIDs.count && particleIDs[i] == id ? i : nil
    }

    /// Indexes the truth of `event`.
    ///
    /// Particles missing from the particle table (or an absent table) get NaN kinematics and a vertex
    /// at `z = 0`; they are never selected for efficiency and get TrackML weight 0 when weights are
    /// recomputed.
    ///
    /// - Throws: ``EvaluationError/missingTruth`` or ``EvaluationError/truthNotAligned(hits:truth:)``.
    /// - Complexity: O(n log n) for n hits (one sort of the identifiers, then small per-particle sorts).
    public init(event: Event) throws {
        guard let truth = event.truth else { throw EvaluationError.missingTruth }
        let hits = event.hits
        let n = hits.count
        guard truth.count == n else { throw EvaluationError.truthNotAligned(hits: n, truth: truth.count) }
        hitCount = n

        // Dense identifiers: sort a copy of the id column (a primitive sort), keep distinct values.
        var ids = truth.particleID
        ids.sort()
        var distinct = [UInt64]()
        distinct.reserveCapacity(min(n, 1 << 16))
        for id in ids where distinct.last != id { distinct.append(id) }
        particleIDs = distinct
        let pCount = distinct.count
        let noise: Int = distinct.first == 0 ? 0 : -1
        noiseParticle = Int32(noise)

        // Dense index per hit (binary search) and a counting sort by particle that keeps row order.
        var ofHit = [Int32](repeating: 0, count: n)
        var offsets = [Int32](repeating: 0, count: pCount + 1)
        truth.particleID.withUnsafeBufferPointer { pid in
            distinct.withUnsafeBufferPointer { d in
                for h in 0 ..< n {
                    let p = Self.lowerBound(d, pid[h])
                    ofHit[h] = Int32(p)
                    offsets[p + 1] += 1
                }
            }
        }
        for p in 0 ..< pCount { offsets[p + 1] += offsets[p] }
        var along = [Int32](repeating: 0, count: n)
        var fill = offsets
        for h in 0 ..< n {
            let p = Int(ofHit[h])
            along[Int(fill[p])] = Int32(h)
            fill[p] += 1
        }

        // Particle table rows and kinematics.
        var row = [Int32](repeating: -1, count: pCount)
        var pt = [Double](repeating: .nan, count: pCount)
        var et = [Double](repeating: .nan, count: pCount)
        var vx = [Double](repeating: 0, count: pCount)
        var vy = [Double](repeating: 0, count: pCount)
        var vz = [Double](repeating: 0, count: pCount)
        if let particles = event.particles {
            for r in 0 ..< particles.count {
                let id = particles.particleID[r]
                guard id != 0 else { continue }
                let p = Self.lowerBound(distinct, id)
                guard p < pCount, distinct[p] == id else { continue }
                row[p] = Int32(r)
                pt[p] = particles.pT(r)
                et[p] = particles.eta(r)
                vx[p] = Double(particles.vx[r]); vy[p] = Double(particles.vy[r]); vz[p] = Double(particles.vz[r])
            }
        }
        particleRow = row; pT = pt; eta = et

        // Flight order within each particle.
        var dz = [Double](repeating: 0, count: n)
        var d3 = [Double](repeating: 0, count: n)
        for h in 0 ..< n {
            let p = Int(ofHit[h])
            let ex = Double(truth.tx[h]) - vx[p], ey = Double(truth.ty[h]) - vy[p], ez = Double(truth.tz[h]) - vz[p]
            dz[h] = abs(ez)
            d3[h] = ex * ex + ey * ey + ez * ez
        }
        var position = [Int32](repeating: 0, count: n)
        var firstVolume = [Int32](repeating: -1, count: pCount)
        dz.withUnsafeBufferPointer { dzb in
            d3.withUnsafeBufferPointer { d3b in
                along.withUnsafeMutableBufferPointer { a in
                    for p in 0 ..< pCount {
                        let lo = Int(offsets[p]), hi = Int(offsets[p + 1])
                        if p != noise {
                            Self.sortAlongFlight(a, lo, hi, dzb, d3b)
                        }
                        for k in lo ..< hi { position[Int(a[k])] = Int32(k - lo) }
                        if p != noise, hi > lo {
                            firstVolume[p] = hits.geometryID[Int(a[lo])].volume
                        }
                    }
                }
            }
        }
        particleOfHit = ofHit
        hitOffsets = offsets
        hitsAlongParticle = along
        positionOnParticle = position
        distanceFromVertexZ = dz
        firstHitVolume = firstVolume

        var vols = hits.geometryID.map { $0.volume }
        vols.sort()
        var distinctVolumes = [Int32]()
        for v in vols where distinctVolumes.last != v { distinctVolumes.append(v) }
        volumes = distinctVolumes
    }

    /// Sorts `a[lo..<hi]` (hit rows) by (|Δz|, 3D distance², row); insertion sort for short runs.
    private static func sortAlongFlight(_ a: UnsafeMutableBufferPointer<Int32>, _ lo: Int, _ hi: Int,
                                        _ dz: UnsafeBufferPointer<Double>, _ d3: UnsafeBufferPointer<Double>) {
        @inline(__always) func less(_ x: Int32, _ y: Int32) -> Bool {
            let i = Int(x), j = Int(y)
            if dz[i] != dz[j] { return dz[i] < dz[j] }
            if d3[i] != d3[j] { return d3[i] < d3[j] }
            return x < y
        }
        if hi - lo <= 32 {
            var i = lo + 1
            while i < hi {
                let v = a[i]
                var j = i - 1
                while j >= lo && less(v, a[j]) { a[j + 1] = a[j]; j -= 1 }
                a[j + 1] = v
                i += 1
            }
        } else {
            var part = UnsafeMutableBufferPointer(rebasing: a[lo ..< hi])
            part.sort(by: less)
        }
    }

    /// First index in increasing `values` whose element is not less than `key`.
    @inline(__always)
    static func lowerBound<C: RandomAccessCollection>(_ values: C, _ key: UInt64) -> Int
    where C.Element == UInt64, C.Index == Int {
        var lo = values.startIndex, hi = values.endIndex
        while lo < hi {
            let mid = (lo + hi) >> 1
            if values[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
