/// How ``GraphBuilder`` builds a hit graph: which features it computes. JSON keys are snake_case;
/// every field has a default.
public struct GraphConfig: Codable, Equatable, Sendable {
    /// Node features, in column order (default r, z, η: the detector is φ-symmetric, so the azimuth
    /// itself carries no information an edge classifier should use; Δφ is an edge feature).
    public var nodeFeatures: [NodeFeature]
    /// Edge features, in column order (default Δr, Δφ, Δz, Δη, φ-slope, z0).
    public var edgeFeatures: [EdgeFeature]
    /// Whether edges that continue no other edge are dropped (default true; needs a map with triplet
    /// windows, otherwise ignored): an edge a → b is kept when some b → c (or z → a) forms, with it, a
    /// triplet whose rings and Δ(φ-slope), Δθ lie inside the map's triplet windows.
    public var tripletFilter: Bool

    /// A validated configuration.
    ///
    /// - Throws: ``HitGraphError/invalidConfig(field:reason:)`` for an empty or repeated feature list.
    public init(nodeFeatures: [NodeFeature] = [.r, .z, .eta],
                edgeFeatures: [EdgeFeature] = [.dr, .dphi, .dz, .deta, .phiSlope, .z0], tripletFilter: Bool = true) throws {
        guard !nodeFeatures.isEmpty, Set(nodeFeatures).count == nodeFeatures.count else {
            throw HitGraphError.invalidConfig(field: "node_features", reason: "needs distinct features")
        }
        guard !edgeFeatures.isEmpty, Set(edgeFeatures).count == edgeFeatures.count else {
            throw HitGraphError.invalidConfig(field: "edge_features", reason: "needs distinct features")
        }
        self.nodeFeatures = nodeFeatures; self.edgeFeatures = edgeFeatures; self.tripletFilter = tripletFilter
    }

    enum CodingKeys: String, CodingKey {
        case nodeFeatures = "node_features", edgeFeatures = "edge_features", tripletFilter = "triplet_filter"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = try GraphConfig()
        try self.init(nodeFeatures: c.decodeIfPresent([NodeFeature].self, forKey: .nodeFeatures) ?? d.nodeFeatures,
                      edgeFeatures: c.decodeIfPresent([EdgeFeature].self, forKey: .edgeFeatures) ?? d.edgeFeatures,
                      tripletFilter: c.decodeIfPresent(Bool.self, forKey: .tripletFilter) ?? d.tripletFilter)
    }

    /// Whether any node feature needs cells.
    public var needsCells: Bool { nodeFeatures.contains { $0.needsCells } }
}
