/// Where an event comes from, as named on the command line or in a config: a TrackML path prefix
/// or an HDF5 event store with an event id.
public enum EventSource: Equatable, Sendable, CustomStringConvertible {
    /// TrackML CSV files named by their path prefix (`dir/event000001000`).
    case trackML(prefix: String)
    /// An HDF5 event store and the event to read (`nil`: the store must hold exactly one event).
    case store(path: String, eventID: Int64?)

    /// Interprets a command-line name: a path ending in `.h5` or `.hdf5` is a store, anything else
    /// a TrackML prefix.
    public init(_ name: String, eventID: Int64? = nil) {
        if name.hasSuffix(".h5") || name.hasSuffix(".hdf5") {
            self = .store(path: name, eventID: eventID)
        } else {
            self = .trackML(prefix: name)
        }
    }

    public var description: String {
        switch self {
        case .trackML(let prefix): return prefix
        case .store(let path, let id): return id.map { "\(path) event \($0)" } ?? path
        }
    }

    /// Reads the event; with a detector, every hit must lie on one of its modules.
    ///
    /// - Throws: ``EventIOError``; ``WeftError/eventNotChosen(file:available:)`` when a store holds
    ///   several events and none was named.
    public func load(parts: EventParts = .all, required: EventParts = [], detector: Detector? = nil) throws -> Event {
        let check: ((GeometryID) -> Bool)? = detector.map { d in { d.moduleIndex(of: $0) != nil } }
        switch self {
        case .trackML(let prefix):
            return try TrackMLEventReader.read(prefix: prefix, parts: parts, required: required, isKnownModule: check)
        case .store(let path, let eventID):
            let store = try HDF5EventStore(path: path)
            guard let id = eventID ?? (store.eventIDs.count == 1 ? store.eventIDs[0] : nil) else {
                throw WeftError.eventNotChosen(file: path, available: store.eventIDs)
            }
            return try store.read(eventID: id, parts: parts, required: required, isKnownModule: check)
        }
    }
}
