import Detector
import EventData
import KalmanFinding
import Seeding
import Testing

@Suite("Bad input")
struct BadInputTests {
    static func derived() throws -> SeedingDerivedConfig { try SeedingDerivedConfig(config: SeedingConfig(), detector: Fixtures.trackml) }

    /// One hit on the centre of the first module of the pixel barrel, then `tweak` applied.
    static func hits(_ tweak: (inout Hits) -> Void = { _ in }) -> Hits {
        let d = Fixtures.trackml
        let layer = d.layers.first { $0.volume == 8 }!
        let m = Int(layer.modules.lowerBound)
        let c = d.modules.center(m)
        var h = Hits()
        h.append(hitID: 1, x: Float(c.x), y: Float(c.y), z: Float(c.z), geometryID: d.modules.id[m])
        tweak(&h)
        return h
    }

    @Test("An event without hits")
    func empty() throws {
        #expect(throws: SeedingError.emptyEvent) { try SpacePoints(hits: Hits(), detector: Fixtures.trackml, derived: try Self.derived()) }
        #expect(throws: KalmanFindingError.emptyEvent) { try Measurements(hits: Hits(), detector: Fixtures.trackml) }
    }

    @Test("NaN coordinates")
    func nan() throws {
        let bad = Self.hits { $0.y[0] = .nan }
        #expect(throws: SeedingError.nonFiniteHit(hitID: 1, row: 0, field: "y")) {
            try SpacePoints(hits: bad, detector: Fixtures.trackml, derived: try Self.derived())
        }
        #expect(throws: KalmanFindingError.nonFiniteHit(hitID: 1, row: 0, field: "y")) { try Measurements(hits: bad, detector: Fixtures.trackml) }
    }

    @Test("A module the detector does not have")
    func unknownModule() throws {
        let id = GeometryID(volume: 99, layer: 2, module: 1)
        let bad = Self.hits { $0.geometryID[0] = id }
        #expect(throws: SeedingError.unknownModule(hitID: 1, row: 0, geometryID: id)) {
            try SpacePoints(hits: bad, detector: Fixtures.trackml, derived: try Self.derived())
        }
        #expect(throws: KalmanFindingError.unknownModule(hitID: 1, row: 0, geometryID: id)) { try Measurements(hits: bad, detector: Fixtures.trackml) }
    }

    @Test("A hit outside its module (outside the detector)")
    func offModule() throws {
        let bad = Self.hits { $0.x[0] += 300 }
        #expect { try Measurements(hits: bad, detector: Fixtures.trackml) } throws: { error in
            if case KalmanFindingError.hitOffModule(hitID: 1, row: 0, geometryID: _, distance: let d) = error { return d > 5 }
            return false
        }
    }

    @Test("Seeds naming hits the event does not have")
    func seedOutOfRange() throws {
        let hits = Self.hits()
        let measurements = try Measurements(hits: hits, detector: Fixtures.trackml)
        var seeds = Seeds()
        seeds.append(bottom: 0, middle: 5, top: 6, quality: 0, curvature: 0, impact: 0, z0: 0, confirmations: 0)
        let filter = try CombinatorialKalmanFilter(options: CKFOptions(), detector: Fixtures.trackml, seeding: try Self.derived())
        #expect(throws: KalmanFindingError.seedOutOfRange(seed: 0, hit: 5, hitCount: 1)) {
            try filter.findTracks(seeds: seeds, hits: hits, measurements: measurements)
        }
    }
}
