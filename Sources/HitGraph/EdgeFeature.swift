/// A per-edge input of the edge-scoring network (see ``DoubletGeometry``). The raw value is the
/// feature's column name.
public enum EdgeFeature: String, Codable, CaseIterable, Sendable {
    /// r_b − r_a, mm.
    case dr
    /// φ_b − φ_a, rad.
    case dphi
    /// z_b − z_a, mm.
    case dz
    /// η_b − η_a.
    case deta
    /// Δφ / Δr, rad/mm.
    case phiSlope = "phi_slope"
    /// z at r = 0 of the line through both hits, mm.
    case z0
    /// 3D distance between the hits, mm.
    case distance

    /// The feature's value for a doublet.
    @inline(__always) func value(_ g: DoubletGeometry) -> Float {
        switch self {
        case .dr: return g.dr
        case .dphi: return g.dphi
        case .dz: return g.dz
        case .deta: return g.deta
        case .phiSlope: return g.phiSlope
        case .z0: return g.z0
        case .distance: return g.distance
        }
    }
}
