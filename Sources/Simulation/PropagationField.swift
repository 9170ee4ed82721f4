import Detector

/// The magnetic field the propagation uses: a uniform solenoid field along z (analytic helices) or
/// any other field (Runge–Kutta through the shim, with a locally uniform helix inside one layer).
enum PropagationField: Sendable {
    /// B = (0, 0, bz) everywhere, T.
    case uniform(bz: Double)
    /// A general field, evaluated by the box.
    case map(FieldBox)

    /// The field in T at a global position in mm.
    @inline(__always) func field(at p: SIMD3<Double>) -> SIMD3<Double> {
        switch self {
        case .uniform(let bz): return SIMD3(0, 0, bz)
        case .map(let box): return box.evaluate(p)
        }
    }

    /// The field of a detector.
    static func make(detector: Detector) -> PropagationField {
        if case .uniform(let bz) = detector.field { return .uniform(bz: bz) }
        let model = detector.field
        return .map(FieldBox { model.field(at: $0) })
    }
}
