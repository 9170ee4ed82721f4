#if canImport(Glibc)
import Glibc
#endif
import CWeftHeader
import Weft

/// The library version as a C string, made once from ``WeftVersion/string`` (the one place the
/// version is written in Swift; a test checks it against the header's `WEFT_VERSION_STRING`).
/// `nonisolated(unsafe)`: written once by Swift's thread-safe global initialisation, then only read.
nonisolated(unsafe) private let versionCString: UnsafePointer<CChar> = {
    // One allocation for the life of the process (valgrind: "still reachable"); "" if refused.
    guard let copy = strdup(WeftVersion.string) else { return StaticCString.empty }
    return UnsafePointer(copy)
}()

@c @implementation
public func weft_version() -> UnsafePointer<CChar>? {
    versionCString
}
