import EventData

/// Errors building a hit graph or a module map, or reading one from its stored arrays.
public enum HitGraphError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The graph's arrays are inconsistent (lengths differ, an edge names a node out of range, a
    /// feature is not finite). `reason` says which.
    case invalidGraph(reason: String)
    /// The event cannot be turned into a graph (no truth where truth is needed, hits on modules the
    /// detector does not have …).
    case invalidEvent(reason: String)
    /// A stored module map lacks an array, or an array has the wrong shape or contents.
    case invalidModuleMap(reason: String)
    /// The module map was built for another detector than the one it is used with.
    case detectorMismatch(mapDetector: String, detector: String)
    /// A configuration value is out of its allowed range.
    case invalidConfig(field: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidGraph(reason): return "invalid hit graph: \(reason)"
        case let .invalidEvent(reason): return "cannot build a hit graph for this event: \(reason)"
        case let .invalidModuleMap(reason): return "invalid module map: \(reason)"
        case let .detectorMismatch(map, detector):
            return "the module map was built for detector '\(map)', not '\(detector)'"
        case let .invalidConfig(field, reason): return "invalid graph configuration: \(field): \(reason)"
        }
    }
}
