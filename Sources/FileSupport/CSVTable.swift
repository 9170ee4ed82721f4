#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A comma-separated table held in memory, read row by row with typed field access.
///
/// Built for the numeric tables of particle physics (TrackML hits, cells, truth, geometry): no
/// quoting, one header line, `\n` or `\r\n` line ends, blank lines ignored. Columns are found by
/// name, so extra columns (such as a leading unnamed index column) are ignored. Every parse error
/// names the file, the 1-based line and the column.
public struct CSVTable: Sendable {
    /// The file name used in error messages.
    public let path: String
    /// The column names of the header line.
    public let header: [String]
    /// The file's bytes followed by a terminating 0 (so C number parsers stop at the end).
    let bytes: [UInt8]
    /// Offset of the first byte after the header line.
    let bodyStart: Int

    /// Reads and parses the header of a (possibly gzip-compressed) CSV file.
    public init(path: String) throws {
        try self.init(bytes: DataFile.read(path), path: path)
    }

    /// Parses the header of CSV text held in `bytes`.
    public init(bytes raw: [UInt8], path: String) throws {
        var b = raw
        b.append(0)
        self.path = path
        var end = 0
        while end < raw.count && raw[end] != UInt8(ascii: "\n") { end += 1 }
        var lineEnd = end
        if lineEnd > 0 && raw[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        guard lineEnd > 0 else { throw DataFileError.empty(path: path) }
        let names = raw[0 ..< lineEnd].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self).trimmingSpaces() }
        var seen = Set<String>()
        for name in names where !name.isEmpty {
            guard seen.insert(name).inserted else { throw DataFileError.duplicateColumn(path: path, column: name) }
        }
        header = names
        bytes = b
        bodyStart = min(end + 1, raw.count)
    }

    /// The index of the column called `name`.
    ///
    /// - Throws: ``DataFileError/missingColumn(path:column:header:)``.
    public func column(_ name: String) throws -> Int {
        guard let i = header.firstIndex(of: name) else {
            throw DataFileError.missingColumn(path: path, column: name, header: header)
        }
        return i
    }

    /// The index of the column called `name`, or `nil` when the table has none.
    public func optionalColumn(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The number of data lines (non-blank lines after the header).
    ///
    /// - Complexity: O(bytes).
    public var rowCount: Int {
        var n = 0
        bytes.withUnsafeBufferPointer { buf in
            var i = bodyStart, lineHasData = false
            let end = buf.count - 1
            while i < end {
                let c = buf[i]
                if c == UInt8(ascii: "\n") { if lineHasData { n += 1 }; lineHasData = false }
                else if c != UInt8(ascii: "\r") { lineHasData = true }
                i += 1
            }
            if lineHasData { n += 1 }
        }
        return n
    }

    /// Calls `body` for every data line, in file order.
    ///
    /// The row passed to `body` is valid only during that call.
    /// - Throws: ``DataFileError/wrongFieldCount(path:line:expected:found:)`` for a line whose field
    ///   count differs from the header's, and whatever `body` throws.
    /// - Complexity: O(bytes).
    public func forEachRow(_ body: (CSVRow) throws -> Void) throws {
        let width = header.count
        var starts = [Int](repeating: 0, count: width + 1)
        try bytes.withUnsafeBufferPointer { buf in
            let base = buf.baseAddress!
            let end = buf.count - 1
            var i = bodyStart
            var line = 1
            while i < end {
                line += 1
                var lineEnd = i
                while lineEnd < end && base[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                let next = lineEnd + 1
                if lineEnd > i && base[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                if lineEnd == i { i = next; continue }
                var fields = 0
                var fieldStart = i
                var j = i
                while j <= lineEnd {
                    if j == lineEnd || base[j] == UInt8(ascii: ",") {
                        if fields < width { starts[fields] = fieldStart }
                        fields += 1
                        fieldStart = j + 1
                    }
                    j += 1
                }
                guard fields == width else {
                    throw DataFileError.wrongFieldCount(path: path, line: line, expected: width, found: fields)
                }
                starts[width] = lineEnd + 1
                try starts.withUnsafeBufferPointer { s in
                    try body(CSVRow(base: base, starts: s.baseAddress!, line: line, table: self))
                }
                i = next
            }
        }
    }
}

/// One data line of a ``CSVTable``, valid only inside ``CSVTable/forEachRow(_:)``.
public struct CSVRow {
    let base: UnsafePointer<UInt8>
    let starts: UnsafePointer<Int>
    /// The 1-based line number in the file.
    public let line: Int
    let table: CSVTable

    @inline(__always) func bounds(_ c: Int) -> (Int, Int) {
        var a = starts[c], b = starts[c + 1] - 1
        while a < b && (base[a] == 32 || base[a] == 9) { a += 1 }
        while b > a && (base[b - 1] == 32 || base[b - 1] == 9) { b -= 1 }
        return (a, b)
    }

    /// The raw text of field `c`.
    public func text(_ c: Int) -> String {
        let (a, b) = bounds(c)
        return String(decoding: UnsafeBufferPointer(start: base + a, count: b - a), as: UTF8.self)
    }

    func fail(_ c: Int, _ expected: String) -> DataFileError {
        .badField(path: table.path, line: line, column: table.header[c], text: text(c), expected: expected)
    }

    /// Field `c` as a signed 64-bit integer.
    public func int64(_ c: Int) throws -> Int64 {
        let (a, b) = bounds(c)
        var i = a, negative = false
        if i < b && (base[i] == UInt8(ascii: "-") || base[i] == UInt8(ascii: "+")) {
            negative = base[i] == UInt8(ascii: "-"); i += 1
        }
        guard i < b else { throw fail(c, "an integer") }
        var v: Int64 = 0
        while i < b {
            let d = Int64(base[i]) - 48
            guard d >= 0 && d <= 9 else { throw fail(c, "an integer") }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            guard !o1 && !o2 else { throw fail(c, "a 64-bit integer") }
            v = s; i += 1
        }
        return v
    }

    /// Field `c` as an unsigned 64-bit integer.
    public func uint64(_ c: Int) throws -> UInt64 {
        let (a, b) = bounds(c)
        var i = a
        if i < b && base[i] == UInt8(ascii: "+") { i += 1 }
        guard i < b else { throw fail(c, "a non-negative integer") }
        var v: UInt64 = 0
        while i < b {
            let d = UInt64(base[i]) &- 48
            guard d <= 9 else { throw fail(c, "a non-negative integer") }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(d)
            guard !o1 && !o2 else { throw fail(c, "an unsigned 64-bit integer") }
            v = s; i += 1
        }
        return v
    }

    /// Field `c` as a signed 32-bit integer.
    public func int32(_ c: Int) throws -> Int32 {
        let v = try int64(c)
        guard let r = Int32(exactly: v) else { throw fail(c, "a 32-bit integer") }
        return r
    }

    /// Field `c` as a finite single-precision number (NaN and infinities are rejected).
    public func float(_ c: Int) throws -> Float {
        let (a, b) = bounds(c)
        guard a < b else { throw fail(c, "a number") }
        var consumed = 0
        let v = (base + a).withMemoryRebound(to: CChar.self, capacity: b - a + 1) { p in
            var endPtr: UnsafeMutablePointer<CChar>? = nil
            let r = strtof(p, &endPtr)
            consumed = endPtr.map { UnsafePointer($0) - p } ?? 0
            return r
        }
        guard consumed == b - a else { throw fail(c, "a number") }
        guard v.isFinite else { throw fail(c, "a finite number") }
        return v
    }

    /// Field `c` as a finite double-precision number (NaN and infinities are rejected).
    public func double(_ c: Int) throws -> Double {
        let (a, b) = bounds(c)
        guard a < b else { throw fail(c, "a number") }
        var consumed = 0
        let v = (base + a).withMemoryRebound(to: CChar.self, capacity: b - a + 1) { p in
            var endPtr: UnsafeMutablePointer<CChar>? = nil
            let r = strtod(p, &endPtr)
            consumed = endPtr.map { UnsafePointer($0) - p } ?? 0
            return r
        }
        guard consumed == b - a else { throw fail(c, "a number") }
        guard v.isFinite else { throw fail(c, "a finite number") }
        return v
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\u{FEFF}" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
