#if canImport(Glibc)
import Glibc
#endif
import CWeftHeader

/// The thread-local message of the most recent failed C API call (`weft_last_error`).
///
/// Each thread owns one `strdup`ed C string behind a pthread key; replacing it frees the previous
/// one, and the key's destructor frees it when the thread exits, so nothing accumulates however
/// many threads a framework starts and stops.
enum LastError {
    /// The key, created once (Swift initialises a global `let` exactly once, thread-safely).
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        // Failure here means the process ran out of pthread keys (PTHREAD_KEYS_MAX = 1024):
        // messages are then lost (weft_last_error returns ""), status codes still work.
        _ = pthread_key_create(&key) { free($0) }
        return key
    }()

    /// Replaces the calling thread's message. When the copy cannot be allocated the thread keeps
    /// no message (the status code still tells what failed).
    static func set(_ message: String) {
        let old = pthread_getspecific(key)
        let copy = strdup(message)
        pthread_setspecific(key, copy)
        free(old)
    }

    /// The calling thread's message, or "" when no call has failed on it.
    static var current: UnsafePointer<CChar> {
        guard let p = pthread_getspecific(key) else { return StaticCString.empty }
        return UnsafePointer(p.assumingMemoryBound(to: CChar.self))
    }
}

@c @implementation
public func weft_last_error() -> UnsafePointer<CChar>? {
    LastError.current
}
