import CWeftHeader
import Weft

/// The C API's status codes (the `WEFT_*` macros of weft.h) and their mapping from Swift errors.
enum Status {
    /// The status a front door reports for an error thrown by the engine.
    static func code(for failure: ReconstructionFailure) -> Int32 {
        switch failure {
        case .configuration: return WEFT_ERROR_BAD_CONFIG
        case .missingInput: return WEFT_ERROR_NULL_ARGUMENT
        case .unknownModule: return WEFT_ERROR_UNKNOWN_GEOMETRY_ID
        case .nonFinite: return WEFT_ERROR_NON_FINITE
        case .hitOffModule: return WEFT_ERROR_HIT_OFF_MODULE
        case .outOfRange: return WEFT_ERROR_OUT_OF_RANGE
        case .internal: return WEFT_ERROR_INTERNAL
        }
    }

    /// The macro name of a status code.
    static func name(of status: Int32) -> UnsafePointer<CChar> {
        switch status {
        case WEFT_OK: return StaticCString.of("WEFT_OK")
        case WEFT_ERROR_NULL_ARGUMENT: return StaticCString.of("WEFT_ERROR_NULL_ARGUMENT")
        case WEFT_ERROR_BAD_CONFIG: return StaticCString.of("WEFT_ERROR_BAD_CONFIG")
        case WEFT_ERROR_UNKNOWN_GEOMETRY_ID: return StaticCString.of("WEFT_ERROR_UNKNOWN_GEOMETRY_ID")
        case WEFT_ERROR_NON_FINITE: return StaticCString.of("WEFT_ERROR_NON_FINITE")
        case WEFT_ERROR_OUT_OF_MEMORY: return StaticCString.of("WEFT_ERROR_OUT_OF_MEMORY")
        case WEFT_ERROR_INTERNAL: return StaticCString.of("WEFT_ERROR_INTERNAL")
        case WEFT_ERROR_OUT_OF_RANGE: return StaticCString.of("WEFT_ERROR_OUT_OF_RANGE")
        case WEFT_ERROR_NOT_AVAILABLE: return StaticCString.of("WEFT_ERROR_NOT_AVAILABLE")
        case WEFT_ERROR_HIT_OFF_MODULE: return StaticCString.of("WEFT_ERROR_HIT_OFF_MODULE")
        default: return StaticCString.of("unknown status")
        }
    }
}

@c @implementation
public func weft_status_name(_ status: Int32) -> UnsafePointer<CChar>? {
    Status.name(of: status)
}
