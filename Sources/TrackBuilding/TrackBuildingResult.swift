import EventData

/// The output of ``TrackBuilder``: track candidates and what the run did.
public struct TrackBuildingResult: Equatable, Sendable {
    /// The tracks, each an inner-to-outer hit list; every hit in at most one track.
    public var tracks: Tracks
    /// Counts of the run.
    public var statistics: TrackBuildingStatistics
}
