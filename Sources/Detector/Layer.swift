import EventData

/// One detector layer: the modules of one (volume, layer) pair, which occupy a contiguous range of
/// module indices. Lengths in mm.
public struct Layer: Sendable, Equatable {
    /// The layer's geometry id (module field 0).
    public var id: GeometryID
    /// Barrel (cylinder) or end-cap (disc), from the module normals.
    public var kind: LayerKind
    /// Mean radius (barrel) or mean z (end-cap) of the module centres, mm.
    public var position: Double
    /// Smallest radius reached by a module outline, mm.
    public var rMin: Double
    /// Largest radius reached by a module outline, mm.
    public var rMax: Double
    /// Smallest z reached by a module outline, mm.
    public var zMin: Double
    /// Largest z reached by a module outline, mm.
    public var zMax: Double
    /// The module indices of this layer.
    public var modules: Range<Int32>
    /// Material budget x/X0 of the layer at normal incidence (sensors and support).
    public var materialX0: Double

    /// The volume number.
    @inlinable public var volume: Int32 { id.volume }
    /// The layer number within the volume.
    @inlinable public var layer: Int32 { id.layer }
}
