#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A particle gun: a fixed number of particles of one species with pT and η drawn uniformly in
/// ranges and φ uniform, all from one vertex of the luminous region. Used for detector studies and
/// test beams (the `telescope` detector), alone or on top of pile-up.
public struct ParticleGun: Codable, Equatable, Sendable {
    /// Particles per event (default 1).
    public var count: Int
    /// Species (default pion).
    public var species: ParticleSpecies
    /// Charge in units of e; 0 draws ±1 at random (default 0).
    public var charge: Int32
    /// pT range in GeV (default [1, 10]). For a beam along z (|η| large) use ``momentumRange``.
    public var ptRange: [Double]
    /// η range (default [−2.5, 2.5]).
    public var etaRange: [Double]
    /// φ range in radians (default [−π, π]).
    public var phiRange: [Double]
    /// When set, the momentum magnitude range in GeV and the direction along +z within
    /// ``beamDivergence`` (the pT and η ranges are then ignored).
    public var momentumRange: [Double]?
    /// Gaussian angular spread in radians of the beam around +z when ``momentumRange`` is set (default 0).
    public var beamDivergence: Double

    /// A validated gun.
    ///
    /// - Throws: ``SimulationError/invalidConfiguration(_:)`` for a negative count, ranges that are not
    ///   two ordered finite numbers, a non-positive pT or momentum, or a charge outside −1…1.
    public init(count: Int = 1, species: ParticleSpecies = .pion, charge: Int32 = 0, ptRange: [Double] = [1, 10],
                etaRange: [Double] = [-2.5, 2.5], phiRange: [Double] = [-Double.pi, Double.pi],
                momentumRange: [Double]? = nil, beamDivergence: Double = 0) throws {
        func ordered(_ r: [Double]) -> Bool { r.count == 2 && r.allSatisfy(\.isFinite) && r[0] <= r[1] }
        guard count >= 0 else { throw SimulationError.invalidConfiguration("gun count must be ≥ 0") }
        guard ordered(ptRange), ptRange[0] > 0 else { throw SimulationError.invalidConfiguration("gun pt_range must be two ordered values > 0 GeV") }
        guard ordered(etaRange), ordered(phiRange) else { throw SimulationError.invalidConfiguration("gun eta_range and phi_range must be two ordered values") }
        if let m = momentumRange, !(ordered(m) && m[0] > 0) {
            throw SimulationError.invalidConfiguration("gun momentum_range must be two ordered values > 0 GeV")
        }
        guard beamDivergence >= 0 else { throw SimulationError.invalidConfiguration("gun beam_divergence must be ≥ 0") }
        guard (-1 ... 1).contains(charge), species != .photon || charge == 0 else {
            throw SimulationError.invalidConfiguration("gun charge must be −1, 0 (random sign) or 1")
        }
        self.count = count; self.species = species; self.charge = charge; self.ptRange = ptRange
        self.etaRange = etaRange; self.phiRange = phiRange; self.momentumRange = momentumRange
        self.beamDivergence = beamDivergence
    }

    enum CodingKeys: String, CodingKey {
        case count, species, charge, ptRange = "pt_range", etaRange = "eta_range", phiRange = "phi_range"
        case momentumRange = "momentum_range", beamDivergence = "beam_divergence"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = try ParticleGun()
        try self.init(count: c.decodeIfPresent(Int.self, forKey: .count) ?? d.count,
                      species: c.decodeIfPresent(ParticleSpecies.self, forKey: .species) ?? d.species,
                      charge: c.decodeIfPresent(Int32.self, forKey: .charge) ?? d.charge,
                      ptRange: c.decodeIfPresent([Double].self, forKey: .ptRange) ?? d.ptRange,
                      etaRange: c.decodeIfPresent([Double].self, forKey: .etaRange) ?? d.etaRange,
                      phiRange: c.decodeIfPresent([Double].self, forKey: .phiRange) ?? d.phiRange,
                      momentumRange: c.decodeIfPresent([Double].self, forKey: .momentumRange),
                      beamDivergence: c.decodeIfPresent(Double.self, forKey: .beamDivergence) ?? 0)
    }

    /// The momentum (GeV) and charge of one gun particle.
    func sample(_ rng: inout RandomStream) -> (momentum: SIMD3<Double>, charge: Int32) {
        let q: Int32 = species == .photon ? 0 : (charge != 0 ? charge : (rng.uniform() < 0.5 ? -1 : 1))
        if let m = momentumRange {
            let p = rng.uniform(m[0], m[1])
            let tx = beamDivergence * rng.normal(), ty = beamDivergence * rng.normal()
            let n = (1 + tx * tx + ty * ty).squareRoot()
            return (SIMD3(p * tx / n, p * ty / n, p / n), q)
        }
        let pt = rng.uniform(ptRange[0], ptRange[1])
        let eta = rng.uniform(etaRange[0], etaRange[1])
        let phi = rng.uniform(phiRange[0], phiRange[1])
        return (SIMD3(pt * cos(phi), pt * sin(phi), pt * sinh(eta)), q)
    }
}
