import EventData
import FileSupport

/// Errors building or loading a ``Detector``; each names the file, and for text input the line and
/// the field at fault.
public enum DetectorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name is neither an embedded detector nor an existing file or directory.
    case unknownDetector(name: String, known: [String])
    /// A description file is not valid JSON, lacks a field, has an unknown field, or holds a value of
    /// the wrong kind or outside its allowed range. `field` is the JSON path (`volumes[2].rings[0].radius`).
    case malformedDescription(file: String, line: Int, field: String, reason: String)
    /// A geometry table (`detectors.csv`) holds a value that cannot describe a module (NaN is caught
    /// earlier as a ``FileSupport/DataFileError``; this covers negative sizes, ids out of range …).
    /// `line` is 0 for modules that do not come from a file.
    case invalidModule(file: String, line: Int, field: String, reason: String)
    /// A module rotation is not a proper rotation: `deviation` is the largest element of |RᵀR − 1|
    /// (or `det R` is negative). `line` is 0 for modules that do not come from a file.
    case nonOrthonormalRotation(file: String, line: Int, id: GeometryID, deviation: Double)
    /// Two modules share one geometry id; `lines` are where they appear (0 when generated).
    case duplicateModule(file: String, id: GeometryID, lines: [Int])
    /// A description generates no module at all, or a geometry table has no rows.
    case noModules(file: String)
    /// A field model's parameters cannot describe a field.
    case invalidField(String)
    /// Reading a file failed (missing, unreadable, corrupt gzip, malformed CSV row …).
    case input(DataFileError)

    public var description: String {
        switch self {
        case let .unknownDetector(name, known):
            return "unknown detector '\(name)': not an embedded detector (known: \(known.joined(separator: ", "))) "
                + "nor an existing description directory, description .json file or detectors.csv[.gz] file"
        case let .malformedDescription(file, line, field, reason):
            let at = field.isEmpty ? "" : ", field '\(field)'"
            return "\(file): line \(line)\(at): \(reason)"
        case let .invalidModule(file, line, field, reason):
            return line > 0 ? "\(file): line \(line), column '\(field)': \(reason)" : "\(file): field '\(field)': \(reason)"
        case let .nonOrthonormalRotation(file, line, id, deviation):
            let at = line > 0 ? "line \(line), columns 'rot_xu'…'rot_zw'" : "module rotation"
            return "\(file): \(at): rotation of module \(id) is not orthonormal "
                + "(largest |RᵀR − 1| element \(deviation), or a reflection)"
        case let .duplicateModule(file, id, lines):
            let at = lines.filter { $0 > 0 }
            return at.isEmpty ? "\(file): module \(id) is generated twice"
                : "\(file): lines \(at.map(String.init).joined(separator: " and ")): duplicate module id \(id)"
        case let .noModules(file):
            return "\(file): describes no modules"
        case let .invalidField(reason):
            return "invalid field model: \(reason)"
        case let .input(error):
            return error.description
        }
    }
}
