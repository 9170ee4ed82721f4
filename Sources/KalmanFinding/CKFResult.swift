import EventData
import Seeding

/// The tracks found by the combinatorial Kalman filter (before or after ambiguity resolution), with
/// their fit quality, structure-of-arrays.
///
/// `tracks` holds the hit lists (inside out), the fit χ² and the perigee parameters; the arrays
/// below are aligned with its tracks.
public struct CKFResult: Sendable, Equatable {
    /// Hit lists, χ² and perigee parameters.
    public var tracks: Tracks
    /// Degrees of freedom of each fit: 2 × measurements − 5.
    public var ndf: [Int32]
    /// Holes (modules crossed well inside their outline without a compatible hit) per track.
    public var holes: [Int16]
    /// Outliers (best hit of a module with ``CKFOptions/chi2Cut`` ≤ χ² < ``CKFOptions/outlierChi2Cut``)
    /// per track.
    public var outliers: [Int16]
    /// The seed each track grew from.
    public var seed: [Int32]
    /// The fitted state, with the information of all the track's hits, on the module of its innermost
    /// hit reached by the inward search (the RTS-smoothed state at the top seed hit, carried inwards by
    /// the filter); on the top seed hit's module when ``CKFOptions/extendInwards`` is off.
    public var innermostStates: [BoundTrackState]
    /// Seeds followed by the filter.
    public var seedsFollowed: Int
    /// Seeds skipped because their hits already belonged to found tracks.
    public var seedsSkipped: Int

    /// No tracks.
    public init() {
        tracks = Tracks(); tracks.chi2 = []; tracks.parameters = []
        ndf = []; holes = []; outliers = []; seed = []; innermostStates = []; seedsFollowed = 0; seedsSkipped = 0
    }

    /// The number of tracks.
    public var count: Int { tracks.count }

    /// Appends one track.
    public mutating func append(hits: [Int32], chi2: Float, ndf n: Int32, holes h: Int16, outliers o: Int16,
                                parameters p: TrackParameters, seed s: Int32, innermostState: BoundTrackState) {
        tracks.append(hits: hits)
        tracks.chi2!.append(chi2); tracks.parameters!.append(p)
        ndf.append(n); holes.append(h); outliers.append(o); seed.append(s); innermostStates.append(innermostState)
    }

    /// Flags (one per hit of an event with `hitCount` hits) marking the hits of the tracks that
    /// `options` let mark their hits used (``CKFOptions/marksHitsUsed(measurements:holes:chi2:ndf:)``).
    public func usedHits(hitCount: Int, options: CKFOptions) -> [Bool] {
        var used = [Bool](repeating: false, count: hitCount)
        for t in 0 ..< count where options.marksHitsUsed(measurements: tracks.hits(of: t).count, holes: Int(holes[t]),
                                                         chi2: Double(tracks.chi2![t]), ndf: Int(ndf[t])) {
            for h in tracks.hits(of: t) { used[Int(h)] = true }
        }
        return used
    }

    /// Appends every track of `other` (a later pass) and adds up the seed counts.
    public mutating func append(contentsOf other: CKFResult) {
        for t in 0 ..< other.count {
            append(hits: Array(other.tracks.hits(of: t)), chi2: other.tracks.chi2![t], ndf: other.ndf[t], holes: other.holes[t],
                   outliers: other.outliers[t], parameters: other.tracks.parameters![t], seed: other.seed[t],
                   innermostState: other.innermostStates[t])
        }
        seedsFollowed += other.seedsFollowed
        seedsSkipped += other.seedsSkipped
    }

    /// The tracks `indices`, in that order, with their hit lists replaced by `hitLists`.
    public func subset(_ indices: [Int], hitLists: [[Int32]]) -> CKFResult {
        var out = CKFResult()
        out.seedsFollowed = seedsFollowed; out.seedsSkipped = seedsSkipped
        for (k, t) in indices.enumerated() {
            out.append(hits: hitLists[k], chi2: tracks.chi2![t], ndf: ndf[t], holes: holes[t], outliers: outliers[t],
                       parameters: tracks.parameters![t], seed: seed[t], innermostState: innermostStates[t])
        }
        return out
    }
}
