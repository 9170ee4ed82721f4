/// How the combinatorial Kalman filter carries a track state and its covariance from one module to
/// the next.
public enum PropagationStepper: String, Codable, Sendable, CaseIterable {
    /// The analytic helix when the detector's field is uniform, Runge–Kutta otherwise (the default).
    case automatic = "auto"
    /// The analytic helix: exact crossing and transport Jacobian in a uniform field, several times
    /// cheaper than the Runge–Kutta steps. Refused for a detector whose field is not uniform.
    case helix
    /// Adaptive Runge–Kutta–Nyström in the detector's field, to ``CKFOptions/propagationTolerance``.
    case rungeKutta = "runge_kutta"
}
