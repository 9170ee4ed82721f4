/// Bound track parameters on a module plane and their covariance (the GeometryShim convention).
///
/// Parameters, in order: local u (mm), local v (mm), global azimuth φ of the direction (rad),
/// polar angle θ (rad), charge over momentum q/p (e/GeV). The covariance is 5 × 5, row-major, in the
/// same units.
public struct BoundTrackState: Sendable, Equatable {
    /// Module index (in the detector's module table) of the plane.
    public var module: Int32
    /// The five bound parameters.
    public var parameters: [Double]
    /// The 5 × 5 covariance, row-major (25 values).
    public var covariance: [Double]

    /// A state from its parts.
    ///
    /// - Precondition: 5 parameters and 25 covariance entries.
    public init(module: Int32, parameters: [Double], covariance: [Double]) {
        precondition(parameters.count == 5 && covariance.count == 25, "bound state needs 5 parameters and 25 covariance entries")
        self.module = module; self.parameters = parameters; self.covariance = covariance
    }
}
