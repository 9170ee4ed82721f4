import EventData

/// The hits of every particle of an event in flight order — increasing `|z_true − z_vertex|` (along a
/// helix in a solenoid, z changes linearly with path length, so this is the flight order, loopers
/// included), ties by the 3D distance from the production vertex, then by hit row: the same order as
/// the evaluator's edge truth (DESIGN §4, "consecutive along the particle").
public struct TruthOrder: Sendable {
    /// Particle id of each group (noise excluded).
    public let particleID: [UInt64]
    /// Production-momentum pT of each group in GeV (from the particle table; from the truth momentum
    /// at the first hit when the particle is not in the table).
    public let pT: [Float]
    /// Production vertex radius √(vx² + vy²) of each group in mm (0 when unknown).
    public let vertexRadius: [Float]
    /// Group `p` holds `hits[offsets[p] ..< offsets[p + 1]]`, in flight order.
    public let offsets: [Int32]
    /// Hit rows, particle after particle.
    public let hits: [Int32]

    /// The number of particles with hits.
    public var count: Int { particleID.count }

    /// Orders the hits of `truth` (aligned with the event's hits) by particle and flight.
    ///
    /// - Complexity: O(n log n).
    public init(truth: Truth, particles: Particles?) {
        let n = truth.count
        var rowOfParticle: [UInt64: Int] = [:]
        if let particles { rowOfParticle = Dictionary(particles.particleID.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
        // Group hits by particle id (sorted ids, then row order within a particle).
        let rows = (0 ..< n).filter { truth.particleID[$0] != 0 }.sorted {
            truth.particleID[$0] != truth.particleID[$1] ? truth.particleID[$0] < truth.particleID[$1] : $0 < $1
        }
        var ids: [UInt64] = [], pts: [Float] = [], radii: [Float] = [], offsets: [Int32] = [0], hits: [Int32] = []
        hits.reserveCapacity(rows.count)
        var k = 0
        while k < rows.count {
            let id = truth.particleID[rows[k]]
            var end = k
            while end < rows.count && truth.particleID[rows[end]] == id { end += 1 }
            var vx = 0.0, vy = 0.0, vz = 0.0
            var pt: Float
            if let particles, let r = rowOfParticle[id] {
                vx = Double(particles.vx[r]); vy = Double(particles.vy[r]); vz = Double(particles.vz[r])
                pt = Float(particles.pT(r))
            } else {
                let h = rows[k]
                pt = (truth.tpx[h] * truth.tpx[h] + truth.tpy[h] * truth.tpy[h]).squareRoot()
            }
            var keyed: [FlightKey] = []
            keyed.reserveCapacity(end - k)
            for h in rows[k ..< end] {
                let ex = Double(truth.tx[h]) - vx, ey = Double(truth.ty[h]) - vy, ez = Double(truth.tz[h]) - vz
                keyed.append(FlightKey(dz: abs(ez), distance: ex * ex + ey * ey + ez * ez, row: Int32(h)))
            }
            keyed.sort()
            for key in keyed { hits.append(key.row) }
            ids.append(id); pts.append(pt); radii.append(Float((vx * vx + vy * vy).squareRoot()))
            offsets.append(Int32(hits.count))
            k = end
        }
        particleID = ids; pT = pts; vertexRadius = radii; self.offsets = offsets; self.hits = hits
    }

    /// The hit rows of group `p`, in flight order.
    public func hits(of p: Int) -> ArraySlice<Int32> { hits[Int(offsets[p]) ..< Int(offsets[p + 1])] }
}

extension TruthOrder {
    /// The flight-order sort key of one hit: |Δz| from the vertex, then squared 3D distance, then row.
    fileprivate struct FlightKey: Comparable {
        let dz: Double, distance: Double, row: Int32
        static func < (a: FlightKey, b: FlightKey) -> Bool {
            if a.dz != b.dz { return a.dz < b.dz }
            if a.distance != b.distance { return a.distance < b.distance }
            return a.row < b.row
        }
    }
}
