/// Errors setting up the GNN chain at the edges: model and module-map files that cannot be used.
public enum GNNChainError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A model file is not a Weft Interaction Network, lacks a tensor or attribute, or holds one of
    /// the wrong shape; `reason` names it.
    case badModelFile(file: String, reason: String)
    /// A module-map file is not a Weft module map or its arrays are inconsistent.
    case badModuleMap(file: String, reason: String)
    /// The model and the graph configuration (or module map) do not belong together.
    case incompatible(reason: String)
    /// A file the chain needs does not exist.
    case missingFile(what: String, path: String)
    /// A rescoring setting (``RescoringConfig``) is out of range; `field` is its JSON key.
    case invalidRescoring(field: String, reason: String)

    public var description: String {
        switch self {
        case let .badModelFile(file, reason): return "\(file): not a usable GNN model: \(reason)"
        case let .badModuleMap(file, reason): return "\(file): not a usable module map: \(reason)"
        case let .incompatible(reason): return "the GNN model does not fit: \(reason)"
        case let .invalidRescoring(field, reason): return "rescoring setting '\(field)': \(reason)"
        case let .missingFile(what, path):
            switch what {
            case "module map": return "no module map at \(path) (make one with `weft build-module-map`, or name the file)"
            case "GNN model": return "no GNN model at \(path) (train one with `weft train`, or name the file)"
            default: return "no \(what) at \(path)"
            }
        }
    }
}
