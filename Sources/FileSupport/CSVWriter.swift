/// Builds CSV text in memory, to be written atomically with ``DataFile/write(_:to:)``.
///
/// Numbers are written in their shortest form that reads back to the same value, so a table
/// written and read again holds identical numbers.
public struct CSVWriter {
    /// The text so far.
    public private(set) var bytes: [UInt8] = []

    /// Starts a table with the given header.
    public init(header: [String], reservingRows rows: Int = 0) {
        bytes.reserveCapacity(64 + rows * header.count * 10)
        appendRow(header)
    }

    /// Appends a row of already formatted fields.
    public mutating func appendRow(_ fields: [String]) {
        for (i, f) in fields.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: f.utf8)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends one field; `first` omits the separator.
    @inline(__always) public mutating func field(_ value: Int64, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Appends one field; `first` omits the separator.
    @inline(__always) public mutating func field(_ value: UInt64, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Appends one field; `first` omits the separator.
    @inline(__always) public mutating func field(_ value: Int32, first: Bool = false) {
        field(Int64(value), first: first)
    }

    /// Appends one field in shortest round-trip form; `first` omits the separator.
    @inline(__always) public mutating func field(_ value: Float, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: value.description.utf8)
    }

    /// Appends one field in shortest round-trip form; `first` omits the separator.
    @inline(__always) public mutating func field(_ value: Double, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: value.description.utf8)
    }

    /// Ends the current row.
    @inline(__always) public mutating func endRow() { bytes.append(UInt8(ascii: "\n")) }
}
