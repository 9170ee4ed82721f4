/// Counts that describe one track-building run.
public struct TrackBuildingStatistics: Codable, Equatable, Sendable {
    /// Edges above the score cut.
    public var keptEdges: Int
    /// Connected components with at least one kept edge.
    public var components: Int
    /// Components that were already simple chains (emitted as they are).
    public var chainComponents: Int
    /// Components with a junction or a cycle (resolved by the walkthrough).
    public var junctionComponents: Int
    /// Hits put back by the skipped-hit insertion.
    public var insertedHits: Int
    /// Tracks dropped by the pT cut (``TrackBuildingConfig/minPt``).
    public var droppedByPt: Int
    /// Tracks dropped by the helix-fit and pT-dependent length cuts.
    public var droppedByFit: Int
    /// Tracks kept after losing their worst-fitting hits (``TrackBuildingConfig/maxTrimmedHits``).
    public var trimmedTracks: Int
    /// Path ends joined through edges below the score cut (``TrackBuildingConfig/joinScoreCut``).
    public var joins: Int
    /// Fragments merged across a gap without an edge (``TrackBuildingConfig/mergeMaxGap``).
    public var merges: Int
    /// Unassigned hits added to a track on its helix (``TrackBuildingConfig/pickMaxTransverseResidual``).
    public var pickedHits: Int
    /// End hits dropped as off the helix of the track's next hits (``TrackBuildingConfig/endMaxTransverseResidual``).
    public var droppedEndHits: Int
    /// Hits added beyond a track's ends on its helix (``TrackBuildingConfig/endMaxTransverseResidual``).
    public var addedEndHits: Int
    /// Tracks emitted (with at least ``TrackBuildingConfig/minHits`` hits, above the pT cut).
    public var tracks: Int
    /// Hits assigned to a track.
    public var assignedHits: Int

    public init() {
        keptEdges = 0; components = 0; chainComponents = 0; junctionComponents = 0
        insertedHits = 0; droppedByPt = 0; droppedByFit = 0; trimmedTracks = 0; joins = 0; merges = 0; pickedHits = 0; droppedEndHits = 0; addedEndHits = 0; tracks = 0; assignedHits = 0
    }

    enum CodingKeys: String, CodingKey {
        case keptEdges = "kept_edges", components, chainComponents = "chain_components"
        case junctionComponents = "junction_components", insertedHits = "inserted_hits", droppedByPt = "dropped_by_pt", droppedByFit = "dropped_by_fit"
        case trimmedTracks = "trimmed_tracks"
        case joins, merges, pickedHits = "picked_hits", tracks
        case droppedEndHits = "dropped_end_hits", addedEndHits = "added_end_hits"
        case assignedHits = "assigned_hits"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        keptEdges = try c.decode(Int.self, forKey: .keptEdges)
        components = try c.decode(Int.self, forKey: .components)
        chainComponents = try c.decode(Int.self, forKey: .chainComponents)
        junctionComponents = try c.decode(Int.self, forKey: .junctionComponents)
        insertedHits = try c.decode(Int.self, forKey: .insertedHits)
        droppedByPt = try c.decode(Int.self, forKey: .droppedByPt)
        // Counts added later read as 0 from older reports.
        droppedByFit = try c.decodeIfPresent(Int.self, forKey: .droppedByFit) ?? 0
        trimmedTracks = try c.decodeIfPresent(Int.self, forKey: .trimmedTracks) ?? 0
        joins = try c.decodeIfPresent(Int.self, forKey: .joins) ?? 0
        merges = try c.decodeIfPresent(Int.self, forKey: .merges) ?? 0
        pickedHits = try c.decodeIfPresent(Int.self, forKey: .pickedHits) ?? 0
        droppedEndHits = try c.decodeIfPresent(Int.self, forKey: .droppedEndHits) ?? 0
        addedEndHits = try c.decodeIfPresent(Int.self, forKey: .addedEndHits) ?? 0
        tracks = try c.decode(Int.self, forKey: .tracks)
        assignedHits = try c.decode(Int.self, forKey: .assignedHits)
    }
}
