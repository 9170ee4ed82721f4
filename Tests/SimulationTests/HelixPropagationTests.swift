#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import Detector
import EventData
import GeometryShim
@testable import Simulation

@Suite struct HelixPropagationTests {
    /// Without material effects, every sensor crossing of a particle lies on its analytic helix from
    /// the production vertex within 1 µm. The reference helix is the shim's own (its plane crossing is
    /// an independent implementation: turning-point bracketing and Newton iteration in C++).
    @Test func crossingsLieOnTheAnalyticHelix() throws {
        let detector = Fixtures.trackml
        let simulation = try FastSimulation(detector: detector, config: Fixtures.idealConfig())
        var rng = RandomStream(seed: 21)
        var particles: [GeneratedParticle] = []
        for k in 1 ... 60 {
            let pt = rng.uniform(1, 20), eta = rng.uniform(-3, 3), phi = rng.uniform(-Double.pi, Double.pi)
            particles.append(Fixtures.particle(UInt64(k), charge: k % 2 == 0 ? 1 : -1,
                                               vertex: SIMD3(rng.normal() * 0.015, rng.normal() * 0.015, rng.normal() * 50),
                                               momentum: SIMD3(pt * cos(phi), pt * sin(phi), pt * sinh(eta))))
        }
        let event = simulation.simulate(particles: particles, event: 0, seed: 1).event
        let truth = try #require(event.truth)
        let byID = Dictionary(uniqueKeysWithValues: particles.map { ($0.barcode.rawValue, $0) })
        var checked = 0, worst = 0.0
        for i in 0 ..< event.hits.count {
            let p = try #require(byID[truth.particleID[i]])
            let m = Int(try #require(detector.moduleIndex(of: event.hits.geometryID[i])))
            let centre = detector.modules.center(m), w = detector.modules.rotation(m).w
            var pos = [p.vertex.x, p.vertex.y, p.vertex.z], mom = [p.momentum.x, p.momentum.y, p.momentum.z]
            var point = [centre.x, centre.y, centre.z], normal = [w.x, w.y, w.z]
            var out = [0.0, 0.0, 0.0], dir = [0.0, 0.0, 0.0], s = 0.0
            let status = weft_shim_helix_plane(&pos, &mom, Double(p.charge), 2.0, &point, &normal, 1e-6, 1e5, &out, &dir, &s)
            #expect(status == WEFT_SHIM_OK)
            let t = SIMD3(Double(truth.tx[i]), Double(truth.ty[i]), Double(truth.tz[i]))
            let d = ((t - SIMD3(out[0], out[1], out[2])) * (t - SIMD3(out[0], out[1], out[2]))).sum().squareRoot()
            worst = max(worst, d)
            checked += 1
        }
        #expect(checked > 500)
        // Truth is stored in single precision: 1e-3 mm is 17 ulp at r = 1 m.
        #expect(worst < 1e-3, "largest distance from the helix: \(worst * 1000) µm")
    }

    /// Each crossing is reported at most once and in flight order: the path along the helix grows.
    @Test func barrelParticleCrossesEveryLayer() throws {
        let simulation = try FastSimulation(detector: Fixtures.trackml, config: Fixtures.idealConfig())
        let pion = Fixtures.particle(1, momentum: SIMD3(10 * cos(0.3), 10 * sin(0.3), 1))
        let result = simulation.simulate(particles: [pion], event: 0, seed: 1)
        // 4 pixel + 4 short-strip + 2 long-strip layers, each at least once.
        var layers = Set<GeometryID>()
        for g in result.event.hits.geometryID { layers.insert(g.layerID) }
        #expect(layers.count == 10)
        #expect(result.event.hits.count >= 10 && result.event.hits.count <= 16)
    }

    /// Runge–Kutta through a field map that is uniform in practice (a solenoid far larger than the
    /// detector) reproduces the analytic helices within 5 µm.
    @Test func rungeKuttaInANearlyUniformMapMatchesTheHelix() throws {
        let wide = try SolenoidField(centralBz: 2.0, radius: 1e6, halfLength: 1e7)
        let helix = try FastSimulation(detector: Fixtures.trackml, config: Fixtures.idealConfig())
        let map = try FastSimulation(detector: Fixtures.trackml.withField(.solenoid(wide)), config: Fixtures.idealConfig())
        var rng = RandomStream(seed: 4)
        var particles: [GeneratedParticle] = []
        for k in 1 ... 8 {
            let pt = rng.uniform(0.8, 10), eta = rng.uniform(-2.5, 2.5), phi = rng.uniform(-Double.pi, Double.pi)
            particles.append(Fixtures.particle(UInt64(k), charge: k % 2 == 0 ? 1 : -1,
                                               momentum: SIMD3(pt * cos(phi), pt * sin(phi), pt * sinh(eta))))
        }
        let a = helix.simulate(particles: particles, event: 0, seed: 1).event
        let b = map.simulate(particles: particles, event: 0, seed: 1).event
        #expect(a.hits.count == b.hits.count)
        guard a.hits.count == b.hits.count, let ta = a.truth, let tb = b.truth else { return }
        var worst = 0.0
        for i in 0 ..< a.hits.count {
            #expect(a.hits.geometryID[i] == b.hits.geometryID[i])
            let d = SIMD3(Double(ta.tx[i] - tb.tx[i]), Double(ta.ty[i] - tb.ty[i]), Double(ta.tz[i] - tb.tz[i]))
            worst = max(worst, (d * d).sum().squareRoot())
        }
        #expect(worst < 5e-3, "largest helix–RK difference \(worst * 1000) µm")
    }
}
