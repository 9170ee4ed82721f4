import EventData

/// Errors of the seeding stage: bad configuration values and event data it cannot seed from.
public enum SeedingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration field holds a value outside its allowed range; `field` is its JSON key.
    case invalidConfig(field: String, reason: String)
    /// The configuration names a seeding volume the detector does not have.
    case unknownVolume(field: String, volume: Int32, known: [Int32])
    /// A hit lies on a module the detector does not have.
    case unknownModule(hitID: Int64, row: Int, geometryID: GeometryID)
    /// A hit coordinate is NaN or infinite.
    case nonFiniteHit(hitID: Int64, row: Int, field: String)
    /// The event has no hits at all.
    case emptyEvent

    public var description: String {
        switch self {
        case let .invalidConfig(field, reason):
            return "seeding config, field '\(field)': \(reason)"
        case let .unknownVolume(field, volume, known):
            return "seeding config, field '\(field)': volume \(volume) is not in the detector (volumes: \(known.map(String.init).joined(separator: ", ")))"
        case let .unknownModule(hitID, row, id):
            return "hit \(hitID) (row \(row)): module \(id) is not in the detector"
        case let .nonFiniteHit(hitID, row, field):
            return "hit \(hitID) (row \(row)): field '\(field)' is not a finite number"
        case .emptyEvent:
            return "the event has no hits"
        }
    }
}
