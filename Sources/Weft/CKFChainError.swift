/// Errors setting up the CKF chain at the edges.
public enum CKFChainError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration file cannot be read or does not describe a valid configuration.
    case badConfig(file: String, reason: String)
    /// A detector other than `trackml` has no cut-set file `file` (`Seeds/<detector>/seeding.json` or
    /// `ckf.json`): the built-in defaults are tuned to the TrackML geometry (its volume ids, layer
    /// radii and luminous region), so they are never used in its place.
    case missingConfig(file: String, detector: String)

    public var description: String {
        switch self {
        case let .badConfig(file, reason): return "\(file): \(reason)"
        case let .missingConfig(file, detector):
            return "\(file): no such file; detector '\(detector)' needs its own CKF cut set "
                + "(Seeds/\(detector)/seeding.json and Seeds/\(detector)/ckf.json, see Seeds/trackml/README.md), "
                + "or name the files with --seeding-config and --ckf-config; the built-in defaults hold for trackml only"
        }
    }
}
