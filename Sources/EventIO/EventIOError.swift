import EventData
import FileSupport

/// Errors reading, validating or writing event data (TrackML CSV, submissions, the HDF5 event
/// store). Every message names the file and the line and column, or the HDF5 dataset and row, at
/// fault.
public enum EventIOError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file could not be read or written, or a text table is malformed (missing column,
    /// non-numeric or non-finite field, wrong field count, truncated gzip); the wrapped error names
    /// the file, line and column.
    case file(DataFileError)
    /// A required file of a TrackML event does not exist under any accepted name.
    case missingFile(part: String, tried: [String])
    /// The event number cannot be read from a TrackML path prefix (`…/event000001000`).
    case badEventPrefix(prefix: String)
    /// The event has no hits.
    case emptyEvent(DataLocation)
    /// A hit id appears twice where it must be unique (hits, truth, submission).
    case duplicateHitID(hitID: Int64, at: DataLocation, firstAt: DataLocation)
    /// A particle id appears twice in a particles table.
    case duplicateParticleID(particleID: UInt64, at: DataLocation, firstAt: DataLocation)
    /// A row refers to a hit id the event's hits do not have.
    case unknownHitID(hitID: Int64, at: DataLocation)
    /// A hit has no row in the truth table.
    case missingTruth(hitID: Int64, hitAt: DataLocation, truthFile: String)
    /// A coordinate or other real value is NaN or infinite.
    case nonFinite(value: Double, at: DataLocation)
    /// A volume, layer or module number does not fit the geometry identifier (or the packed
    /// identifier has bits outside its three fields).
    case geometryOutOfRange(volume: Int64, layer: Int64, module: Int64, at: DataLocation)
    /// A hit lies on a module the detector does not have.
    case unknownModule(GeometryID, at: DataLocation)
    /// A value is out of its allowed range (for example a cell's hit index).
    case badValue(text: String, expected: String, at: DataLocation)
    /// A row belongs to another event than the one expected.
    case wrongEventID(expected: Int64, found: Int64, at: DataLocation)
    /// The columns of one table differ in length.
    case lengthMismatch(expected: Int, found: Int, at: DataLocation)
    /// The file is not an HDF5 file (or is damaged beyond HDF5's recognition, e.g. cut short).
    case notHDF5(file: String, reason: String)
    /// The HDF5 file is not a Weft event store (no format attribute, or a different format).
    case notEventStore(file: String, reason: String)
    /// The store was written by an incompatible format version.
    case unsupportedVersion(file: String, found: Int64, supported: Int64)
    /// The store has no event with this id.
    case eventNotFound(file: String, eventID: Int64, available: [Int64])
    /// The store already holds an event with this id.
    case eventExists(file: String, eventID: Int64)
    /// An HDF5 library call failed on a group, dataset or attribute.
    case hdf5(operation: String, at: DataLocation)

    public var description: String {
        switch self {
        case let .file(e):
            return e.description
        case let .missingFile(part, tried):
            return "no \(part) file: tried \(tried.joined(separator: ", "))"
        case let .badEventPrefix(prefix):
            return "\(prefix): cannot read an event number from the prefix (expected …/eventNNNNNNNNN)"
        case let .emptyEvent(at):
            return "\(at): the event has no hits"
        case let .duplicateHitID(id, at, first):
            return "\(at): hit id \(id) appears twice (first at \(first.shortDescription))"
        case let .duplicateParticleID(id, at, first):
            return "\(at): particle id \(id) appears twice (first at \(first.shortDescription))"
        case let .unknownHitID(id, at):
            return "\(at): hit id \(id) is not a hit of the event"
        case let .missingTruth(id, hitAt, truthFile):
            return "\(truthFile): no truth row for hit id \(id) (\(hitAt))"
        case let .nonFinite(value, at):
            return "\(at): \(value) is not a finite number"
        case let .geometryOutOfRange(v, l, m, at):
            return "\(at): geometry id volume=\(v) layer=\(l) module=\(m) is out of range "
                + "(volume 0…\(GeometryID.maxVolume), layer 0…\(GeometryID.maxLayer), module 0…\(GeometryID.maxModule))"
        case let .unknownModule(id, at):
            return "\(at): the detector has no module \(id)"
        case let .badValue(text, expected, at):
            return "\(at): '\(text)' is not \(expected)"
        case let .wrongEventID(expected, found, at):
            return "\(at): event id \(found), expected \(expected)"
        case let .lengthMismatch(expected, found, at):
            return "\(at): \(found) rows, expected \(expected) like the other columns of its table"
        case let .notHDF5(file, reason):
            return "\(file): not a readable HDF5 file (\(reason))"
        case let .notEventStore(file, reason):
            return "\(file): not a Weft event store (\(reason))"
        case let .unsupportedVersion(file, found, supported):
            return "\(file): event store format version \(found) is not supported (this Weft reads version \(supported))"
        case let .eventNotFound(file, id, available):
            let list = available.prefix(20).map(String.init).joined(separator: ", ")
            return "\(file): no event \(id) (the store holds \(available.count) event(s)\(available.isEmpty ? "" : ": " + list)\(available.count > 20 ? ", …" : ""))"
        case let .eventExists(file, id):
            return "\(file): the store already holds event \(id)"
        case let .hdf5(operation, at):
            return "\(at): HDF5 error: \(operation)"
        }
    }
}
