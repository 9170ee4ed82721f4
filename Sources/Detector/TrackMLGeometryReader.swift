import EventData
import FileSupport

/// Reads a TrackML `detectors.csv` (plain or gzip) into a ``Detector``.
///
/// Columns are found by name, so the extra unnamed leading index column that pandas writes is
/// accepted as well as the original layout. The file carries no field and no material: the field
/// is that of the real TrackML events (``TrackMLRealConditions/field``), the material is the
/// measured real one where it differs from the embedded description
/// (``TrackMLRealConditions/materialX0(volume:)``, the strip end-caps), else taken from `reference`
/// (the embedded `trackml` description) for layers it knows; other layers get a sensor-only
/// estimate (see ``Detector/init(name:modules:field:layerMaterial:volumeNames:)``).
enum TrackMLGeometryReader {
    /// The columns a geometry file must have.
    static let columns = ["volume_id", "layer_id", "module_id", "cx", "cy", "cz",
                          "rot_xu", "rot_xv", "rot_xw", "rot_yu", "rot_yv", "rot_yw", "rot_zu", "rot_zv", "rot_zw",
                          "module_t", "module_minhu", "module_maxhu", "module_hv", "pitch_u", "pitch_v"]

    static func read(path: String, reference: Detector?) throws -> Detector {
        let csv: CSVTable
        do { csv = try CSVTable(path: path) } catch let e as DataFileError { throw DetectorError.input(e) }
        var table = ModuleTable()
        var lines: [Int] = []
        do {
            let c = try columns.map { try csv.column($0) }
            let rows = csv.rowCount
            table.reserveCapacity(rows)
            lines.reserveCapacity(rows)
            try csv.forEachRow { row in
                let volume = try row.int32(c[0]), layer = try row.int32(c[1]), module = try row.int32(c[2])
                for (k, value, limit) in [(0, volume, GeometryID.maxVolume), (1, layer, GeometryID.maxLayer),
                                          (2, module, GeometryID.maxModule)] where !(0 ... limit).contains(value) {
                    throw DetectorError.invalidModule(file: path, line: row.line, field: columns[k],
                                                      reason: "\(value) is outside 0…\(limit)")
                }
                var d = [Double](repeating: 0, count: 18)
                for k in 0 ..< 18 { d[k] = try row.double(c[k + 3]) }
                let rotation = Rotation3(u: SIMD3(d[3], d[6], d[9]), v: SIMD3(d[4], d[7], d[10]), w: SIMD3(d[5], d[8], d[11]))
                table.append(Module(id: GeometryID(volume: volume, layer: layer, module: module),
                                    center: SIMD3(d[0], d[1], d[2]), rotation: rotation, thickness: d[12],
                                    minHalfU: d[13], maxHalfU: d[14], halfV: d[15], pitchU: d[16], pitchV: d[17]))
                lines.append(row.line)
            }
        } catch let e as DataFileError {
            throw DetectorError.input(e)
        }
        let material: (GeometryID, LayerKind) -> Double? = { id, kind in
            guard let ref = reference, let k = ref.layerIndex(of: id) else { return nil }
            let layer = ref.layers[Int(k)]
            guard layer.id == id && layer.kind == kind else { return nil }
            return TrackMLRealConditions.materialX0(volume: id.volume) ?? layer.materialX0
        }
        let name: (Int32) -> String? = { id in reference?.volumeIndex(of: id).map { reference!.volumes[Int($0)].name } }
        return try Detector(name: path, source: path, modules: table, lines: lines,
                            field: TrackMLRealConditions.field, material: material, volumeName: name)
    }
}
