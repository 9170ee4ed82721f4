import CWeftHeader
import Weft

/// The edge between C callers and Swift code: every exported function that can fail runs its body
/// here, so that a thrown error becomes a status code plus a thread-local message and never
/// unwinds into C.
enum Boundary {
    /// Runs `body`; returns its status, or the status of the error it throws after recording the
    /// message for `weft_last_error`.
    static func run(_ function: StaticString, _ body: () throws -> Int32) -> Int32 {
        do {
            return try body()
        } catch let error as APIError {
            LastError.set(error.message)
            return error.status
        } catch {
            let failure = ReconstructionFailure(classifying: error)
            let prefix = failure == .internal ? "\(function): internal error: " : "\(function): "
            LastError.set(prefix + String(describing: error))
            return Status.code(for: failure)
        }
    }

    /// Records a failure of a function that reports through its return value (NULL, 0) rather
    /// than a status.
    static func fail(_ message: String) {
        LastError.set(message)
    }
}
