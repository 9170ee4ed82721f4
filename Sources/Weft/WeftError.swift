/// Errors of the pipeline layer: what was asked of it does not name one thing it can do.
public enum WeftError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An HDF5 store holds several events and none was chosen.
    case eventNotChosen(file: String, available: [Int64])

    public var description: String {
        switch self {
        case let .eventNotChosen(file, available):
            let list = available.prefix(20).map(String.init).joined(separator: ", ")
            return "\(file): the store holds \(available.count) events (\(list)\(available.count > 20 ? ", …" : "")); choose one with --event"
        }
    }
}
