#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A particle at its production point, before simulation through the detector.
public struct GeneratedParticle: Equatable, Sendable {
    /// The particle identifier.
    public var barcode: ParticleBarcode
    /// The species.
    public var species: ParticleSpecies
    /// Charge in units of e.
    public var charge: Int32
    /// Production vertex (x, y, z) in mm.
    public var vertex: SIMD3<Double>
    /// Momentum (px, py, pz) at production in GeV.
    public var momentum: SIMD3<Double>

    public init(barcode: ParticleBarcode, species: ParticleSpecies, charge: Int32,
                vertex: SIMD3<Double>, momentum: SIMD3<Double>) {
        self.barcode = barcode; self.species = species; self.charge = charge
        self.vertex = vertex; self.momentum = momentum
    }

    /// Transverse momentum in GeV.
    @inlinable public var pT: Double { (momentum.x * momentum.x + momentum.y * momentum.y).squareRoot() }
    /// Momentum magnitude in GeV.
    @inlinable public var p: Double { (momentum * momentum).sum().squareRoot() }
    /// Pseudorapidity (±∞ along the beam).
    public var eta: Double { asinh(momentum.z / pT) }
    /// The PDG code.
    public var pdgCode: Int32 { species.pdgCode(charge: charge) }
}
