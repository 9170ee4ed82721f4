/// A barrel volume: concentric layers of staves parallel to the beam.
public struct BarrelDescription: Sendable, Equatable {
    /// Volume number (TrackML `volume_id`).
    public var id: Int32
    /// A human-readable name.
    public var name: String
    /// The layers, each fully resolved.
    public var layers: [BarrelLayerDescription]

    /// A barrel from its layers.
    public init(id: Int32, name: String, layers: [BarrelLayerDescription]) {
        self.id = id; self.name = name; self.layers = layers
    }

    /// Reads a `"kind": "barrel"` volume; per-layer fields override the volume's defaults.
    init(parsing o: DescriptionObject) throws {
        var o = o
        id = Int32(try o.int("id", in: 0 ... Int(GeometryLimits.maxVolume)))
        name = try o.optionalString("name") ?? "volume \(id)"
        let module = try o.optionalObject("module").map(ModuleDescription.init(parsing:))
        let tilt = try o.optionalDouble("tilt", in: -1.5 ... 1.5, "[-1.5, 1.5] rad")
        let stagger = try o.optionalDouble("radialStagger", in: -1e4 ... 1e4)
        let modulesZ = try o.optionalInt("modulesZ", in: 1 ... 100_000)
        let zStep = try o.optionalDouble("zStep", in: 0 ... 1e5)
        let phiOffset = try o.optionalDouble("phiOffset", in: -7 ... 7, "[-7, 7] rad")
        let material = try o.optionalDouble("materialX0", in: 0 ... 1, "[0, 1]")
        var layers: [BarrelLayerDescription] = []
        var seen: [Int32: Int] = [:]
        for var l in try o.objects("layers") {
            let lid = Int32(try l.int("id", in: 0 ... Int(GeometryLimits.maxLayer)))
            if let first = seen[lid] {
                throw l.error("id", line: l.line(of: "id"), "layer id \(lid) already used on line \(first)")
            }
            seen[lid] = l.line(of: "id")
            func need<T>(_ value: T?, _ key: String) throws -> T {
                guard let v = value else {
                    throw l.error(key, line: l.line, "missing: give \(key) in the layer or in its volume")
                }
                return v
            }
            let layer = BarrelLayerDescription(
                id: lid,
                radius: try l.double("radius", in: 1e-3 ... 1e5, "(0, 1e5] mm"),
                modulesPhi: try l.int("modulesPhi", in: 1 ... 100_000),
                modulesZ: try need(try l.optionalInt("modulesZ", in: 1 ... 100_000) ?? modulesZ, "modulesZ"),
                zStep: try need(try l.optionalDouble("zStep", in: 0 ... 1e5) ?? zStep, "zStep"),
                radialStagger: try l.optionalDouble("radialStagger", in: -1e4 ... 1e4) ?? stagger ?? 0,
                tilt: try l.optionalDouble("tilt", in: -1.5 ... 1.5, "[-1.5, 1.5] rad") ?? tilt ?? 0,
                phiOffset: try l.optionalDouble("phiOffset", in: -7 ... 7, "[-7, 7] rad") ?? phiOffset ?? 0,
                module: try need(try l.optionalObject("module").map(ModuleDescription.init(parsing:)) ?? module, "module"),
                materialX0: try need(try l.optionalDouble("materialX0", in: 0 ... 1, "[0, 1]") ?? material, "materialX0"))
            try l.finish()
            layers.append(layer)
        }
        self.layers = layers
        try o.finish()
    }
}
