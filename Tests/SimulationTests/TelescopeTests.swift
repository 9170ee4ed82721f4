import Testing
import Detector
import EventData
@testable import Simulation

@Suite struct TelescopeTests {
    /// 171 beam particles on a 1 mm grid, nearly parallel to the axis, through six planes, with no
    /// material effects, noise or inefficiency: exactly one hit per particle and plane, each within
    /// half a pixel of the particle's straight line.
    @Test func beamGivesExactlyTheExpectedHits() throws {
        let detector = Fixtures.telescope
        #expect(detector.layers.count == 6 && detector.modules.count == 6)
        let simulation = try FastSimulation(detector: detector, config: Fixtures.idealConfig())
        var particles: [GeneratedParticle] = []
        var n: UInt64 = 0
        for ix in -4 ... 4 {
            for iy in -9 ... 9 {
                n += 1
                let slope = SIMD2(Double(ix) * 1e-4, Double(iy) * 1e-4)
                particles.append(Fixtures.particle(n, vertex: SIMD3(Double(ix), Double(iy), 0),
                                                   momentum: SIMD3(slope.x * 120, slope.y * 120, 120)))
            }
        }
        let event = simulation.simulate(particles: particles, event: 0, seed: 1).event
        #expect(event.hits.count == 6 * particles.count)
        let truth = try #require(event.truth)
        let byID = Dictionary(uniqueKeysWithValues: particles.map { ($0.barcode.rawValue, $0) })
        var perParticle: [UInt64: Set<Int32>] = [:]
        for i in 0 ..< event.hits.count {
            let p = try #require(byID[truth.particleID[i]])
            let z = Double(event.hits.z[i])
            let t = (z - p.vertex.z) / p.momentum.z
            let x = p.vertex.x + p.momentum.x * t, y = p.vertex.y + p.momentum.y * t
            #expect(abs(Double(event.hits.x[i]) - x) <= 0.0092 + 1e-6)
            #expect(abs(Double(event.hits.y[i]) - y) <= 0.0092 + 1e-6)
            perParticle[truth.particleID[i], default: []].insert(event.hits.geometryID[i].layer)
        }
        #expect(perParticle.count == particles.count)
        #expect(perParticle.values.allSatisfy { $0 == [2, 4, 6, 8, 10, 12] })
        #expect(event.particles?.nHits.allSatisfy { $0 == 6 } == true)
    }

    /// A particle aimed outside the planes leaves nothing; one crossing half of them leaves three hits.
    @Test func acceptanceIsExact() throws {
        let simulation = try FastSimulation(detector: Fixtures.telescope, config: Fixtures.idealConfig())
        let outside = Fixtures.particle(1, vertex: SIMD3(20, 0, 0), momentum: SIMD3(0, 0, 5))
        // From x = −4 mm with slope 0.0148: x = +5.3 mm (the plane edge) is reached at z ≈ 628 mm,
        // after the planes at 100, 250, 400 and 550 mm.
        let leaving = Fixtures.particle(2, vertex: SIMD3(-4, 0, 0), momentum: SIMD3(0.074, 0, 5))
        let event = simulation.simulate(particles: [outside, leaving], event: 0, seed: 1).event
        #expect(event.hits.count == 4)
        #expect(event.particles?.nHits == [0, 4])
    }
}
