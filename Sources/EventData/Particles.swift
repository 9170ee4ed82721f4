/// The generated particles of one event (TrackML `particles` file), structure-of-arrays.
///
/// Vertices are in mm, momenta in GeV, charge in units of e.
public struct Particles: Equatable, Sendable {
    /// Particle identifiers (TrackML `particle_id`; 0 is reserved for noise).
    public var particleID: [UInt64]
    /// PDG particle code, when the source provides it (TrackML `particle_type`).
    public var particleType: [Int32]?
    /// Production vertex x in mm.
    public var vx: [Float]
    /// Production vertex y in mm.
    public var vy: [Float]
    /// Production vertex z in mm.
    public var vz: [Float]
    /// Momentum x at production in GeV.
    public var px: [Float]
    /// Momentum y at production in GeV.
    public var py: [Float]
    /// Momentum z at production in GeV.
    public var pz: [Float]
    /// Charge in units of e.
    public var charge: [Int32]
    /// Number of hits the particle left (TrackML `nhits`; for subsets it may count the parent event).
    public var nHits: [Int32]

    /// An empty particle collection (with a `particleType` column when `withType` is true).
    public init(withType: Bool = true) {
        particleID = []; particleType = withType ? [] : nil
        vx = []; vy = []; vz = []; px = []; py = []; pz = []; charge = []; nHits = []
    }

    /// The number of particles.
    @inlinable public var count: Int { particleID.count }

    /// Appends one particle; `type` is ignored when the collection has no type column.
    public mutating func append(id: UInt64, type: Int32?, vx x: Float, vy y: Float, vz z: Float,
                                px mx: Float, py my: Float, pz mz: Float, charge q: Int32, nHits n: Int32) {
        particleID.append(id)
        if particleType != nil { particleType!.append(type ?? 0) }
        vx.append(x); vy.append(y); vz.append(z); px.append(mx); py.append(my); pz.append(mz)
        charge.append(q); nHits.append(n)
    }

    /// Transverse momentum of particle `i` in GeV.
    @inlinable public func pT(_ i: Int) -> Double {
        let a = Double(px[i]), b = Double(py[i])
        return (a * a + b * b).squareRoot()
    }

    /// Pseudorapidity of particle `i` (±∞ along the beam).
    public func eta(_ i: Int) -> Double {
        let pt = pT(i), p = Double(pz[i])
        return asinh(p / pt)
    }

    /// A map from particle id to row index.
    ///
    /// - Complexity: O(n).
    public func indexByParticleID() -> [UInt64: Int32] {
        var map = [UInt64: Int32](minimumCapacity: count)
        for (i, id) in particleID.enumerated() { map[id] = Int32(i) }
        return map
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
