/// Errors of the track-building stage.
public enum TrackBuildingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration value is out of range.
    case invalidConfig(field: String, reason: String)
    /// The edge arrays are inconsistent (lengths differ, an edge names a node out of range).
    case invalidInput(reason: String)

    public var description: String {
        switch self {
        case let .invalidConfig(field, reason): return "invalid track-building configuration: \(field): \(reason)"
        case let .invalidInput(reason): return "invalid track-building input: \(reason)"
        }
    }
}
