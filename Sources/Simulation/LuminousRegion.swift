/// The luminous region: where the proton–proton interactions of a bunch crossing happen.
///
/// Interaction vertices are Gaussian in x, y and z around ``centre``.
public struct LuminousRegion: Codable, Equatable, Sendable {
    /// Transverse width σ(x) = σ(y) in mm (default 0.015: the real TrackML vertices spread by
    /// 13–17 µm in x and y).
    public var sigmaTransverse: Double
    /// Longitudinal width σ(z) in mm (default 55, DESIGN §5 and the vertices of the real event
    /// 000000001; the real events 1000 and 1001 have σ(z) ≈ 5.5 mm).
    public var sigmaZ: Double
    /// Centre (x, y, z) of the region in mm (default the origin).
    public var centre: [Double]

    /// A validated region.
    ///
    /// - Throws: ``SimulationError/invalidConfiguration(_:)`` for negative or non-finite widths or a
    ///   centre that is not three finite numbers.
    public init(sigmaTransverse: Double = 0.015, sigmaZ: Double = 55, centre: [Double] = [0, 0, 0]) throws {
        guard sigmaTransverse >= 0, sigmaTransverse.isFinite, sigmaZ >= 0, sigmaZ.isFinite else {
            throw SimulationError.invalidConfiguration("luminous-region widths must be finite and ≥ 0 mm")
        }
        guard centre.count == 3, centre.allSatisfy(\.isFinite) else {
            throw SimulationError.invalidConfiguration("luminous-region centre must be three finite numbers (mm)")
        }
        self.sigmaTransverse = sigmaTransverse; self.sigmaZ = sigmaZ; self.centre = centre
    }

    enum CodingKeys: String, CodingKey { case sigmaTransverse = "sigma_xy", sigmaZ = "sigma_z", centre }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(sigmaTransverse: c.decodeIfPresent(Double.self, forKey: .sigmaTransverse) ?? 0.015,
                      sigmaZ: c.decodeIfPresent(Double.self, forKey: .sigmaZ) ?? 55,
                      centre: c.decodeIfPresent([Double].self, forKey: .centre) ?? [0, 0, 0])
    }

    /// A vertex position in mm.
    public func sample(_ rng: inout RandomStream) -> SIMD3<Double> {
        SIMD3(centre[0] + sigmaTransverse * rng.normal(),
              centre[1] + sigmaTransverse * rng.normal(),
              centre[2] + sigmaZ * rng.normal())
    }
}
