/// A per-hit input of the edge-scoring network. The raw value is the feature's column name.
public enum NodeFeature: String, Codable, CaseIterable, Sendable {
    /// Transverse radius, mm.
    case r
    /// Azimuth, rad in (−π, π].
    case phi
    /// z, mm.
    case z
    /// Pseudorapidity asinh(z / r).
    case eta
    /// Number of cells of the hit's cluster (needs cells).
    case cellCount = "cell_count"
    /// Summed cell values of the cluster, source units (needs cells).
    case cellCharge = "cell_charge"
    /// Cluster extent along the module's u axis, in channels (needs cells).
    case clusterSizeU = "cluster_size_u"
    /// Cluster extent along the module's v axis, in channels (needs cells).
    case clusterSizeV = "cluster_size_v"

    /// Whether the feature is computed from cells.
    public var needsCells: Bool {
        switch self {
        case .cellCount, .cellCharge, .clusterSizeU, .clusterSizeV: return true
        default: return false
        }
    }
}
