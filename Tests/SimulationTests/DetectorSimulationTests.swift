#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import Detector
import EventData
@testable import Simulation

@Suite struct DetectorSimulationTests {
    /// The ITk-like layout loads (its own volume numbers, 5 + 4 barrel layers) and simulates: every
    /// volume gets hits, central high-pT particles cross at least 9 layers.
    @Test func itkLikeLoadsAndSimulates() throws {
        let detector = Fixtures.itk
        let barrelLayers = detector.layers.filter { $0.kind == .barrel }.map(\.position).sorted()
        #expect(barrelLayers.count == 9)
        for (r, expected) in zip(barrelLayers, [34.0, 99, 160, 228, 291, 405, 562, 762, 1000]) {
            #expect(abs(r - expected) < 3)
        }
        let simulation = try FastSimulation(detector: detector, config: Fixtures.noiselessConfig(pileup: 5, hardScatter: true))
        let event = simulation.simulate(event: 0, seed: 2, threads: 2).event
        let volumes = Set(event.hits.geometryID.map(\.volume))
        #expect(volumes == Set(detector.volumes.map(\.id)))
        // Every hit lies on its module, also on the strips whose pitch does not divide the sensor
        // (4 × 24.1 mm and 2 × 48.2 mm rows on 97.6 mm): the cut last row's hits sit on its part on
        // the sensor, not 11–23 mm beyond the edge.
        var offModule: [String] = []
        for i in 0 ..< event.hits.count {
            let m = try #require(detector.moduleIndex(of: event.hits.geometryID[i]))
            let local = detector.globalToLocal(SIMD3(Double(event.hits.x[i]), Double(event.hits.y[i]), Double(event.hits.z[i])), module: m)
            if abs(local.z) >= 1e-3 || !detector.contains(u: local.x, v: local.y, module: m, tolerance: 0.2) {
                offModule.append("hit \(i) on \(event.hits.geometryID[i]) at local \(local)")
            }
        }
        #expect(offModule.isEmpty, "\(offModule.count) hits off their module, e.g. \(offModule.prefix(3))")
        let ideal = try FastSimulation(detector: detector, config: Fixtures.idealConfig())
        for (k, eta) in [-3.5, -2.0, -0.5, 0.3, 1.2, 2.5, 3.8].enumerated() {
            let pion = Fixtures.particle(UInt64(k + 1), momentum: SIMD3(5 * cos(Double(k)), 5 * sin(Double(k)), 5 * sinh(eta)))
            let hits = ideal.simulate(particles: [pion], event: 0, seed: 1).event.hits
            let layers = Set(hits.geometryID.map(\.layerID))
            #expect(layers.count >= 9, "η = \(eta): \(hits.count) hits on \(layers.sorted().map(\.description))")
        }
    }

    /// The telescope loads and simulates its default events (pile-up through six small planes).
    @Test func telescopeLoadsAndSimulates() throws {
        let simulation = try FastSimulation(detector: Fixtures.telescope,
                                            config: SimulationConfig(generator: GeneratorConfig(pileup: 20)))
        let event = simulation.simulate(event: 0, seed: 1).event
        #expect(event.hits.count > 0)
        #expect(Set(event.hits.geometryID.map(\.volume)) == [1])
    }

    /// A μ = 20 TrackML event has the expected scale: 15–40 k hits (≈ 16 k of them noise), cells for
    /// every hit, truth for every hit, and particle `nhits` that add up to the particle hits.
    @Test func trackmlEventIsConsistent() throws {
        let simulation = try FastSimulation(detector: Fixtures.trackml, config: SimulationConfig(generator: GeneratorConfig(pileup: 20)))
        let event = simulation.simulate(event: 0, seed: 1, threads: 2).event
        let truth = try #require(event.truth), particles = try #require(event.particles), cells = try #require(event.cells)
        #expect(event.hits.count > 15_000 && event.hits.count < 40_000, "\(event.hits.count) hits")
        #expect(truth.count == event.hits.count)
        #expect(cells.cellsPerHit(hitCount: event.hits.count).allSatisfy { $0 > 0 })
        #expect(particles.nHits.reduce(0) { $0 + Int($1) } == event.hits.count - truth.noiseCount)
        #expect(Set(event.hits.hitID).count == event.hits.count)
        #expect(particles.particleType?.allSatisfy { [211, -211, 321, -321, 2212, -2212, 11, -11, 13, -13].contains($0) } == true)
        // Every hit lies on its module (within the sensor outline and on its plane).
        for i in stride(from: 0, to: event.hits.count, by: 7) {
            let m = try #require(Fixtures.trackml.moduleIndex(of: event.hits.geometryID[i]))
            let local = Fixtures.trackml.globalToLocal(SIMD3(Double(event.hits.x[i]), Double(event.hits.y[i]), Double(event.hits.z[i])), module: m)
            #expect(abs(local.z) < 1e-3)
            #expect(Fixtures.trackml.contains(u: local.x, v: local.y, module: m, tolerance: 0.2))
        }
    }
}
