/// Everything the fast simulation needs besides the detector (which brings the geometry, material
/// and field): generator, physics and digitisation.
///
/// Load it from JSON (snake_case keys, every field optional with the documented default) or build it
/// in code; every nested value is validated when it is created.
public struct SimulationConfig: Codable, Equatable, Sendable {
    /// The event generator.
    public var generator: GeneratorConfig
    /// Material effects and stopping rules.
    public var physics: PhysicsConfig
    /// Cells, clusters, inefficiency and noise.
    public var digitization: DigitizationTable

    /// A configuration from its parts (defaults: TrackML-like μ = 200 events).
    public init(generator: GeneratorConfig? = nil, physics: PhysicsConfig? = nil,
                digitization: DigitizationTable = .trackMLDefaults) throws {
        self.generator = try generator ?? GeneratorConfig()
        self.physics = try physics ?? PhysicsConfig()
        self.digitization = digitization
    }

    enum CodingKeys: String, CodingKey { case generator, physics, digitization }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(generator: c.decodeIfPresent(GeneratorConfig.self, forKey: .generator),
                      physics: c.decodeIfPresent(PhysicsConfig.self, forKey: .physics),
                      digitization: c.decodeIfPresent(DigitizationTable.self, forKey: .digitization) ?? .trackMLDefaults)
    }
}
