/// One ring of modules on an end-cap disc. Lengths in mm, angles in radians.
///
/// Module iφ (0-based) sits at φ = −π + (iφ + ½)·2π/`modulesPhi` + `phiOffset`, radius `radius`,
/// at |z| = disc |z| + `zOffset` + `phiStagger`/2 for even iφ and − `phiStagger`/2 for odd iφ; when
/// `phiSubStagger` ≠ 0 and `modulesPhi` is a multiple of 4, iφ ≡ 0 (mod 4) moves a further
/// `phiSubStagger` away from the interaction point and iφ ≡ 3 (mod 4) that much towards it. Offsets
/// are measured away from the interaction point, so the two end-caps mirror each other. v points
/// radially outwards (the short side of a trapezoid is at the inner radius), w along the z axis
/// away from the interaction point, u = v × w.
public struct RingDescription: Sendable, Equatable {
    /// Radius of the module centres, mm.
    public var radius: Double
    /// Modules around φ.
    public var modulesPhi: Int
    /// Shift of the whole ring away from the interaction point, mm.
    public var zOffset: Double
    /// |z| difference between even and odd modules, mm.
    public var phiStagger: Double
    /// Extra |z| shift of every fourth module pair, mm (see the type's description).
    public var phiSubStagger: Double
    /// Rotation of the ring about z, radians.
    public var phiOffset: Double
    /// The sensor.
    public var module: ModuleDescription

    /// A ring from its parameters (mm, radians).
    public init(radius: Double, modulesPhi: Int, zOffset: Double, phiStagger: Double, phiSubStagger: Double,
                phiOffset: Double, module: ModuleDescription) {
        self.radius = radius; self.modulesPhi = modulesPhi; self.zOffset = zOffset; self.phiStagger = phiStagger
        self.phiSubStagger = phiSubStagger; self.phiOffset = phiOffset; self.module = module
    }

    /// Reads one element of a `rings` array.
    init(parsing o: DescriptionObject) throws {
        var o = o
        radius = try o.double("radius", in: 0 ... 1e5, "[0, 1e5] mm")
        modulesPhi = try o.int("modulesPhi", in: 1 ... 100_000)
        zOffset = try o.optionalDouble("zOffset", in: -1e4 ... 1e4) ?? 0
        phiStagger = try o.optionalDouble("phiStagger", in: -1e4 ... 1e4) ?? 0
        phiSubStagger = try o.optionalDouble("phiSubStagger", in: -1e4 ... 1e4) ?? 0
        phiOffset = try o.optionalDouble("phiOffset", in: -7 ... 7, "[-7, 7] rad") ?? 0
        module = try ModuleDescription(parsing: try o.object("module"))
        try o.finish()
    }
}
