/// The truth behind each hit of one event (TrackML `truth` file), aligned row by row with ``Hits``.
///
/// Row `i` is the truth of hit row `i`. Positions in mm, momenta in GeV.
public struct Truth: Equatable, Sendable {
    /// The particle that made the hit; 0 for noise.
    public var particleID: [UInt64]
    /// True x in mm.
    public var tx: [Float]
    /// True y in mm.
    public var ty: [Float]
    /// True z in mm.
    public var tz: [Float]
    /// True momentum x at the hit in GeV.
    public var tpx: [Float]
    /// True momentum y at the hit in GeV.
    public var tpy: [Float]
    /// True momentum z at the hit in GeV.
    public var tpz: [Float]
    /// TrackML scoring weight of the hit (0 for noise).
    public var weight: [Float]

    /// An empty truth table.
    public init() {
        particleID = []; tx = []; ty = []; tz = []; tpx = []; tpy = []; tpz = []; weight = []
    }

    /// The number of rows (equal to the number of hits).
    @inlinable public var count: Int { particleID.count }

    /// Reserves room for `n` rows in every column.
    public mutating func reserveCapacity(_ n: Int) {
        particleID.reserveCapacity(n); tx.reserveCapacity(n); ty.reserveCapacity(n); tz.reserveCapacity(n)
        tpx.reserveCapacity(n); tpy.reserveCapacity(n); tpz.reserveCapacity(n); weight.reserveCapacity(n)
    }

    /// Appends one row.
    public mutating func append(particleID p: UInt64, tx x: Float, ty y: Float, tz z: Float,
                                tpx mx: Float, tpy my: Float, tpz mz: Float, weight w: Float) {
        particleID.append(p); tx.append(x); ty.append(y); tz.append(z)
        tpx.append(mx); tpy.append(my); tpz.append(mz); weight.append(w)
    }

    /// The number of noise rows (particle id 0).
    public var noiseCount: Int { particleID.reduce(0) { $0 + ($1 == 0 ? 1 : 0) } }
}
