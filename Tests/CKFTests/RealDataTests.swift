import Detector
import EventData
import EventIO
import Evaluation
import KalmanFinding
import Seeding
import Foundation
import Testing

@Suite("Real TrackML events", .enabled(if: Fixtures.hasRealData))
struct RealDataTests {
    static let geometry: Detector = try! Detector.load(Fixtures.dataDirectory + "/detectors.csv.gz")

    @Test("Barrel subset of event 1000, shipped cut set: TrackML score ≥ 0.90, no duplicates")
    func barrelSubset() throws {
        let event = try TrackMLEventReader.read(prefix: Fixtures.dataDirectory + "/barrel-ez-0.1/event000001000",
                                                parts: [.particles, .truth], required: [.truth])
        // This subset keeps barrel hits only and removed the second hit of every module overlap.
        // No hole is counted on the volumes without hits (not read out) nor on an overlap module of a
        // layer that holds one of the track's hits, so its tracks are clean and need no more than
        // the shipped cut set. Until holes were counted per layer (2026-11-30) this test lowered
        // `min_measurements` to 5 and asked no extra measurement per hole; the shipped set gave 0.804,
        // 0.840 with the strip seeds, 0.943 now.
        let finding = try Fixtures.shippedCutSet("trackml").finding
        let (_, tracks) = try Fixtures.reconstruct(event, detector: Self.geometry, finding: finding, threads: 2)
        let report = try Evaluator().evaluate(event: event, tracks: tracks.tracks)
        #expect(try #require(report.trackmlScore) >= 0.90, "score \(report.trackmlScore ?? 0)")
        #expect(try #require(report.duplicateRate) == 0)
        #expect(try #require(report.fakeRate) <= 0.02)
    }

    @Test("5 % subset of event 1: every hit on its module, primaries above 1 GeV found")
    func allVolumesSubset() throws {
        let event = try TrackMLEventReader.read(prefix: Fixtures.dataDirectory + "/event000000001/event000000001",
                                                parts: [.particles, .truth], required: [.truth, .particles])
        let (_, tracks) = try Fixtures.reconstruct(event, detector: Self.geometry, threads: 2)
        let truth = event.truth!, particles = event.particles!
        let index = particles.indexByParticleID()
        let owner = tracks.tracks.trackOfHit(hitCount: event.hits.count)!
        var primaries = 0, found = 0
        for (p, hits) in Fixtures.hitsByParticle(event) {
            guard let r = index[p].map(Int.init), particles.pT(r) > 1, abs(particles.eta(r)) < 4, hits.count >= 7 else { continue }
            let vr = (Double(particles.vx[r] * particles.vx[r] + particles.vy[r] * particles.vy[r])).squareRoot()
            guard vr < 1 else { continue }
            primaries += 1
            var count = [Int32: Int]()
            for h in hits where owner[h] >= 0 { count[owner[h], default: 0] += 1 }
            if let best = count.max(by: { $0.value < $1.value }), 2 * best.value > hits.count,
               2 * best.value > tracks.tracks.hits(of: Int(best.key)).count { found += 1 }
            _ = truth
        }
        #expect(primaries >= 30)
        #expect(Double(found) >= 0.95 * Double(primaries), "\(found) of \(primaries) primaries found")
    }

    @Test("5 % subset of event 1, shipped cut set: TrackML score ≥ 0.90, efficiency (pT > 1 GeV) ≥ 85 %")
    func allVolumesSubsetScore() throws {
        // With a uniform 2 T field, the description's strip end-cap material and no scattering of the
        // top seed layer in the inward search this was score 0.76, efficiency 44/54; 0.856, 47/54 with
        // them; 0.896 with the fitted field and the inward search's anchors; 0.925 with the passes
        // on the resolved tracks' leftovers and the strip seeds.
        let event = try TrackMLEventReader.read(prefix: Fixtures.dataDirectory + "/event000000001/event000000001",
                                                parts: [.particles, .truth], required: [.truth, .particles])
        let (_, tracks) = try Fixtures.reconstruct(event, detector: Self.geometry, threads: 2)
        let report = try Evaluator().evaluate(event: event, tracks: tracks.tracks)
        #expect(try #require(report.trackmlScore) >= 0.90, "score \(report.trackmlScore ?? 0)")
        #expect(try #require(report.efficiency) >= 0.85, "efficiency \(report.efficiency ?? 0)")
        #expect(try #require(report.fakeRate) <= 0.02)
    }

    @Test("The real field reproduces the bending of the real truth in every |z| slice; 2 T uniform does not")
    func fieldAgainstTruth() throws {
        // For consecutive truth hits of one particle, the change of the transverse momentum direction
        // per transverse arc length is dφ/ds_T = −k q/pT · (Bz − cot θ · B_T·û), û the transverse
        // direction of flight: the effective field the track finder must model. Compared per slice
        // of 300 mm in |z| (median over pairs, the model averaged along each pair's chord).
        var slices = [Int: (data: [Double], model: [Double])]()
        let field = Self.geometry.field
        for prefix in ["/event000000001/event000000001", "/barrel-ez-0.1/event000001000"] {
            let event = try TrackMLEventReader.read(prefix: Fixtures.dataDirectory + prefix,
                                                    parts: [.particles, .truth], required: [.truth, .particles])
            let truth = event.truth!, particles = event.particles!
            let index = particles.indexByParticleID()
            for (p, hits) in Fixtures.hitsByParticle(event) {
                guard let r = index[p].map(Int.init), particles.charge[r] != 0 else { continue }
                let q = Double(particles.charge[r])
                func position(_ h: Int) -> SIMD3<Double> { SIMD3(Double(truth.tx[h]), Double(truth.ty[h]), Double(truth.tz[h])) }
                func momentum(_ h: Int) -> SIMD3<Double> { SIMD3(Double(truth.tpx[h]), Double(truth.tpy[h]), Double(truth.tpz[h])) }
                let ordered = hits.sorted { (position($0) * position($0)).sum() < (position($1) * position($1)).sum() }
                for (a, b) in zip(ordered, ordered.dropFirst()) {
                    let pa = momentum(a), pb = momentum(b)
                    let ptA = (pa.x * pa.x + pa.y * pa.y).squareRoot(), ptB = (pb.x * pb.x + pb.y * pb.y).squareRoot()
                    let xa = position(a), xb = position(b)
                    let chord = ((xb.x - xa.x) * (xb.x - xa.x) + (xb.y - xa.y) * (xb.y - xa.y)).squareRoot()
                    guard min(ptA, ptB) > 0.5, chord > 20 else { continue }
                    var dphi = atan2(pb.y, pb.x) - atan2(pa.y, pa.x)
                    if dphi > .pi { dphi -= 2 * .pi } else if dphi < -.pi { dphi += 2 * .pi }
                    let arc = abs(dphi) < 1e-9 ? chord : chord * abs(dphi) / 2 / sin(abs(dphi) / 2)
                    let pt = (ptA + ptB) / 2
                    let data = -dphi * pt / (PhysicsConstants.curvatureConstant * q * arc)
                    let pm = (pa + pb) / 2
                    let ptm = (pm.x * pm.x + pm.y * pm.y).squareRoot()
                    var model = 0.0
                    for f in [0.25, 0.5, 0.75] {
                        let x = xa + f * (xb - xa)
                        let bf = field.field(at: x)
                        model += (bf.z - pm.z / ptm * (bf.x * pm.x + bf.y * pm.y) / ptm) / 3
                    }
                    let zMid = abs((xa.z + xb.z) / 2)
                    slices[Int(zMid / 300), default: ([], [])].data.append(data)
                    slices[Int(zMid / 300)]!.model.append(model)
                }
            }
        }
        func median(_ v: [Double]) -> Double { let s = v.sorted(); return s[s.count / 2] }
        var worstUniform = 0.0, tested = 0
        for (k, s) in slices.sorted(by: { $0.key < $1.key }) where s.data.count >= 30 {
            tested += 1
            let data = median(s.data), model = median(s.model)
            // The three-parameter coil is worst at 2100–2400 mm (0.11 T, where uniform 2 T is off by 1.6 T).
            #expect(abs(data - model) < 0.15, "|z| \(300 * k)–\(300 * k + 300) mm: truth \(data) T, model \(model) T")
            worstUniform = max(worstUniform, abs(data - 2))
        }
        #expect(tested >= 8)
        #expect(worstUniform > 1, "a uniform 2 T field should be far off toward the end-caps")
    }

    @Test("A volume without hits is not read out: its modules give no holes")
    func readOutVolumes() throws {
        let barrel = try TrackMLEventReader.read(prefix: Fixtures.dataDirectory + "/barrel-ez-0.1/event000001000",
                                                 parts: [], required: [])
        let full = try TrackMLEventReader.read(prefix: Fixtures.dataDirectory + "/event000000001/event000000001",
                                               parts: [], required: [])
        let g = Self.geometry
        let barrelOnly = try Measurements(hits: barrel.hits, detector: g)
        for (k, layer) in g.layers.enumerated() {
            #expect(barrelOnly.layerIsReadOut[k] == [8, 13, 17].contains(layer.volume), "layer \(layer.id)")
        }
        #expect(try Measurements(hits: full.hits, detector: g).layerIsReadOut.allSatisfy { $0 })
    }
}
