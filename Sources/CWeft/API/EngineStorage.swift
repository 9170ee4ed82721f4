#if canImport(Glibc)
import Glibc
#endif
import Weft

/// The object behind a `weft_engine *`: the immutable engine and its effective configuration as a
/// C string (for `weft_engine_config`).
///
/// `@unchecked Sendable`: every stored property is a `let` and the C string is never written after
/// `init`, so any number of threads may read it while C callers share the handle.
final class EngineStorage: @unchecked Sendable {
    let engine: ReconstructionEngine
    /// NUL-terminated JSON, owned (freed in `deinit`).
    let configJSON: UnsafeMutablePointer<CChar>

    /// Wraps an engine; throws `WEFT_ERROR_OUT_OF_MEMORY` when the JSON copy cannot be allocated.
    init(engine: ReconstructionEngine, function: StaticString) throws {
        let json = try engine.config.jsonText()
        guard let copy = strdup(json) else {
            throw APIError.outOfMemory("the configuration text", bytes: json.utf8.count + 1, in: function)
        }
        self.engine = engine
        configJSON = copy
    }

    deinit { free(configJSON) }
}
