#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How well two chained doublets a → b → c continue each other: the quantities the module map's
/// triplet windows cut on.
public struct TripletGeometry: Equatable, Sendable {
    /// φ-slope of b → c minus φ-slope of a → b, rad/mm: ≈ 0 on a helix from the beam line, whose
    /// φ-slope ≈ 1/(2R) is constant (up to multiple scattering and resolution).
    public var dSlope: Float
    /// Polar angle atan2(Δr, Δz) of b → c minus that of a → b, rad: ≈ 0 on a helix (straight in r–z).
    public var dTheta: Float

    /// The relation of doublets `first` (a → b) and `second` (b → c).
    @inline(__always) public init(_ first: DoubletGeometry, _ second: DoubletGeometry) {
        dSlope = second.phiSlope - first.phiSlope
        dTheta = atan2f(second.dr, second.dz) - atan2f(first.dr, first.dz)
    }

    /// Both quantities, in ``ModuleMap`` triplet-window order.
    @inline(__always) public var windowed: SIMD2<Float> { SIMD2(dSlope, dTheta) }
}
