import Detector
import EventData
import Evaluation
import Simulation

/// Simulated events ready for reconstruction and evaluation: the fast simulation plus the TrackML
/// truth weights (which `Simulation` cannot compute: they belong to `Evaluation`, a higher layer).
public struct EventSimulation: Sendable {
    /// The simulation (detector and configuration).
    public let simulation: FastSimulation

    /// Prepares the simulation of `detector` with `config`.
    ///
    /// - Throws: ``Simulation/SimulationError`` for an invalid configuration.
    public init(detector: Detector, config: SimulationConfig) throws {
        simulation = try FastSimulation(detector: detector, config: config)
    }

    /// Event number `index` of the run with `seed`, with TrackML weights in its truth.
    ///
    /// The event depends only on `seed` and `index`, not on `threads`.
    public func event(_ index: UInt64, seed: UInt64, threads: Int) throws -> Event {
        var event = simulation.simulate(event: index, seed: seed, threads: threads).event
        try Self.applyTrackMLWeights(&event)
        return event
    }

    /// Fills the truth weights with the TrackML weights (DESIGN §4, computed by `Evaluation`), with
    /// the rule of the real TrackML files that hits of secondary particles (created by a material
    /// interaction; non-primary barcodes) weigh 0; the weights are normalised to sum 1.
    public static func applyTrackMLWeights(_ event: inout Event) throws {
        guard var truth = event.truth else { return }
        var weights = TrackMLWeights.rawWeights(truth: try TruthIndex(event: event))
        for i in weights.indices where truth.particleID[i] == 0 || !ParticleBarcode(rawValue: truth.particleID[i]).isPrimary {
            weights[i] = 0
        }
        let sum = weights.reduce(0, +)
        for i in weights.indices { truth.weight[i] = sum > 0 ? Float(weights[i] / sum) : 0 }
        event.truth = truth
    }

    /// The TrackML file prefix of event `index` (`event000000042`).
    public static func filePrefix(_ index: UInt64) -> String {
        let digits = String(index)
        return "event" + String(repeating: "0", count: max(0, 9 - digits.count)) + digits
    }
}
