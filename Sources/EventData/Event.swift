/// One collision event: its hits and, where known, cells, particles and truth.
public struct Event: Equatable, Sendable {
    /// The event number (TrackML `event000001000` → 1000).
    public var eventID: Int64
    /// The measured hits.
    public var hits: Hits
    /// The read-out cells, when available.
    public var cells: Cells?
    /// The generated particles, when available.
    public var particles: Particles?
    /// Per-hit truth aligned with ``hits``, when available.
    public var truth: Truth?

    public init(eventID: Int64, hits: Hits, cells: Cells? = nil, particles: Particles? = nil, truth: Truth? = nil) {
        self.eventID = eventID; self.hits = hits; self.cells = cells; self.particles = particles; self.truth = truth
    }
}
