import Testing
@testable import FileSupport

@Suite struct GzipTests {
    let text = Array((0 ..< 5000).map { "line \($0),\(Double($0) * 0.25)\n" }.joined().utf8)

    @Test func roundTripRestoresTheBytes() throws {
        let packed = Gzip.compress(text)
        #expect(Gzip.isCompressed(packed))
        #expect(packed.count < text.count / 2)
        #expect(try Gzip.decompress(packed, path: "mem.gz") == text)
    }

    @Test func concatenatedMembersAreOneStream() throws {
        let a = Array("first\n".utf8), b = Array("second\n".utf8)
        let packed = Gzip.compress(a) + Gzip.compress(b)
        #expect(try Gzip.decompress(packed, path: "two.gz") == a + b)
    }

    @Test func truncatedStreamIsReportedAsTruncated() throws {
        let packed = Gzip.compress(text)
        let cut = Array(packed[0 ..< packed.count / 2])
        #expect(throws: DataFileError.truncatedGzip(path: "cut.gz")) { try Gzip.decompress(cut, path: "cut.gz") }
    }

    @Test func damagedStreamIsReportedAsCorrupt() throws {
        var packed = Gzip.compress(text)
        for i in 20 ..< 60 { packed[i] ^= 0x5a }
        #expect {
            try Gzip.decompress(packed, path: "bad.gz")
        } throws: { error in
            guard case .corruptGzip(let path, _)? = error as? DataFileError else { return false }
            return path == "bad.gz"
        }
    }

    @Test func largeInputIsCompressedInParallelMembersThatReadBackWhole() throws {
        var big = [UInt8]()
        var x: UInt64 = 7
        while big.count < 5 * Gzip.parallelChunkSize + 123 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            big.append(contentsOf: "\(x >> 40),\(Double(x >> 50) * 0.001)\n".utf8)
        }
        let packed = Gzip.compress(big)
        #expect(packed.count < big.count / 2)
        #expect(try Gzip.decompress(packed, path: "big.gz") == big)
        // The member boundaries depend on the size only: compressing again gives the same bytes.
        #expect(Gzip.compress(big) == packed)
    }

    @Test func emptyInputCompressesAndDecompresses() throws {
        #expect(try Gzip.decompress(Gzip.compress([]), path: "empty.gz") == [])
    }
}
