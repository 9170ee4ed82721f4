import Testing
import Foundation
import Detector
import EventData
import EventIO
@testable import Simulation

@Suite struct DeterminismTests {
    /// The same seed gives the same event, bit for bit, whatever the thread count; another seed or
    /// another event number gives another event; written files are byte-identical.
    @Test func sameSeedGivesIdenticalEventsAndFiles() throws {
        let simulation = try FastSimulation(detector: Fixtures.trackml, config: SimulationConfig(generator: GeneratorConfig(pileup: 10)))
        let a = simulation.simulate(event: 3, seed: 42, threads: 1).event
        let b = simulation.simulate(event: 3, seed: 42, threads: 2).event
        let c = simulation.simulate(event: 3, seed: 42, threads: 5).event
        #expect(a == b)
        #expect(a == c)
        #expect(a.hits.count > 1000)
        #expect(simulation.simulate(event: 3, seed: 43, threads: 2).event != a)
        #expect(simulation.simulate(event: 4, seed: 42, threads: 2).event != a)

        let dir = NSTemporaryDirectory() + "weft-sim-determinism-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try TrackMLEventWriter.write(a, prefix: dir + "/one/event000000003", compressed: false)
        try TrackMLEventWriter.write(b, prefix: dir + "/two/event000000003", compressed: false)
        for part in ["hits", "cells", "particles", "truth"] {
            let x = try Data(contentsOf: URL(fileURLWithPath: dir + "/one/event000000003-\(part).csv"))
            let y = try Data(contentsOf: URL(fileURLWithPath: dir + "/two/event000000003-\(part).csv"))
            #expect(x == y, "\(part) files differ")
        }
    }
}
