import CZlib
import Dispatch

/// gzip compression and decompression through zlib.
public enum Gzip {
    /// Whether `bytes` start with the gzip magic number.
    public static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// Decompresses a gzip stream (several concatenated members are allowed).
    ///
    /// - Parameter path: named in errors only.
    /// - Throws: ``DataFileError/truncatedGzip(path:)`` when the input ends early,
    ///   ``DataFileError/corruptGzip(path:reason:)`` when it is damaged.
    public static func decompress(_ input: [UInt8], path: String) throws -> [UInt8] {
        // The gzip trailer holds the uncompressed size modulo 2^32: a good first capacity.
        var capacity = max(input.count * 4, 1 << 16)
        if input.count >= 18 {
            let n = input.count
            let isize = Int(input[n - 4]) | Int(input[n - 3]) << 8 | Int(input[n - 2]) << 16 | Int(input[n - 1]) << 24
            if isize > 0 && isize < 1 << 31 { capacity = max(capacity, isize + 1) }
        }
        var output = [UInt8](repeating: 0, count: capacity)
        var produced = 0
        var stream = z_stream()
        // 15 + 32: maximum window, automatic gzip/zlib header detection.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DataFileError.corruptGzip(path: path, reason: "zlib initialisation failed")
        }
        defer { inflateEnd(&stream) }
        try input.withUnsafeBufferPointer { inBuf in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = UInt32(inBuf.count)
            while true {
                if produced == output.count { output.append(contentsOf: repeatElement(0, count: output.count)) }
                let status: Int32 = output.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress! + produced
                    stream.avail_out = UInt32(min(outBuf.count - produced, Int(UInt32.max)))
                    let before = stream.avail_out
                    let s = inflate(&stream, Z_NO_FLUSH)
                    produced += Int(before - stream.avail_out)
                    return s
                }
                switch status {
                case Z_STREAM_END:
                    // Another member may follow (concatenated gzip files are valid gzip).
                    guard stream.avail_in > 0 else { return }
                    guard inflateReset(&stream) == Z_OK else {
                        throw DataFileError.corruptGzip(path: path, reason: "cannot restart after a member")
                    }
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 { throw DataFileError.truncatedGzip(path: path) }
                case Z_DATA_ERROR:
                    let msg = stream.msg.map { String(cString: $0) } ?? "invalid data"
                    throw DataFileError.corruptGzip(path: path, reason: msg)
                default:
                    throw DataFileError.corruptGzip(path: path, reason: "zlib status \(status)")
                }
            }
        }
        output.removeSubrange(produced...)
        return output
    }

    /// Inputs at least this large are compressed as several members in parallel.
    public static let parallelChunkSize = 1 << 20

    /// Compresses `input` into gzip.
    ///
    /// Large inputs are cut into ``parallelChunkSize`` pieces compressed concurrently, each its own
    /// gzip member (concatenated members are one valid gzip stream, which gzip, zlib and Python read
    /// whole). The cut points depend only on the input size, so the output is the same whatever the
    /// number of cores.
    /// - Parameter level: zlib level 1 (fast) … 9 (small).
    public static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        guard input.count > 2 * parallelChunkSize else { return compressMember(input[...], level: level) }
        let chunks = (input.count + parallelChunkSize - 1) / parallelChunkSize
        // Each iteration writes only its own slot.
        nonisolated(unsafe) let members = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: chunks)
        members.initialize(repeating: [])
        defer { members.deinitialize(); members.deallocate() }
        DispatchQueue.concurrentPerform(iterations: chunks) { k in
            let start = k * parallelChunkSize
            members[k] = compressMember(input[start ..< min(start + parallelChunkSize, input.count)], level: level)
        }
        var output = [UInt8]()
        output.reserveCapacity(members.reduce(0) { $0 + $1.count })
        for m in members { output.append(contentsOf: m) }
        return output
    }

    /// Compresses `input` into one gzip member.
    static func compressMember(_ input: ArraySlice<UInt8>, level: Int32) -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: maximum window with a gzip header and trailer.
        let initStatus = deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                                       ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(initStatus == Z_OK, "zlib deflateInit2 failed: \(initStatus)")
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 32)
        var produced = 0
        input.withUnsafeBufferPointer { inBuf in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = UInt32(inBuf.count)
            while true {
                if produced == output.count { output.append(contentsOf: repeatElement(0, count: output.count)) }
                let status: Int32 = output.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress! + produced
                    stream.avail_out = UInt32(outBuf.count - produced)
                    let before = stream.avail_out
                    let s = deflate(&stream, Z_FINISH)
                    produced += Int(before - stream.avail_out)
                    return s
                }
                if status == Z_STREAM_END { break }
                precondition(status == Z_OK || status == Z_BUF_ERROR, "zlib deflate failed: \(status)")
            }
        }
        output.removeSubrange(produced...)
        return output
    }
}
