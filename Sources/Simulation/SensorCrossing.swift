/// One crossing of a sensor by a charged particle, before digitisation.
public struct SensorCrossing: Sendable, Equatable {
    /// Module index in the detector.
    public var module: Int32
    /// Row of the particle in the event's particle table.
    public var particle: Int32
    /// Where the trajectory crosses the sensor's mid-plane, global, mm.
    public var position: SIMD3<Double>
    /// Momentum at the crossing (before this sensor's material effects), GeV.
    public var momentum: SIMD3<Double>
    /// Local (u, v) of the mid-plane crossing, mm.
    public var local: SIMD2<Double>
    /// Unit direction of flight in local (u, v, w) components.
    public var localDirection: SIMD3<Double>
}
