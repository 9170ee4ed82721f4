/// Everything the fast simulation needs besides the detector: generator, physics, digitisation and
/// an optional field map.
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
    /// When set, particles are propagated by Runge–Kutta through this finite-solenoid field instead of
    /// the detector's own field (default nil: the detector's field).
    public var solenoid: SolenoidField?

    /// A configuration from its parts (defaults: TrackML-like μ = 200 events).
    public init(generator: GeneratorConfig? = nil, physics: PhysicsConfig? = nil,
                digitization: DigitizationTable = .trackMLDefaults, solenoid: SolenoidField? = nil) throws {
        self.generator = try generator ?? GeneratorConfig()
        self.physics = try physics ?? PhysicsConfig()
        self.digitization = digitization
        self.solenoid = solenoid
    }

    enum CodingKeys: String, CodingKey { case generator, physics, digitization, solenoid }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(generator: c.decodeIfPresent(GeneratorConfig.self, forKey: .generator),
                      physics: c.decodeIfPresent(PhysicsConfig.self, forKey: .physics),
                      digitization: c.decodeIfPresent(DigitizationTable.self, forKey: .digitization) ?? .trackMLDefaults,
                      solenoid: c.decodeIfPresent(SolenoidField.self, forKey: .solenoid))
    }
}
