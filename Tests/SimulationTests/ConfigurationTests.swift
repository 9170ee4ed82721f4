import Testing
import Foundation
import Detector
@testable import Simulation

@Suite struct ConfigurationTests {
    @Test func invalidValuesAreRejected() {
        #expect(throws: SimulationError.self) { try GeneratorConfig(pileup: -1) }
        #expect(throws: SimulationError.self) { try GeneratorConfig(pileup: .nan) }
        #expect(throws: SimulationError.self) { try GeneratorConfig(pileup: 5000) }
        #expect(throws: SimulationError.self) { try GeneratorConfig(ptMin: 0) }
        #expect(throws: SimulationError.self) { try LuminousRegion(sigmaTransverse: -1) }
        #expect(throws: SimulationError.self) { try MinimumBiasModel(kaonFraction: 0.7, protonFraction: 0.5) }
        #expect(throws: SimulationError.self) { try DigitizationConfig(inefficiency: 1.5) }
        #expect(throws: SimulationError.self) { try PhysicsConfig(loopTurns: 0) }
        #expect(throws: SimulationError.self) { try ParticleGun(ptRange: [5, 1]) }
        #expect(throws: DetectorError.self) { try SolenoidField(centralBz: 2, radius: 0, halfLength: 1) }
        #expect(throws: SimulationError.self) { try TransverseMomentumSpectrum(scale: 1, power: 1.5, minimum: 0.1, maximum: 10) }
    }

    /// JSON configurations take defaults for missing fields and are validated on decoding.
    @Test func jsonConfigurationsDecodeAndValidate() throws {
        let json = #"{"generator": {"pileup": 60, "luminous_region": {"sigma_z": 5.5}}, "physics": {"loop_turns": 3}}"#
        let config = try JSONDecoder().decode(SimulationConfig.self, from: Data(json.utf8))
        #expect(config.generator.pileup == 60)
        #expect(config.generator.luminousRegion.sigmaZ == 5.5 && config.generator.luminousRegion.sigmaTransverse == 0.015)
        #expect(config.physics.loopTurns == 3 && config.physics.multipleScattering)
        #expect(config.digitization == .trackMLDefaults)
        let bad = #"{"generator": {"pileup": -3}}"#
        #expect(throws: SimulationError.self) { try JSONDecoder().decode(SimulationConfig.self, from: Data(bad.utf8)) }
        let roundTrip = try JSONDecoder().decode(SimulationConfig.self, from: JSONEncoder().encode(config))
        #expect(roundTrip == config)
    }

    @Test func unknownAndMalformedDetectorsAreReported() throws {
        #expect(throws: DetectorError.self) { try Detector.load("no-such-detector") }
        let dir = NSTemporaryDirectory() + "weft-sim-bad-detector-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = #"{"format": "weft-detector/1", "name": "bad", "field": {"model": "uniform", "bz": 2}, "volumes": [{"kind": "barrel", "id": 1}]}"#
        try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/detector.json"))
        #expect(throws: DetectorError.self) { try Detector.load(dir) }
    }
}
