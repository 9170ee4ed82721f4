import Detector
import EventData
import Testing
import WeftTestSupport

/// Local ↔ global transforms and the module outline test.
@Suite struct TransformTests {
    @Test func localGlobalRoundTrip() throws {
        let d = try Fixtures.generated.get()
        var rng = SplitMix64(seed: 42)
        var worst = 0.0
        for _ in 0 ..< 20_000 {
            let m = Int32.random(in: 0 ..< Int32(d.modules.count), using: &rng)
            let local = SIMD3(Double.random(in: -50 ... 50, using: &rng), Double.random(in: -80 ... 80, using: &rng),
                              Double.random(in: -1 ... 1, using: &rng))
            let back = d.globalToLocal(d.localToGlobal(local, module: m), module: m)
            let diff = back - local
            worst = max(worst, (diff * diff).sum().squareRoot())
        }
        #expect(worst < 1e-9, "worst round-trip error \(worst) mm")
    }

    @Test func centreMapsToOrigin() throws {
        let d = try Fixtures.real.get()
        for i in stride(from: 0, to: d.modules.count, by: 97) {
            let local = d.globalToLocal(d.modules.center(i), module: Int32(i))
            #expect((local * local).sum() < 1e-20)
            let m = d.modules[i]
            let diff = m.toGlobal(SIMD3(1, 2, 3)) - d.localToGlobal(SIMD3(1, 2, 3), module: Int32(i))
            #expect((diff * diff).sum() < 1e-20)
        }
    }

    @Test func trapezoidOutline() {
        let m = Module(id: GeometryID(volume: 14, layer: 2, module: 1), center: SIMD3(0, 318, 1220),
                       rotation: Rotation3(u: SIMD3(1, 0, 0), v: SIMD3(0, 1, 0), w: SIMD3(0, 0, 1)),
                       thickness: 0.25, minHalfU: 16.4, maxHalfU: 24.2, halfV: 78, pitchU: 0.08, pitchV: 1.2)
        // Half width at v is 16.4 + 7.8·(v + 78)/156.
        #expect(m.contains(u: 16.3, v: -78))
        #expect(!m.contains(u: 16.5, v: -78))
        #expect(m.contains(u: 24.1, v: 78))
        #expect(m.contains(u: -20.2, v: 0))
        #expect(!m.contains(u: 20.4, v: 0))
        #expect(!m.contains(u: 0, v: 78.01))
        #expect(m.contains(u: 0, v: 78.05, tolerance: 0.1))
        // 0.1 mm outside a slanted side is inside with a 0.1 mm tolerance, 0.2 mm is not.
        let slope = 7.8 / 156, grow = (1 + slope * slope).squareRoot()
        #expect(m.contains(u: 20.3 + 0.099 * grow, v: 0, tolerance: 0.1))
        #expect(!m.contains(u: 20.3 + 0.2 * grow, v: 0, tolerance: 0.1))
    }

    @Test func rotationsAreOrthonormal() throws {
        for d in [try Fixtures.real.get(), try Fixtures.generated.get()] {
            let worst = (0 ..< d.modules.count).map { d.modules.rotation($0).orthonormalityDeviation }.max()!
            #expect(worst < 1e-5)
        }
    }
}
