import EventData

/// The TrackML score (DESIGN §4): the weight of the majority particle's hits on double-majority tracks,
/// over the total weight of the event's hits.
///
/// Normalising by the total weight of the weights given (not by 1) makes a perfect submission score
/// exactly 1 also on subsets of an event whose shipped weights sum to less than 1.
///
/// The score is defined for a submission, where each hit is in at most one track: when tracks share
/// hits, one particle could count on several tracks and the score could pass 1, so it is not computed.
public enum TrackMLScore {
    /// The score of `tracks` already matched in `matching`, with per-hit `weights` (any positive scale).
    ///
    /// Returns nil when the weights sum to 0 or the tracks share hits (the score is undefined).
    ///
    /// - Precondition: `weights.count == truth.hitCount`; `matching` was computed from `tracks` and `truth`.
    /// - Complexity: O(track hits + hits).
    public static func score<W: BinaryFloatingPoint>(tracks: Tracks, matching: TrackMatching, truth: TruthIndex,
                                                     weights: [W]) -> Double? {
        precondition(weights.count == truth.hitCount, "one weight per hit")
        var total = 0.0
        for w in weights { total += Double(w) }
        guard total > 0, matching.sharedHitCount == 0 else { return nil }
        var good = 0.0
        tracks.hitIndices.withUnsafeBufferPointer { rows in
            truth.particleOfHit.withUnsafeBufferPointer { particleOf in
                weights.withUnsafeBufferPointer { w in
                    for t in 0 ..< matching.count where matching.isDoubleMajority[t] {
                        let p = matching.majorityParticle[t]
                        for k in Int(tracks.offsets[t]) ..< Int(tracks.offsets[t + 1]) {
                            let h = Int(rows[k])
                            if particleOf[h] == p { good += Double(w[h]) }
                        }
                    }
                }
            }
        }
        // The two sums run in different orders; a perfect submission can land a few ulps above 1.
        return min(1, good / total)
    }
}
