/// Errors of a ``ReconstructionEngine``: a configuration it cannot build, or event data it refuses
/// before any stage runs. Stage errors (seeding, CKF, GNN) pass through unchanged.
public enum ReconstructionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The engine configuration is not valid JSON, has an unknown field, or holds a value outside
    /// its range; `field` is the JSON path (`"ckf.seeding.min_pt"`, empty for the whole document).
    case invalidConfig(field: String, reason: String)
    /// A hit coordinate is NaN or infinite; `row` is the hit's row, `field` `"x"`, `"y"` or `"z"`.
    case nonFiniteCoordinate(row: Int, field: String)
    /// A hit lies on a module the engine's detector does not have.
    case unknownModule(row: Int, geometryID: GeometryID, detector: String)
    /// The event has more hits or cells than 32-bit row indices can address.
    case tooManyRows(what: String, count: Int)
    /// A cell refers to a hit row the event does not have.
    case cellHitOutOfRange(cell: Int, hitIndex: Int32, hitCount: Int)
    /// A cell's deposited charge is NaN or infinite.
    case nonFiniteCellValue(cell: Int)
    /// The method needs the hits' cells (a GNN model with cell features) and none were given.
    case cellsRequired(features: [String])

    public var description: String {
        switch self {
        case let .invalidConfig(field, reason):
            return field.isEmpty ? "engine config: \(reason)" : "engine config, field '\(field)': \(reason)"
        case let .nonFiniteCoordinate(row, field):
            return "hit row \(row): coordinate '\(field)' is not a finite number"
        case let .unknownModule(row, id, detector):
            return "hit row \(row): geometry id \(id.rawValue) (\(id)) is not a module of detector '\(detector)'"
        case let .tooManyRows(what, count):
            return "\(count) \(what): at most \(Int32.max) can be indexed"
        case let .cellHitOutOfRange(cell, hitIndex, hitCount):
            return "cell row \(cell): hit_index \(hitIndex) is not a hit row (the event has \(hitCount) hits)"
        case let .nonFiniteCellValue(cell):
            return "cell row \(cell): value is not a finite number"
        case let .cellsRequired(features):
            return "the engine's GNN model uses cell features (\(features.joined(separator: ", "))): pass the event's cells"
        }
    }
}
