import EventData
import Foundation

/// Builds small hand-made events: particles as straight lines from a vertex through barrel layers
/// (radii 30, 80, 130, … mm), noise hits scattered elsewhere. Every particle hit weighs 1 in the truth
/// table unless told otherwise; noise weighs 0.
struct EventBuilder {
    var hits = Hits()
    var truth = Truth()
    var particles = Particles()

    /// Adds a particle with `count` hits and returns their rows (in flight order).
    @discardableResult
    mutating func particle(_ id: UInt64, hits count: Int, pT: Double = 2, eta: Double = 0.5, phi: Double = 0.3,
                           vz: Float = 0, volume: Int32 = 8, weight: Float = 1, inTable: Bool = true) -> [Int32] {
        let pz = pT * sinh(eta)
        if inTable {
            particles.append(id: id, type: 211, vx: 0, vy: 0, vz: vz, px: Float(pT * cos(phi)), py: Float(pT * sin(phi)),
                             pz: Float(pz), charge: 1, nHits: Int32(count))
        }
        var rows = [Int32]()
        for k in 0 ..< count {
            let r = 30.0 + 50.0 * Double(k)
            let x = Float(r * cos(phi)), y = Float(r * sin(phi)), z = vz + Float(r * sinh(eta))
            rows.append(Int32(hits.count))
            hits.append(hitID: Int64(hits.count + 1), x: x, y: y, z: z,
                        geometryID: GeometryID(volume: volume, layer: Int32(2 + 2 * k), module: 1))
            truth.append(particleID: id, tx: x, ty: y, tz: z, tpx: 0, tpy: 0, tpz: 0, weight: weight)
        }
        return rows
    }

    /// Adds `count` noise hits and returns their rows.
    @discardableResult
    mutating func noise(_ count: Int) -> [Int32] {
        var rows = [Int32]()
        for k in 0 ..< count {
            let x = Float(500 + 7 * k), y = Float(-300 - 3 * k), z = Float(100 * k)
            rows.append(Int32(hits.count))
            hits.append(hitID: Int64(hits.count + 1), x: x, y: y, z: z,
                        geometryID: GeometryID(volume: 13, layer: 2, module: 5))
            truth.append(particleID: 0, tx: x, ty: y, tz: z, tpx: 0, tpy: 0, tpz: 0, weight: 0)
        }
        return rows
    }

    /// The event.
    func event(id: Int64 = 1) -> Event {
        Event(eventID: id, hits: hits, particles: particles, truth: truth)
    }
}
