#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EventData

extension DetectorDescription {
    /// Generates the module-level geometry.
    ///
    /// - Parameter source: names the description in errors (its file).
    /// - Throws: ``DetectorError`` when the description generates no module, a module number beyond
    ///   the id range, or two modules with one id.
    public func makeDetector(source: String? = nil) throws -> Detector {
        let source = source ?? name
        var table = ModuleTable()
        var material: [GeometryID: Double] = [:]
        var names: [Int32: String] = [:]
        for volume in volumes {
            switch volume {
            case .barrel(let b):
                names[b.id] = b.name
                for layer in b.layers {
                    let layerID = GeometryID(volume: b.id, layer: layer.id, module: 0)
                    material[layerID] = layer.materialX0
                    try Self.appendBarrelLayer(layer, volume: b.id, to: &table, source: source)
                }
            case .endcaps(let e):
                for (side, id) in [(-1, e.negativeID), (1, e.positiveID)] {
                    guard let id else { continue }
                    names[id] = e.name + (side < 0 ? " −z" : " +z")
                    for (k, disc) in e.discs.enumerated() {
                        let layer = e.layerID(disc: k, side: side)
                        material[GeometryID(volume: id, layer: layer, module: 0)] = disc.materialX0
                        try Self.appendDisc(disc, side: side, volume: id, layer: layer, numbering: e.numbering,
                                            to: &table, source: source)
                    }
                }
            }
        }
        return try Detector(name: name, source: source, modules: table, lines: nil, field: field,
                            material: { id, _ in material[id] }, volumeName: { names[$0] })
    }

    /// Throws when module number `n` (1-based) does not fit a geometry id.
    private static func checkModuleNumber(_ n: Int, volume: Int32, layer: Int32, source: String) throws {
        guard n <= Int(GeometryID.maxModule) else {
            throw DetectorError.invalidModule(file: source, line: 0, field: "modulesPhi",
                                              reason: "volume \(volume) layer \(layer) would number more than \(GeometryID.maxModule) modules")
        }
    }

    /// Appends the modules of one barrel layer, numbered z row by z row, φ ascending within a row.
    private static func appendBarrelLayer(_ l: BarrelLayerDescription, volume: Int32, to table: inout ModuleTable,
                                          source: String) throws {
        try checkModuleNumber(l.modulesZ * l.modulesPhi, volume: volume, layer: l.id, source: source)
        let step = 2 * Double.pi / Double(l.modulesPhi)
        let z0 = -0.5 * Double(l.modulesZ - 1) * l.zStep
        for iz in 0 ..< l.modulesZ {
            // Neighbouring z rows alternate in radius so that their sensors overlap in z.
            let r = l.radius + (iz % 2 == 0 ? 0.5 : -0.5) * l.radialStagger
            let z = z0 + Double(iz) * l.zStep
            for ip in 0 ..< l.modulesPhi {
                let phi = -Double.pi + (Double(ip) + 0.5) * step + l.phiOffset
                // The normal is the radial direction turned by the tilt about z (shingled staves).
                let a = phi + l.tilt
                let w = SIMD3(cos(a), sin(a), 0.0)
                let v = SIMD3(0.0, 0.0, 1.0)
                let u = SIMD3(-sin(a), cos(a), 0.0)
                let id = GeometryID(volume: volume, layer: l.id, module: Int32(iz * l.modulesPhi + ip + 1))
                table.append(module(id, SIMD3(r * cos(phi), r * sin(phi), z), Rotation3(u: u, v: v, w: w), l.module))
            }
        }
    }

    /// One module of a given type.
    private static func module(_ id: GeometryID, _ center: SIMD3<Double>, _ rotation: Rotation3,
                               _ m: ModuleDescription) -> Module {
        Module(id: id, center: center, rotation: rotation, thickness: m.thickness, minHalfU: m.minHalfU,
               maxHalfU: m.maxHalfU, halfV: m.halfV, pitchU: m.pitchU, pitchV: m.pitchV)
    }

    /// Appends the modules of one disc on side `side` (−1 or +1), numbered by `numbering`.
    private static func appendDisc(_ disc: DiscDescription, side: Int, volume: Int32, layer: Int32,
                                   numbering: NumberingDescription?, to table: inout ModuleTable,
                                   source: String) throws {
        struct Placed {
            var key: Int
            var ring: Int
            var index: Int
            var center: SIMD3<Double>
            var rotation: Rotation3
            var type: ModuleDescription
        }
        let total = disc.rings.reduce(0) { $0 + $1.modulesPhi }
        try checkModuleNumber(total, volume: volume, layer: layer, source: source)
        let s = Double(side)
        var placed: [Placed] = []
        placed.reserveCapacity(total)
        for (g, ring) in disc.rings.enumerated() {
            let n = ring.modulesPhi
            let step = 2 * Double.pi / Double(n)
            for k in 0 ..< n {
                let phi = -Double.pi + (Double(k) + 0.5) * step + ring.phiOffset
                // Neighbours in φ alternate in |z| so that their sensors overlap; every fourth pair
                // may be pushed further apart (sub-stagger) to make room for services.
                var away = ring.zOffset + (k % 2 == 0 ? 0.5 : -0.5) * ring.phiStagger
                if ring.phiSubStagger != 0 && n % 4 == 0 {
                    if k % 4 == 0 { away += ring.phiSubStagger } else if k % 4 == 3 { away -= ring.phiSubStagger }
                }
                let z = s * (disc.z + away)
                // v points outwards (the trapezoid widens with radius), w away from the interaction point.
                let v = SIMD3(cos(phi), sin(phi), 0.0)
                let w = SIMD3(0.0, 0.0, s)
                let u = SIMD3(v.y * w.z - v.z * w.y, v.z * w.x - v.x * w.z, v.x * w.y - v.y * w.x)
                let key = numbering.map { numberingKey(phi: phi, coverage: step, grid: $0) } ?? 0
                placed.append(Placed(key: key, ring: g, index: k,
                                     center: SIMD3(ring.radius * cos(phi), ring.radius * sin(phi), z),
                                     rotation: Rotation3(u: u, v: v, w: w), type: ring.module))
            }
        }
        placed.sort { ($0.key, $0.ring, $0.index) < ($1.key, $1.ring, $1.index) }
        for (number, p) in placed.enumerated() {
            let id = GeometryID(volume: volume, layer: layer, module: Int32(number + 1))
            table.append(module(id, p.center, p.rotation, p.type))
        }
    }

    /// The numbering cell of a module at `phi` whose ring spaces modules `coverage` radians apart:
    /// the smallest index among its own cell and the cells whose centre lies in [φ − c/2, φ + c/2).
    /// See ``NumberingDescription``.
    static func numberingKey(phi: Double, coverage: Double, grid: NumberingDescription) -> Int {
        let n = grid.phiBins
        let width = 2 * Double.pi / Double(n)
        func wrap(_ j: Int) -> Int { ((j % n) + n) % n }
        var best = wrap(Int(((phi + Double.pi) / width - grid.phase).rounded(.down)))
        let lo = phi - 0.5 * coverage, hi = phi + 0.5 * coverage
        var j = Int(((lo + Double.pi) / width - grid.phase - 0.5).rounded(.up))
        while -Double.pi + (Double(j) + grid.phase + 0.5) * width < hi {
            best = min(best, wrap(j))
            j += 1
        }
        return best
    }
}
