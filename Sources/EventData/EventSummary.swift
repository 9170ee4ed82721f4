/// Counts that describe an event at a glance (what `weft info` prints).
public struct EventSummary: Codable, Equatable, Sendable {
    /// The event number.
    public var eventID: Int64
    /// Number of hits.
    public var hits: Int
    /// Number of cells (0 when the event has none).
    public var cells: Int
    /// Number of particles in the particle table (0 when the event has none).
    public var particles: Int
    /// Number of distinct particles that left at least one hit (0 without truth).
    public var particlesWithHits: Int
    /// Number of noise hits (particle id 0; 0 without truth).
    public var noiseHits: Int
    /// Number of distinct modules with at least one hit.
    public var modulesHit: Int
    /// Hits per volume id, keyed by the volume id as a string (JSON object keys are strings).
    public var hitsPerVolume: [String: Int]
    /// Which optional parts the event has.
    public var hasCells: Bool, hasParticles: Bool, hasTruth: Bool

    enum CodingKeys: String, CodingKey {
        case eventID = "event_id", hits, cells, particles, particlesWithHits = "particles_with_hits"
        case noiseHits = "noise_hits", modulesHit = "modules_hit", hitsPerVolume = "hits_per_volume"
        case hasCells = "has_cells", hasParticles = "has_particles", hasTruth = "has_truth"
    }

    /// Summarises `event`.
    ///
    /// - Complexity: O(hits + cells).
    public init(_ event: Event) {
        eventID = event.eventID
        hits = event.hits.count
        cells = event.cells?.count ?? 0
        particles = event.particles?.count ?? 0
        var perVolume = [Int32: Int]()
        var modules = Set<GeometryID>()
        for g in event.hits.geometryID {
            perVolume[g.volume, default: 0] += 1
            modules.insert(g)
        }
        hitsPerVolume = Dictionary(uniqueKeysWithValues: perVolume.map { (String($0.key), $0.value) })
        modulesHit = modules.count
        if let truth = event.truth {
            noiseHits = truth.noiseCount
            particlesWithHits = Set(truth.particleID.lazy.filter { $0 != 0 }).count
        } else {
            noiseHits = 0
            particlesWithHits = 0
        }
        hasCells = event.cells != nil
        hasParticles = event.particles != nil
        hasTruth = event.truth != nil
    }
}
