import Detector
import EventData
import Testing

/// The real geometry file gets the field and the strip end-cap material of the real events; the
/// embedded description keeps its own (the simulation uses it).
@Suite("Real TrackML conditions")
struct TrackMLRealConditionsTests {
    @Test("detectors.csv: fitted solenoid field; strip end-cap discs 0.23 and 0.12 X0, the rest as the description")
    func realGeometryConditions() throws {
        let real = try Fixtures.real.get(), generated = try Fixtures.generated.get()
        #expect(real.field == TrackMLRealConditions.field)
        #expect(generated.field == .uniform(bz: 2.0))
        #expect(real.layers.count == generated.layers.count)
        for (r, g) in zip(real.layers, generated.layers) {
            #expect(r.id == g.id)
            switch r.volume {
            case 12, 14: #expect(r.materialX0 == 0.23)
            case 16, 18: #expect(r.materialX0 == 0.12)
            default: #expect(r.materialX0 == g.materialX0, "layer \(r.id)")
            }
        }
    }

    @Test("The real field: 2 T in the centre, falling toward the end-caps with a radial component")
    func fieldShape() throws {
        let f = TrackMLRealConditions.field
        #expect(abs(f.nominalBz - 1.992) < 1e-9)
        let centre = f.field(at: SIMD3(300, 0, 0))
        #expect(abs(centre.z - 1.99) < 0.01 && abs(centre.x) < 1e-6)
        // Near the end of the coil (half-length 2584 mm) Bz has fallen to about 70 % and the field
        // lines open outwards: B_r > 0 at z > 0 and < 0 at z < 0.
        let forward = f.field(at: SIMD3(300, 0, 2100)), backward = f.field(at: SIMD3(300, 0, -2100))
        #expect(forward.z > 1.3 && forward.z < 1.7, "Bz at z = 2100 mm: \(forward.z)")
        #expect(forward.x > 0.05 && backward.x < -0.05)
    }
}
