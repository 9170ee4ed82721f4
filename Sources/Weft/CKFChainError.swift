/// Errors setting up the CKF chain at the edges.
public enum CKFChainError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration file cannot be read or does not describe a valid configuration.
    case badConfig(file: String, reason: String)

    public var description: String {
        switch self {
        case let .badConfig(file, reason): return "\(file): \(reason)"
        }
    }
}
