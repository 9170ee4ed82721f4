/// Where in the input a value sits, for error messages: a line and column of a text table, a row
/// of an HDF5 dataset, or a row of an in-memory table that has no file yet.
public enum DataLocation: Equatable, Sendable, CustomStringConvertible {
    /// A 1-based line of a text file and, when known, the column name.
    case text(file: String, line: Int, column: String?)
    /// A dataset (or group, or attribute) of an HDF5 file and, when known, a 0-based row.
    case dataset(file: String, dataset: String, row: Int?)
    /// A 0-based row of an in-memory table (for example `"hits"` of event 1000) being written.
    case memory(table: String, row: Int?)
    /// A whole file.
    case file(String)

    /// The file named by this location, if any.
    public var file: String? {
        switch self {
        case let .text(file, _, _), let .dataset(file, _, _): return file
        case let .file(file): return file
        case .memory: return nil
        }
    }

    public var description: String {
        switch self {
        case let .text(file, line, column):
            return column.map { "\(file): line \(line), column '\($0)'" } ?? "\(file): line \(line)"
        case let .dataset(file, dataset, row):
            return row.map { "\(file): dataset \(dataset), row \($0)" } ?? "\(file): \(dataset)"
        case let .memory(table, row):
            return row.map { "\(table), row \($0)" } ?? table
        case let .file(file):
            return file
        }
    }

    /// The location without the file name, when it is the same file as the main location.
    var shortDescription: String {
        switch self {
        case let .text(_, line, _): return "line \(line)"
        case let .dataset(_, _, row?): return "row \(row)"
        case let .memory(_, row?): return "row \(row)"
        default: return description
        }
    }
}
