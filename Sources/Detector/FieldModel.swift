/// The magnetic field of a detector.
///
/// Weft's tracking code asks the field model for the field at a point; the `trackml` detector uses
/// a uniform solenoid field. Further models (a finite-solenoid map) are added as new cases.
public enum FieldModel: Sendable, Equatable, CustomStringConvertible {
    /// A uniform field along the global z axis of `bz` tesla.
    case uniform(bz: Double)

    /// The field vector in tesla at a global `position` in mm.
    @inlinable public func field(at position: SIMD3<Double>) -> SIMD3<Double> {
        switch self {
        case .uniform(let bz): return SIMD3(0, 0, bz)
        }
    }

    /// The field component along z at the origin, in tesla: the value track seeding uses to turn
    /// curvature into transverse momentum.
    @inlinable public var nominalBz: Double {
        switch self {
        case .uniform(let bz): return bz
        }
    }

    public var description: String {
        switch self {
        case .uniform(let bz): return "uniform Bz = \(bz) T"
        }
    }

    /// The model names a description's `field.model` may hold.
    static let knownModels = ["uniform"]

    /// Reads a `field` object of a description.
    init(parsing o: DescriptionObject) throws {
        var o = o
        let model = try o.string("model")
        switch model {
        case "uniform":
            self = .uniform(bz: try o.double("bz", in: -100 ... 100, "[-100, 100] T"))
        default:
            throw o.error("model", line: o.line(of: "model"),
                          "unknown field model '\(model)' (known: \(Self.knownModels.joined(separator: ", ")))")
        }
        try o.finish()
    }
}
