import EventData

/// The majority particle of every track and the double-majority match (DESIGN §4).
///
/// For each track: its **majority particle** is the particle with the most hits on the track, ties going
/// to the smaller particle id; the noise pseudo-particle (id 0) can be the majority. The track is
/// **double-majority** when its majority hits are more than half of the track's hits *and* more than half
/// of that particle's truth hits (exactly half is not enough on either side). A track **matches**
/// particle P when it is double-majority with majority P and P is not noise.
///
/// Only the majority particle can hold more than half of a track's hits, so the TrackML "counting" rule
/// and the double-majority match look at the same particle.
///
/// Tracks may share hits (a finder's output before ambiguity resolution); that is how duplicates arise,
/// since disjoint tracks cannot both hold more than half of one particle's hits. Shared hits are counted
/// in ``sharedHitCount``; a submission (one track per hit) has none.
public struct TrackMatching: Sendable {
    /// The number of hits of each track.
    public let trackHitCount: [Int32]
    /// Dense particle index (see ``TruthIndex``) of each track's majority particle; −1 for an empty track.
    public let majorityParticle: [Int32]
    /// The number of the track's hits that belong to its majority particle.
    public let majorityHitCount: [Int32]
    /// Whether each track is double-majority (the TrackML counting rule; noise majority included).
    public let isDoubleMajority: [Bool]
    /// The number of distinct hits that belong to more than one track.
    public let sharedHitCount: Int

    /// The number of tracks.
    @inlinable public var count: Int { trackHitCount.count }

    /// The dense particle matched by track `t`, or nil (no double majority, or a noise majority).
    @inlinable public func matchedParticle(_ t: Int, truth: TruthIndex) -> Int? {
        guard isDoubleMajority[t] else { return nil }
        let p = Int(majorityParticle[t])
        return truth.isNoise(p) ? nil : p
    }

    /// Matches `tracks` against `truth`.
    ///
    /// - Throws: ``EvaluationError/hitOutOfRange(track:hit:hitCount:)`` when a track names a row outside
    ///   the event, ``EvaluationError/duplicateHitInTrack(track:hit:)`` when a track lists a hit twice.
    /// - Complexity: O(h log L) for h track hits and longest track L (each track's particle labels are
    ///   sorted in a scratch buffer, insertion sort for the usual short tracks); no dictionaries.
    public init(tracks: Tracks, truth: TruthIndex) throws {
        let nTracks = tracks.count
        let n = truth.hitCount
        var owner = [Int32](repeating: -1, count: n)
        var nHits = [Int32](repeating: 0, count: nTracks)
        var majority = [Int32](repeating: -1, count: nTracks)
        var majorityHits = [Int32](repeating: 0, count: nTracks)
        var doubleMajority = [Bool](repeating: false, count: nTracks)

        var longest = 0
        for t in 0 ..< nTracks { longest = max(longest, Int(tracks.offsets[t + 1] - tracks.offsets[t])) }
        var scratch = [Int32](repeating: 0, count: longest)
        var isShared = [Bool](repeating: false, count: n)
        var shared = 0

        try tracks.hitIndices.withUnsafeBufferPointer { hitRows in
            try tracks.offsets.withUnsafeBufferPointer { off in
                try truth.particleOfHit.withUnsafeBufferPointer { particleOf in
                    try truth.hitOffsets.withUnsafeBufferPointer { pOff in
                        try owner.withUnsafeMutableBufferPointer { own in
                            try scratch.withUnsafeMutableBufferPointer { buf in
                                for t in 0 ..< nTracks {
                                    let lo = Int(off[t]), hi = Int(off[t + 1])
                                    let len = hi - lo
                                    nHits[t] = Int32(len)
                                    guard len > 0 else { continue }
                                    for k in 0 ..< len {
                                        let h = hitRows[lo + k]
                                        guard h >= 0, Int(h) < n else {
                                            throw EvaluationError.hitOutOfRange(track: t, hit: h, hitCount: n)
                                        }
                                        let previous = own[Int(h)]
                                        if previous == Int32(t) {
                                            throw EvaluationError.duplicateHitInTrack(track: t, hit: h)
                                        }
                                        if previous >= 0 && !isShared[Int(h)] { isShared[Int(h)] = true; shared += 1 }
                                        own[Int(h)] = Int32(t)
                                        buf[k] = particleOf[Int(h)]
                                    }
                                    Self.sortSmall(buf, len)
                                    // Longest run of equal labels; the first (smallest id) wins ties.
                                    var best: Int32 = buf[0], bestCount = 0
                                    var k = 0
                                    while k < len {
                                        var e = k + 1
                                        while e < len && buf[e] == buf[k] { e += 1 }
                                        if e - k > bestCount { bestCount = e - k; best = buf[k] }
                                        k = e
                                    }
                                    majority[t] = best
                                    majorityHits[t] = Int32(bestCount)
                                    let particleHits = Int(pOff[Int(best) + 1] - pOff[Int(best)])
                                    doubleMajority[t] = 2 * bestCount > len && 2 * bestCount > particleHits
                                }
                            }
                        }
                    }
                }
            }
        }
        trackHitCount = nHits
        majorityParticle = majority
        majorityHitCount = majorityHits
        isDoubleMajority = doubleMajority
        sharedHitCount = shared
    }

    /// Sorts the first `len` labels of `buf`: insertion sort for short tracks, library sort otherwise.
    @inline(__always)
    private static func sortSmall(_ buf: UnsafeMutableBufferPointer<Int32>, _ len: Int) {
        if len <= 24 {
            var i = 1
            while i < len {
                let v = buf[i]
                var j = i - 1
                while j >= 0 && buf[j] > v { buf[j + 1] = buf[j]; j -= 1 }
                buf[j + 1] = v
                i += 1
            }
        } else {
            var part = UnsafeMutableBufferPointer(rebasing: buf[0 ..< len])
            part.sort()
        }
    }
}
