/// A compact detector description (the `detector.json` of a `Detectors/<name>/` folder) from which
/// the module-level geometry is generated. The format is documented field by field in
/// `Detectors/README.md`; lengths are in mm, angles in radians, fields in tesla.
public struct DetectorDescription: Sendable, Equatable {
    /// The format tag every description carries.
    public static let formatTag = "weft-detector/1"

    /// The detector's name.
    public var name: String
    /// The magnetic field.
    public var field: FieldModel
    /// The volumes in file order.
    public var volumes: [VolumeDescription]

    /// A description from its parts.
    public init(name: String, field: FieldModel, volumes: [VolumeDescription]) {
        self.name = name; self.field = field; self.volumes = volumes
    }

    /// Parses description text; `file` names the source in errors.
    ///
    /// - Throws: ``DetectorError/malformedDescription(file:line:field:reason:)``.
    public init(parsing text: [UInt8], file: String) throws {
        var o = try DescriptionObject(try JSONParser.parse(text, file: file), file: file, path: "")
        let format = try o.string("format")
        guard format == Self.formatTag else {
            throw o.error("format", line: o.line(of: "format"), "unsupported format '\(format)' (this Weft reads '\(Self.formatTag)')")
        }
        name = try o.string("name")
        field = try FieldModel(parsing: try o.object("field"))
        var volumes: [VolumeDescription] = []
        var firstLine: [Int32: Int] = [:]
        for v in try o.objects("volumes") {
            let volume = try VolumeDescription(parsing: v)
            for id in volume.volumeIDs {
                if let l = firstLine[id] {
                    throw DetectorError.malformedDescription(file: file, line: v.line, field: v.path,
                                                             reason: "volume id \(id) is already used by the volume on line \(l)")
                }
                firstLine[id] = v.line
            }
            volumes.append(volume)
        }
        self.volumes = volumes
        try o.finish()
    }
}
