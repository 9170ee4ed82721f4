import EventData

/// A tracking detector: its modules, layers and volumes, magnetic field and per-layer material.
///
/// Immutable once built, so one value may be shared by any number of threads. Modules are sorted by
/// geometry id, so the modules of a layer, and the layers of a volume, are contiguous index ranges.
/// Lengths are in mm, fields in tesla.
public struct Detector: Sendable {
    /// The detector's name (`trackml`, or the file it was read from).
    public let name: String
    /// Every module, sorted by geometry id.
    public let modules: ModuleTable
    /// Every layer, sorted by geometry id.
    public let layers: [Layer]
    /// Every volume, sorted by id.
    public let volumes: [Volume]
    /// The magnetic field.
    public private(set) var field: FieldModel
    /// Geometry id → module index.
    let index: GeometryIndex

    /// Radiation length of silicon, mm (PDG): the sensor-only material estimate uses it.
    public static let siliconRadiationLength = 93.7

    /// Builds a detector from a module table (any order).
    ///
    /// - Parameters:
    ///   - layerMaterial: x/X0 per layer id; layers not listed get their sensors' thickness over the
    ///     radiation length of silicon (no support material).
    ///   - volumeNames: names per volume id; others are called "volume N".
    /// - Throws: ``DetectorError`` for duplicate ids, ids with bits outside the volume/layer/module
    ///   fields, non-positive sizes or pitches, non-finite numbers or rotations that are not rotations.
    public init(name: String, modules: ModuleTable, field: FieldModel,
                layerMaterial: [GeometryID: Double] = [:], volumeNames: [Int32: String] = [:]) throws {
        try self.init(name: name, source: name, modules: modules, lines: nil, field: field,
                      material: { id, _ in layerMaterial[id] }, volumeName: { volumeNames[$0] })
    }

    /// The common constructor: `lines` (file line per row) and `source` name the input in errors.
    init(name: String, source: String, modules input: ModuleTable, lines: [Int]?, field: FieldModel,
         material: (GeometryID, LayerKind) -> Double?, volumeName: (Int32) -> String?) throws {
        guard input.count > 0 else { throw DetectorError.noModules(file: source) }
        try Self.validate(input, source: source, lines: lines)
        var order = Array(0 ..< input.count)
        if !zip(input.id, input.id.dropFirst()).allSatisfy({ $0 < $1 }) {
            order.sort { input.id[$0] < input.id[$1] || (input.id[$0] == input.id[$1] && $0 < $1) }
        }
        for k in 1 ..< order.count where input.id[order[k]] == input.id[order[k - 1]] {
            let at = [order[k - 1], order[k]].map { lines?[$0] ?? 0 }
            throw DetectorError.duplicateModule(file: source, id: input.id[order[k]], lines: at)
        }
        let table = order.elementsEqual(0 ..< input.count) ? input : input.permuted(order)
        self.name = name
        self.modules = table
        self.field = field
        self.index = GeometryIndex(sortedIDs: table.id)
        self.layers = Self.makeLayers(table, material: material)
        self.volumes = Self.makeVolumes(layers, name: volumeName)
    }

    /// Checks every row of `t` (sizes, finiteness, rotations, id bits).
    private static func validate(_ t: ModuleTable, source: String, lines: [Int]?) throws {
        let fieldMask = GeometryID(volume: GeometryID.maxVolume, layer: GeometryID.maxLayer,
                                   module: GeometryID.maxModule).rawValue
        for i in 0 ..< t.count {
            let line = lines?[i] ?? 0
            func bad(_ field: String, _ reason: String) -> DetectorError {
                .invalidModule(file: source, line: line, field: field, reason: "module \(t.id[i]): \(reason)")
            }
            guard t.id[i].rawValue & ~fieldMask == 0 else {
                throw bad("geometry_id", "id 0x\(String(t.id[i].rawValue, radix: 16)) has bits outside the volume, layer and module fields")
            }
            let positive: [(String, Double)] = [("module_t", t.thickness[i]), ("module_minhu", t.minHalfU[i]),
                                                ("module_maxhu", t.maxHalfU[i]), ("module_hv", t.halfV[i]),
                                                ("pitch_u", t.pitchU[i]), ("pitch_v", t.pitchV[i])]
            for (field, value) in positive where !(value > 0 && value.isFinite) {
                throw bad(field, "\(value) must be a positive finite length")
            }
            let c = t.center(i)
            for (field, value) in [("cx", c.x), ("cy", c.y), ("cz", c.z)] where !value.isFinite {
                throw bad(field, "\(value) is not finite")
            }
            let deviation = t.rotation(i).orthonormalityDeviation
            // TrackML files print rotations with 6 significant digits: deviations of ~1e-6 are rounding.
            guard deviation <= 1e-4 else {
                throw DetectorError.nonOrthonormalRotation(file: source, line: line, id: t.id[i], deviation: deviation)
            }
        }
    }

    /// Groups the sorted modules into layers and measures them.
    private static func makeLayers(_ t: ModuleTable, material: (GeometryID, LayerKind) -> Double?) -> [Layer] {
        var layers: [Layer] = []
        var start = 0
        while start < t.count {
            let layerID = t.id[start].layerID
            var end = start + 1
            while end < t.count && t.id[end].layerID == layerID { end += 1 }
            var normalZ = 0.0, radius = 0.0, z = 0.0, thickness = 0.0
            var rMin = Double.infinity, rMax = -Double.infinity, zMin = Double.infinity, zMax = -Double.infinity
            for i in start ..< end {
                let m = t[i]
                normalZ += abs(m.rotation.w.z)
                radius += (m.center.x * m.center.x + m.center.y * m.center.y).squareRoot()
                z += m.center.z
                thickness += m.thickness
                for corner in m.localCorners {
                    let g = m.toGlobal(SIMD3(corner.x, corner.y, 0))
                    let r = (g.x * g.x + g.y * g.y).squareRoot()
                    rMin = min(rMin, r); rMax = max(rMax, r); zMin = min(zMin, g.z); zMax = max(zMax, g.z)
                }
            }
            let n = Double(end - start)
            // Disc modules face the beam (normal along z); barrel modules face outwards.
            let kind: LayerKind = normalZ / n > 0.5 ? .endcap : .barrel
            // A sensor-only estimate when the source gives no material: t/X0 of silicon.
            let x0 = material(layerID, kind) ?? thickness / n / siliconRadiationLength
            layers.append(Layer(id: layerID, kind: kind, position: kind == .barrel ? radius / n : z / n,
                                rMin: rMin, rMax: rMax, zMin: zMin, zMax: zMax,
                                modules: Int32(start) ..< Int32(end), materialX0: x0))
            start = end
        }
        return layers
    }

    /// Groups the sorted layers into volumes.
    private static func makeVolumes(_ layers: [Layer], name: (Int32) -> String?) -> [Volume] {
        var volumes: [Volume] = []
        var start = 0
        while start < layers.count {
            let id = layers[start].volume
            var end = start + 1
            while end < layers.count && layers[end].volume == id { end += 1 }
            let part = layers[start ..< end]
            volumes.append(Volume(id: id, name: name(id) ?? "volume \(id)", kind: layers[start].kind,
                                  layers: Int32(start) ..< Int32(end),
                                  rMin: part.map(\.rMin).min()!, rMax: part.map(\.rMax).max()!,
                                  zMin: part.map(\.zMin).min()!, zMax: part.map(\.zMax).max()!))
            start = end
        }
        return volumes
    }

    /// The index of the module with geometry id `id`, or `nil` when the detector has no such module
    /// (including layer ids and ids with bits outside the volume/layer/module fields).
    ///
    /// - Complexity: O(1): three table reads, no hashing.
    public func moduleIndex(of id: GeometryID) -> Int32? { index.index(of: id) }

    /// The index in ``layers`` of the layer holding `id` (a module or layer id), or `nil`.
    ///
    /// - Complexity: O(log layers).
    public func layerIndex(of id: GeometryID) -> Int32? {
        let key = id.layerID
        var lo = 0, hi = layers.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if layers[mid].id < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < layers.count && layers[lo].id == key ? Int32(lo) : nil
    }

    /// The index in ``volumes`` of volume number `id`, or `nil`.
    public func volumeIndex(of id: Int32) -> Int32? {
        volumes.firstIndex { $0.id == id }.map(Int32.init)
    }

    /// Global position (mm) → local (u, v, w) of module index `module`, mm.
    @inlinable public func globalToLocal(_ global: SIMD3<Double>, module: Int32) -> SIMD3<Double> {
        let i = Int(module)
        let d = global - modules.center(i)
        return SIMD3(modules.rotXU[i] * d.x + modules.rotYU[i] * d.y + modules.rotZU[i] * d.z,
                     modules.rotXV[i] * d.x + modules.rotYV[i] * d.y + modules.rotZV[i] * d.z,
                     modules.rotXW[i] * d.x + modules.rotYW[i] * d.y + modules.rotZW[i] * d.z)
    }

    /// Local (u, v, w) of module index `module` (mm) → global position, mm.
    @inlinable public func localToGlobal(_ local: SIMD3<Double>, module: Int32) -> SIMD3<Double> {
        let i = Int(module)
        return SIMD3(modules.centerX[i] + modules.rotXU[i] * local.x + modules.rotXV[i] * local.y + modules.rotXW[i] * local.z,
                     modules.centerY[i] + modules.rotYU[i] * local.x + modules.rotYV[i] * local.y + modules.rotYW[i] * local.z,
                     modules.centerZ[i] + modules.rotZU[i] * local.x + modules.rotZV[i] * local.y + modules.rotZW[i] * local.z)
    }

    /// Whether local (u, v) in mm lies on module index `module`, its outline (rectangle or trapezoid)
    /// grown outwards by `tolerance` mm. See ``Module/contains(u:v:tolerance:)``.
    @inlinable public func contains(u: Double, v: Double, module: Int32, tolerance: Double = 0) -> Bool {
        modules[Int(module)].contains(u: u, v: v, tolerance: tolerance)
    }
}

extension Detector {
    /// The same detector in another magnetic field (nothing else derives from the field).
    public func withField(_ field: FieldModel) -> Detector {
        var copy = self
        copy.field = field
        return copy
    }
}
