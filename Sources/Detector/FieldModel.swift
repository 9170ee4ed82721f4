/// The magnetic field of a detector.
///
/// Weft's tracking code asks the field model for the field at a point. The `trackml` detector uses
/// a uniform field; `solenoid` is the field of a finite coil, uniform in the centre and falling with
/// a radial component toward the end-caps, as the real TrackML field does.
public enum FieldModel: Sendable, Equatable, CustomStringConvertible {
    /// A uniform field along the global z axis of `bz` tesla.
    case uniform(bz: Double)
    /// The field of a finite ideal solenoid.
    case solenoid(SolenoidField)

    /// The field vector in tesla at a global `position` in mm.
    @inlinable public func field(at position: SIMD3<Double>) -> SIMD3<Double> {
        switch self {
        case .uniform(let bz): return SIMD3(0, 0, bz)
        case .solenoid(let coil): return coil.field(at: position)
        }
    }

    /// Whether the field is the same everywhere (so tracks are exact helices).
    public var isUniform: Bool {
        if case .uniform = self { return true }
        return false
    }

    /// The field component along z at the origin, in tesla: the value track seeding uses to turn
    /// curvature into transverse momentum.
    @inlinable public var nominalBz: Double {
        switch self {
        case .uniform(let bz): return bz
        case .solenoid(let coil): return coil.centralBz
        }
    }

    public var description: String {
        switch self {
        case .uniform(let bz): return "uniform Bz = \(bz) T"
        case .solenoid(let coil):
            return "solenoid Bz(0) = \(coil.centralBz) T, radius \(coil.radius) mm, half-length \(coil.halfLength) mm"
        }
    }

    /// The model names a description's `field.model` may hold.
    static let knownModels = ["uniform", "solenoid"]

    /// Reads a `field` object of a description.
    init(parsing o: DescriptionObject) throws {
        var o = o
        let model = try o.string("model")
        switch model {
        case "uniform":
            self = .uniform(bz: try o.double("bz", in: -100 ... 100, "[-100, 100] T"))
        case "solenoid":
            // Range checks here give file/line errors; the coil's own init cannot fail after them.
            self = .solenoid(try SolenoidField(centralBz: o.double("centralBz", in: -100 ... 100, "[-100, 100] T"),
                                               radius: o.double("radius", in: 1 ... 1e5, "[1, 1e5] mm"),
                                               halfLength: o.double("halfLength", in: 1 ... 1e5, "[1, 1e5] mm")))
        default:
            throw o.error("model", line: o.line(of: "model"),
                          "unknown field model '\(model)' (known: \(Self.knownModels.joined(separator: ", ")))")
        }
        try o.finish()
    }
}
