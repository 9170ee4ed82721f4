import Detector
import EventData
@testable import Simulation

/// Detectors and configurations shared by the simulation tests (loaded once).
enum Fixtures {
    static let trackml: Detector = try! Detector.load("trackml")
    static let telescope: Detector = try! Detector.load("telescope")
    static let itk: Detector = try! Detector.load("itk-like")

    /// No material effects, no thresholds, no inefficiency, no noise: every crossing is one hit.
    static func idealConfig(pileup: Double = 0, hardScatter: Bool = false) throws -> SimulationConfig {
        try SimulationConfig(generator: GeneratorConfig(pileup: pileup, hardScatter: hardScatter),
                             physics: .noInteractions, digitization: .uniform(.ideal))
    }

    /// The TrackML defaults without noise (so that hit counts follow the particles only).
    static func noiselessConfig(pileup: Double, hardScatter: Bool = false) throws -> SimulationConfig {
        var table = DigitizationTable.trackMLDefaults
        for keyPath in [\DigitizationTable.pixelBarrel, \.pixelEndcap, \.stripBarrel, \.stripEndcap,
                        \.longStripBarrel, \.longStripEndcap] {
            table[keyPath: keyPath].noisePerModule = 0
        }
        return try SimulationConfig(generator: GeneratorConfig(pileup: pileup, hardScatter: hardScatter), digitization: table)
    }

    /// A primary particle with the given momentum (GeV) from `vertex` (mm).
    static func particle(_ number: UInt64, species: ParticleSpecies = .pion, charge: Int32 = 1,
                         vertex: SIMD3<Double> = .zero, momentum: SIMD3<Double>) -> GeneratedParticle {
        GeneratedParticle(barcode: ParticleBarcode(vertex: 1, particle: number), species: species, charge: charge,
                          vertex: vertex, momentum: momentum)
    }
}
