/// Reconstructed track candidates: hit lists in compressed-row form, with optional quality.
///
/// Track `t` owns `hitIndices[offsets[t] ..< offsets[t + 1]]`, indices into the event's ``Hits``.
/// `offsets` always starts at 0 and has `count + 1` entries.
public struct Tracks: Equatable, Sendable {
    /// Hit rows of all tracks, track after track.
    public private(set) var hitIndices: [Int32]
    /// Start of each track in ``hitIndices``, plus the end of the last one.
    public private(set) var offsets: [Int32]
    /// Fit χ² per track, when the finder computes one.
    public var chi2: [Float]?
    /// Fitted parameters per track, when the finder computes them.
    public var parameters: [TrackParameters]?

    /// No tracks.
    public init() { hitIndices = []; offsets = [0]; chi2 = nil; parameters = nil }

    /// Builds tracks from their hit lists.
    public init<S: Sequence>(hitLists: S) where S.Element == [Int32] {
        self.init()
        for list in hitLists { append(hits: list) }
    }

    /// The number of tracks.
    @inlinable public var count: Int { offsets.count - 1 }

    /// The hit rows of track `t`.
    @inlinable public func hits(of t: Int) -> ArraySlice<Int32> {
        hitIndices[Int(offsets[t]) ..< Int(offsets[t + 1])]
    }

    /// Appends a track made of `hits`.
    public mutating func append<C: Collection>(hits: C) where C.Element == Int32 {
        hitIndices.append(contentsOf: hits)
        offsets.append(Int32(hitIndices.count))
    }

    /// The track each hit belongs to (`-1` when none), for an event with `hitCount` hits.
    ///
    /// Returns `nil` when a hit index is out of range or a hit belongs to two tracks.
    public func trackOfHit(hitCount: Int) -> [Int32]? {
        var owner = [Int32](repeating: -1, count: hitCount)
        for t in 0 ..< count {
            for h in hits(of: t) {
                guard h >= 0, Int(h) < hitCount, owner[Int(h)] < 0 else { return nil }
                owner[Int(h)] = Int32(t)
            }
        }
        return owner
    }

    /// Builds tracks from a per-hit track label (as in a TrackML submission).
    ///
    /// Hits with the same label form one track; tracks are ordered by first appearance of their
    /// label and hits keep their row order. Labels listed in `unassigned` (for example 0 in
    /// some submissions) are not turned into tracks.
    public init(trackLabels: [Int64], unassigned: Set<Int64> = []) {
        self.init()
        var slot = [Int64: Int](), lists = [[Int32]]()
        for (h, label) in trackLabels.enumerated() where !unassigned.contains(label) {
            if let s = slot[label] { lists[s].append(Int32(h)) } else {
                slot[label] = lists.count; lists.append([Int32(h)])
            }
        }
        for list in lists { append(hits: list) }
    }
}

/// Perigee track parameters (ACTS convention) at the beam line.
public struct TrackParameters: Equatable, Sendable {
    /// Transverse impact parameter in mm.
    public var d0: Float
    /// Longitudinal impact parameter in mm.
    public var z0: Float
    /// Azimuth of the momentum at the perigee in radians.
    public var phi: Float
    /// Polar angle in radians.
    public var theta: Float
    /// Charge over momentum in e/GeV.
    public var qOverP: Float

    public init(d0: Float, z0: Float, phi: Float, theta: Float, qOverP: Float) {
        self.d0 = d0; self.z0 = z0; self.phi = phi; self.theta = theta; self.qOverP = qOverP
    }
}
