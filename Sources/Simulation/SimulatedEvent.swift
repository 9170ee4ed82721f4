import EventData

/// One simulated event and what the simulation knows beyond the TrackML files.
public struct SimulatedEvent: Sendable {
    /// Hits, cells, particles and truth (weights 0; see ``FastSimulation``).
    public var event: Event
    /// The simulated charged particles, in the order of the event's particle table.
    public var particles: [SimulatedParticle]
    /// Number of sensor crossings before digitisation.
    public var crossingCount: Int
    /// Number of generated primaries (charged and neutral).
    public var primaryCount: Int
}
