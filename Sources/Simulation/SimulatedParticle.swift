/// A charged particle of the simulated event: what the TrackML particles file records.
public struct SimulatedParticle: Sendable, Equatable {
    /// Identifier (TrackML `particle_id`).
    public var barcode: ParticleBarcode
    /// Species.
    public var species: ParticleSpecies
    /// Charge in units of e.
    public var charge: Int32
    /// Production vertex, mm.
    public var vertex: SIMD3<Double>
    /// Momentum at production, GeV.
    public var momentum: SIMD3<Double>

    /// The PDG code.
    public var pdgCode: Int32 { species.pdgCode(charge: charge) }
}
