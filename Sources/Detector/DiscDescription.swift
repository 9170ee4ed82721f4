/// One end-cap disc (one per side of an end-cap pair).
public struct DiscDescription: Sendable, Equatable {
    /// Nominal distance of the disc from the interaction point, |z| in mm.
    public var z: Double
    /// The rings, innermost first by convention (their order is the ring index used in numbering).
    public var rings: [RingDescription]
    /// Material budget x/X0 at normal incidence (sensor and support).
    public var materialX0: Double

    /// A disc from its parameters (mm).
    public init(z: Double, rings: [RingDescription], materialX0: Double) {
        self.z = z; self.rings = rings; self.materialX0 = materialX0
    }
}
