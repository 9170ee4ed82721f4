/// Errors reading or writing data files, each naming the file and, for text tables, the line and
/// column at fault.
public enum DataFileError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file could not be opened or read.
    case cannotRead(path: String, reason: String)
    /// The file could not be written (the original, if any, is untouched).
    case cannotWrite(path: String, reason: String)
    /// The gzip stream ends before its end marker.
    case truncatedGzip(path: String)
    /// The gzip stream is damaged.
    case corruptGzip(path: String, reason: String)
    /// The file holds no header line.
    case empty(path: String)
    /// A required column is missing from the header.
    case missingColumn(path: String, column: String, header: [String])
    /// A column name appears twice in the header.
    case duplicateColumn(path: String, column: String)
    /// A data line has a different number of fields than the header.
    case wrongFieldCount(path: String, line: Int, expected: Int, found: Int)
    /// A field does not hold a value of the expected kind.
    case badField(path: String, line: Int, column: String, text: String, expected: String)

    public var description: String {
        switch self {
        case let .cannotRead(path, reason): return "\(path): cannot read: \(reason)"
        case let .cannotWrite(path, reason): return "\(path): cannot write: \(reason)"
        case let .truncatedGzip(path): return "\(path): truncated gzip stream (the file ends before the compressed data does)"
        case let .corruptGzip(path, reason): return "\(path): corrupt gzip stream: \(reason)"
        case let .empty(path): return "\(path): empty file (no header line)"
        case let .missingColumn(path, column, header):
            return "\(path): line 1: missing column '\(column)' (header has: \(header.joined(separator: ", ")))"
        case let .duplicateColumn(path, column): return "\(path): line 1: column '\(column)' appears twice"
        case let .wrongFieldCount(path, line, expected, found):
            return "\(path): line \(line): expected \(expected) fields, found \(found)"
        case let .badField(path, line, column, text, expected):
            return "\(path): line \(line), column '\(column)': '\(text)' is not \(expected)"
        }
    }
}
