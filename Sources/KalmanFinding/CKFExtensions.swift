/// The behaviour of the combinatorial Kalman filter that a user may swap (ACTS's CKF extensions):
/// the measurement selector, the branch stopper, the Kalman updater and the material model.
public struct CKFExtensions: Sendable {
    /// Which hits of a module update a branch.
    public var selector: MeasurementSelector
    /// When a branch ends.
    public var stopper: BranchStopper
    /// The Kalman arithmetic.
    public var updater: KalmanUpdater
    /// Material effects per crossed layer, or nil to neglect material.
    public var material: MaterialInteraction?

    /// The extensions that `options` configure.
    public init(options: CKFOptions) {
        selector = MeasurementSelector(options: options)
        stopper = BranchStopper(options: options)
        updater = KalmanUpdater()
        material = options.materialEffects ? MaterialInteraction(mass: options.mass) : nil
    }
}
