#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reading and atomic writing.
public enum DataFile {
    /// Whether a regular file exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Reads a whole file; gzip-compressed files (by content, not name) are decompressed.
    public static func read(_ path: String) throws -> [UInt8] {
        let raw = try readRaw(path)
        return Gzip.isCompressed(raw) ? try Gzip.decompress(raw, path: path) : raw
    }

    /// Reads a whole file as stored.
    public static func readRaw(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw DataFileError.cannotRead(path: path, reason: errnoText()) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw DataFileError.cannotRead(path: path, reason: errnoText()) }
        guard (st.st_mode & S_IFMT) != S_IFDIR else { throw DataFileError.cannotRead(path: path, reason: "is a directory") }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DataFileError.cannotRead(path: path, reason: errnoText())
            }
            if n == 0 { break }
            done += n
        }
        if done < bytes.count { bytes.removeSubrange(done...) }
        return bytes
    }

    /// Writes `bytes` to `path` atomically: to a temporary file in the same directory, then renamed.
    ///
    /// A `.gz` suffix compresses the data. On any failure the temporary file is removed and a file
    /// already at `path` is left as it was.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let payload = path.hasSuffix(".gz") ? Gzip.compress(bytes) : bytes
        try replace(path) { tmp in
            let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw DataFileError.cannotWrite(path: path, reason: errnoText()) }
            defer { close(fd) }
            var done = 0
            while done < payload.count {
                let n = payload.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw DataFileError.cannotWrite(path: path, reason: errnoText())
                }
                done += n
            }
        }
    }

    /// Produces `path` atomically: `body` writes a temporary file whose name it is given, which is
    /// then renamed to `path`. When `body` throws, the temporary file is removed and the error rethrown.
    public static func replace(_ path: String, _ body: (String) throws -> Void) throws {
        let tmp = temporaryName(for: path)
        do {
            try body(tmp)
            guard rename(tmp, path) == 0 else { throw DataFileError.cannotWrite(path: path, reason: errnoText()) }
        } catch {
            unlink(tmp)
            throw error
        }
    }

    /// Creates a directory and its parents when missing.
    public static func makeDirectories(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            var st = stat()
            if stat(current, &st) == 0 {
                guard (st.st_mode & S_IFMT) == S_IFDIR else {
                    throw DataFileError.cannotWrite(path: path, reason: "\(current) is not a directory")
                }
                continue
            }
            guard mkdir(current, 0o755) == 0 || errno == EEXIST else {
                throw DataFileError.cannotWrite(path: path, reason: errnoText())
            }
        }
    }

    /// A temporary name beside `path`, unique to this process and call.
    static func temporaryName(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(dir).\(base).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
