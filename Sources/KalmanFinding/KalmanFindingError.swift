import EventData

/// Errors of the combinatorial Kalman filter and the ambiguity resolution.
public enum KalmanFindingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration field holds a value outside its allowed range; `field` is its JSON key.
    case invalidConfig(field: String, reason: String)
    /// A hit lies on a module the detector does not have.
    case unknownModule(hitID: Int64, row: Int, geometryID: GeometryID)
    /// A hit coordinate is NaN or infinite.
    case nonFiniteHit(hitID: Int64, row: Int, field: String)
    /// A hit lies farther from its module's plane or outline than `distance` mm allows.
    case hitOffModule(hitID: Int64, row: Int, geometryID: GeometryID, distance: Double)
    /// The event has no hits at all.
    case emptyEvent
    /// The seeds name hit rows the event does not have.
    case seedOutOfRange(seed: Int, hit: Int32, hitCount: Int)

    public var description: String {
        switch self {
        case let .invalidConfig(field, reason):
            return "CKF config, field '\(field)': \(reason)"
        case let .unknownModule(hitID, row, id):
            return "hit \(hitID) (row \(row)): module \(id) is not in the detector"
        case let .nonFiniteHit(hitID, row, field):
            return "hit \(hitID) (row \(row)): field '\(field)' is not a finite number"
        case let .hitOffModule(hitID, row, id, distance):
            return "hit \(hitID) (row \(row)) lies \(distance) mm away from its module \(id): outside the detector"
        case .emptyEvent:
            return "the event has no hits"
        case let .seedOutOfRange(seed, hit, count):
            return "seed \(seed) names hit row \(hit), but the event has \(count) hits"
        }
    }
}
