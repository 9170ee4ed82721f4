/// What makes a hit-graph edge "true" (both hits of one non-noise particle, consecutive along it).
///
/// "Along the particle" is the flight order of ``TruthIndex`` (increasing `|z − z_vertex|`).
public enum EdgeTruthDefinition: String, Codable, Sendable, CaseIterable {
    /// Hits adjacent in the particle's flight order: a particle with n hits has n − 1 true edges
    /// (DESIGN §4 read literally; a module-overlap double hit sits between its neighbours).
    case consecutiveHits = "consecutive_hits"
    /// Hits on consecutive *layers* along the particle: consecutive hits on the same layer (module
    /// overlaps) form one station and every hit of a station connects to every hit of the next one, so
    /// a layer-to-layer graph is not penalised for skipping the overlap partner.
    case consecutiveLayers = "consecutive_layers"
}
