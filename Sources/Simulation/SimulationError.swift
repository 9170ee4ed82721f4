/// Errors of the fast simulation.
public enum SimulationError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A configuration value is out of its domain; the message names the field and the rule.
    case invalidConfiguration(String)
    /// The detector cannot be simulated (no layers, a module without a layer, an unsupported field).
    case unsupportedDetector(String)
    /// The shim's propagation failed in a way that is not a plain miss (message, shim status).
    case propagationFailed(String, status: Int32)

    public var description: String {
        switch self {
        case .invalidConfiguration(let m): "invalid simulation configuration: \(m)"
        case .unsupportedDetector(let m): "detector cannot be simulated: \(m)"
        case .propagationFailed(let m, let s): "propagation failed: \(m) (shim status \(s))"
        }
    }
}
