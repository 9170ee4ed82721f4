/// One cylindrical layer of staves in a barrel volume, with every parameter resolved (volume-level
/// defaults already applied). Lengths in mm, angles in radians.
///
/// Module `(iz, iφ)` (0-based) sits at φ = −π + (iφ + ½)·2π/`modulesPhi` + `phiOffset`,
/// z = (iz − (`modulesZ` − 1)/2)·`zStep`, at radius `radius` + `radialStagger`/2 for even iz and
/// `radius` − `radialStagger`/2 for odd iz. Its normal w is the radial direction turned by `tilt`
/// about z, v is the global z axis, u = v × w. Module numbers run 1 + iz·`modulesPhi` + iφ.
public struct BarrelLayerDescription: Sendable, Equatable {
    /// Layer number within the volume (TrackML `layer_id`).
    public var id: Int32
    /// Nominal radius of the module centres, mm.
    public var radius: Double
    /// Modules around φ (staves).
    public var modulesPhi: Int
    /// Modules along z per stave.
    public var modulesZ: Int
    /// Distance between neighbouring module centres along z, mm.
    public var zStep: Double
    /// Radius difference between even and odd z rows, mm.
    public var radialStagger: Double
    /// Rotation of the module normal away from the radial direction, about +z, radians.
    public var tilt: Double
    /// Rotation of the whole layer about z, radians.
    public var phiOffset: Double
    /// The sensor.
    public var module: ModuleDescription
    /// Material budget x/X0 at normal incidence (sensor and support).
    public var materialX0: Double

    /// A barrel layer from its parameters (mm, radians).
    public init(id: Int32, radius: Double, modulesPhi: Int, modulesZ: Int, zStep: Double, radialStagger: Double,
                tilt: Double, phiOffset: Double, module: ModuleDescription, materialX0: Double) {
        self.id = id; self.radius = radius; self.modulesPhi = modulesPhi; self.modulesZ = modulesZ
        self.zStep = zStep; self.radialStagger = radialStagger; self.tilt = tilt; self.phiOffset = phiOffset
        self.module = module; self.materialX0 = materialX0
    }
}
