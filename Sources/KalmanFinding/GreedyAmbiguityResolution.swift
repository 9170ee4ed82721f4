import EventData

/// Greedy ambiguity resolution (as ACTS's `GreedyAmbiguityResolution`): among the tracks that share
/// more than ``AmbiguityResolutionConfig/maximumSharedHits`` hits with other tracks, remove the one
/// whose hits are most often shared — the largest fraction of its hits (the lowest quality first
/// among equals) — until none is left. Then every hit goes to the best track that holds it, and
/// tracks left too short are dropped, so the output assigns each hit to at most one track, as a
/// TrackML submission requires.
///
/// The tracks the removal took out then get a second chance, best quality first, with the hits no
/// kept track holds (``AmbiguityResolutionConfig/rescueRemovedTracks``).
///
/// The fraction rather than the count of shared hits: a long true track crossing a dense region
/// shares more hits than a short fake built from them, but a smaller part of its own (removing by
/// count until 2026-11-30; by fraction on 5 μ = 200 events of seeds 1 and 31, five-pass seeding:
/// TrackML score +0.001, fake rate −0.2 points).
///
/// Every candidate, and every track after the unique assignment (with the hits left to it), must
/// pass the ``TrackQualitySelection`` cuts.
///
/// Quality = measurements − ``AmbiguityResolutionConfig/holePenalty`` × holes −
/// ``AmbiguityResolutionConfig/chi2Penalty`` × χ²/ndf.
public struct GreedyAmbiguityResolution: Sendable {
    /// The settings.
    public let config: AmbiguityResolutionConfig

    /// - Throws: ``KalmanFindingError/invalidConfig(field:reason:)``.
    public init(config: AmbiguityResolutionConfig) throws {
        try config.validate()
        self.config = config
    }

    /// The quality of track `t` of `input`.
    public func quality(_ input: CKFResult, _ t: Int) -> Double {
        let n = Double(input.tracks.hits(of: t).count)
        let ndf = max(1.0, Double(input.ndf[t]))
        let chi2 = Double(input.tracks.chi2?[t] ?? 0)
        return n - config.holePenalty * Double(input.holes[t]) - config.chi2Penalty * chi2 / ndf
    }

    /// Resolves `input` (tracks on an event with `hitCount` hits).
    ///
    /// - Returns: the surviving tracks in their input order, each hit in at most one track.
    /// - Complexity: O((T + H) log T) for T tracks and H track hits.
    public func resolve(_ input: CKFResult, hitCount: Int) -> CKFResult {
        let nTracks = input.count
        guard nTracks > 0 else { return input }
        let quality = (0 ..< nTracks).map { self.quality(input, $0) }
        let selection = TrackQualitySelection(config: config)
        // Hit → tracks (compressed rows), and hit use counts.
        var use = [Int32](repeating: 0, count: hitCount)
        for h in input.tracks.hitIndices { use[Int(h)] += 1 }
        var start = [Int32](repeating: 0, count: hitCount + 1)
        for h in 0 ..< hitCount { start[h + 1] = start[h] + use[h] }
        var fill = start
        var tracksOfHit = [Int32](repeating: 0, count: input.tracks.hitIndices.count)
        for t in 0 ..< nTracks {
            for h in input.tracks.hits(of: t) { tracksOfHit[Int(fill[Int(h)])] = Int32(t); fill[Int(h)] += 1 }
        }
        // Candidates failing the quality cuts with all their hits leave before the greedy removal,
        // so they neither take part in the sharing nor count as sharing partners.
        let failsCuts = (0 ..< nTracks).map { !selection.accepts(input, $0) }
        var removed = failsCuts
        for t in 0 ..< nTracks where removed[t] {
            for h in input.tracks.hits(of: t) { use[Int(h)] -= 1 }
        }
        var shared = [Int32](repeating: 0, count: nTracks)
        for t in 0 ..< nTracks where !removed[t] { shared[t] = Int32(input.tracks.hits(of: t).reduce(0) { $0 + (use[Int($1)] > 1 ? 1 : 0) }) }

        // A max-heap on (shared fraction, −quality, index) of the tracks sharing too many hits, with
        // lazy invalidation: stale entries (whose shared count changed since they were pushed) are
        // skipped. Shared counts only fall, so a track at or below the limit never needs removing.
        let maximumShared = Int32(clamping: config.maximumSharedHits)
        let length = (0 ..< nTracks).map { Double(max(1, input.tracks.hits(of: $0).count)) }
        var heap = MaxHeap<AmbiguityKey>()
        for t in 0 ..< nTracks where !removed[t] && shared[t] > maximumShared {
            heap.push(AmbiguityKey(fraction: Double(shared[t]) / length[t], shared: shared[t], quality: quality[t], track: Int32(t)))
        }
        var iterations = 0
        while let top = heap.pop(), iterations < config.maximumIterations {
            let t = Int(top.track)
            guard !removed[t], top.shared == shared[t] else { continue }
            removed[t] = true
            iterations += 1
            for h in input.tracks.hits(of: t) {
                let hi = Int(h)
                use[hi] -= 1
                // Hits that stop being shared lower the shared count of the track still holding them.
                guard use[hi] == 1 else { continue }
                for k in Int(start[hi]) ..< Int(start[hi + 1]) {
                    let o = Int(tracksOfHit[k])
                    guard !removed[o] else { continue }
                    shared[o] -= 1
                    if shared[o] > maximumShared {
                        heap.push(AmbiguityKey(fraction: Double(shared[o]) / length[o], shared: shared[o], quality: quality[o], track: Int32(o)))
                    }
                }
            }
        }

        // Unique assignment: best quality first, each hit to the first track that claims it; a
        // track keeps its free hits when it passes the cuts with them.
        var owner = [Bool](repeating: false, count: hitCount)
        var keptHits = [Int: [Int32]]()
        func assign(_ tracks: [Int], lostHitWeight: Double) {
            let ordered = tracks.sorted { quality[$0] != quality[$1] ? quality[$0] > quality[$1] : $0 < $1 }
            for t in ordered {
                let free = input.tracks.hits(of: t).filter { !owner[Int($0)] }
                guard selection.accepts(input, t, measurements: free.count, lostHitWeight: lostHitWeight) else { continue }
                for h in free { owner[Int(h)] = true }
                keptHits[t] = free
            }
        }
        assign((0 ..< nTracks).filter { !removed[$0] }, lostHitWeight: config.lostHitWeight)
        // Second chance: the tracks the greedy removal took out keep the hits no kept track holds.
        // A true soft track removed for the hits it shared with other candidates still has its own
        // hits, and at this point they are free.
        if config.rescueRemovedTracks {
            assign((0 ..< nTracks).filter { removed[$0] && !failsCuts[$0] }, lostHitWeight: config.rescuedLostHitWeight)
        }
        let kept = keptHits.keys.sorted()
        return input.subset(kept, hitLists: kept.map { keptHits[$0]! })
    }
}

/// The ordering key of the greedy removal: a larger fraction of shared hits first, then lower
/// quality, then the higher track index (a total order, so the removal sequence is deterministic).
/// `shared` is the count the entry was pushed with, to recognise stale entries.
struct AmbiguityKey: Comparable {
    var fraction: Double
    var shared: Int32
    var quality: Double
    var track: Int32

    static func < (a: AmbiguityKey, b: AmbiguityKey) -> Bool {
        if a.fraction != b.fraction { return a.fraction < b.fraction }
        if a.quality != b.quality { return a.quality > b.quality }
        return a.track < b.track
    }
}
