/// One detector volume: a group of layers of the same kind, which occupy a contiguous range of
/// layer indices. Lengths in mm.
public struct Volume: Sendable, Equatable {
    /// The volume number (TrackML `volume_id`).
    public var id: Int32
    /// A human-readable name.
    public var name: String
    /// Barrel or end-cap (the kind of its first layer).
    public var kind: LayerKind
    /// The layer indices of this volume.
    public var layers: Range<Int32>
    /// Smallest radius reached by a module outline, mm.
    public var rMin: Double
    /// Largest radius reached by a module outline, mm.
    public var rMax: Double
    /// Smallest z reached by a module outline, mm.
    public var zMin: Double
    /// Largest z reached by a module outline, mm.
    public var zMax: Double
}
