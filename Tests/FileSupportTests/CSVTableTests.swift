import Testing
@testable import FileSupport

@Suite struct CSVTableTests {
    func table(_ text: String) throws -> CSVTable { try CSVTable(bytes: Array(text.utf8), path: "t.csv") }

    @Test func readsTypedColumnsByName() throws {
        let t = try table(",id,x,big\n0,7,-1.5,4503668346847232\n1,-3,2e-3,18446744073709551615\n")
        let id = try t.column("id"), x = try t.column("x"), big = try t.column("big")
        var ids = [Int64](), xs = [Float](), bigs = [UInt64]()
        try t.forEachRow { r in ids.append(try r.int64(id)); xs.append(try r.float(x)); bigs.append(try r.uint64(big)) }
        #expect(ids == [7, -3])
        #expect(xs == [-1.5, 0.002])
        #expect(bigs == [4503668346847232, UInt64.max])
        #expect(t.rowCount == 2)
    }

    @Test func acceptsCRLFBlankLinesAndNoFinalNewline() throws {
        let t = try table("a,b\r\n1,2\r\n\r\n3,4")
        var sum: Int64 = 0
        try t.forEachRow { r in sum += try r.int64(0) * 10 + r.int64(1) }
        #expect(sum == 12 + 34)
        #expect(t.rowCount == 2)
    }

    @Test func missingColumnNamesTheColumnAndHeader() throws {
        let t = try table("a,b\n1,2\n")
        #expect(throws: DataFileError.missingColumn(path: "t.csv", column: "z", header: ["a", "b"])) { try t.column("z") }
    }

    @Test func badFieldNamesLineAndColumn() throws {
        let t = try table("a,b\n1,2\n3,x7\n")
        #expect(throws: DataFileError.badField(path: "t.csv", line: 3, column: "b", text: "x7", expected: "an integer")) {
            try t.forEachRow { r in _ = try r.int64(1) }
        }
    }

    @Test func nonFiniteNumbersAreRejected() throws {
        for bad in ["nan", "inf", "-Infinity", "1e999"] {
            let t = try table("x\n\(bad)\n")
            #expect(throws: DataFileError.badField(path: "t.csv", line: 2, column: "x", text: bad, expected: "a finite number")) {
                try t.forEachRow { r in _ = try r.float(0) }
            }
        }
    }

    @Test func trailingGarbageAndEmptyFieldsAreRejected() throws {
        let t = try table("x,y\n1.5abc,\n")
        #expect(throws: DataFileError.badField(path: "t.csv", line: 2, column: "x", text: "1.5abc", expected: "a number")) {
            try t.forEachRow { r in _ = try r.double(0) }
        }
        #expect(throws: DataFileError.badField(path: "t.csv", line: 2, column: "y", text: "", expected: "a number")) {
            try t.forEachRow { r in _ = try r.float(1) }
        }
    }

    @Test func integerOverflowIsAnError() throws {
        let t = try table("n\n9223372036854775808\n")
        #expect(throws: DataFileError.badField(path: "t.csv", line: 2, column: "n", text: "9223372036854775808", expected: "a 64-bit integer")) {
            try t.forEachRow { r in _ = try r.int64(0) }
        }
        let s = try table("n\n2147483648\n")
        #expect(throws: DataFileError.badField(path: "t.csv", line: 2, column: "n", text: "2147483648", expected: "a 32-bit integer")) {
            try s.forEachRow { r in _ = try r.int32(0) }
        }
    }

    @Test func wrongFieldCountNamesTheLine() throws {
        let t = try table("a,b\n1,2\n1,2,3\n")
        #expect(throws: DataFileError.wrongFieldCount(path: "t.csv", line: 3, expected: 2, found: 3)) {
            try t.forEachRow { _ in }
        }
    }

    @Test func emptyAndDuplicateHeadersAreErrors() throws {
        #expect(throws: DataFileError.empty(path: "t.csv")) { try table("") }
        #expect(throws: DataFileError.duplicateColumn(path: "t.csv", column: "a")) { try table("a,b,a\n") }
    }

    @Test func writerOutputReadsBackToIdenticalNumbers() throws {
        let values: [Float] = [-64.4099, 1e-7, 3.4028235e38, 0.1, -0.0]
        var w = CSVWriter(header: ["i", "v"])
        for (i, v) in values.enumerated() { w.field(Int64(i), first: true); w.field(v); w.endRow() }
        let t = try CSVTable(bytes: w.bytes, path: "w.csv")
        var back = [Float]()
        try t.forEachRow { r in back.append(try r.float(1)) }
        #expect(back.map(\.bitPattern) == values.map(\.bitPattern))
    }
}
