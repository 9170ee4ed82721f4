import FileSupport

extension CSVTable {
    private struct Stop: Error {}

    /// The 1-based file line of data row `row` (0-based, blank lines skipped), for error messages.
    ///
    /// Error paths only: the table is scanned again up to that row.
    /// - Complexity: O(bytes up to the row).
    func line(ofRow row: Int) -> Int {
        var seen = 0, found = 0
        do {
            try forEachRow { r in
                if seen == row { found = r.line; throw Stop() }
                seen += 1
            }
        } catch {}
        return found
    }

    /// The location of field `column` of data row `row`, for error messages.
    func location(row: Int, column: String?) -> DataLocation {
        .text(file: path, line: line(ofRow: row), column: column)
    }

    /// The location of a field on a known line.
    func location(line: Int, column: String?) -> DataLocation {
        .text(file: path, line: line, column: column)
    }
}
