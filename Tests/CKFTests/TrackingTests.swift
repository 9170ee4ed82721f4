import Detector
import EventData
import Evaluation
import Foundation
@testable import KalmanFinding
import Seeding
import Testing
import Weft

@Suite("Combinatorial Kalman filter")
struct TrackingTests {
    @Test("Exact helices (no material): one track per particle, no foreign hit")
    func exactHelices() throws {
        let event = try Fixtures.gunEvent(count: 40, pt: [2, 20], eta: 2.5, material: false, seed: 21)
        let (_, tracks) = try Fixtures.reconstruct(event)
        let truth = event.truth!
        let byParticle = Fixtures.hitsByParticle(event)
        var found = Set<UInt64>()
        for t in 0 ..< tracks.count {
            let hits = tracks.tracks.hits(of: t)
            let owner = truth.particleID[Int(hits.first!)]
            #expect(owner != 0, "track \(t) starts on a noise hit")
            // Zero mismatched hits.
            #expect(hits.allSatisfy { truth.particleID[Int($0)] == owner }, "track \(t) mixes particles")
            #expect(!found.contains(owner), "particle \(owner) found twice")
            found.insert(owner)
            // Nearly every hit of the particle is on its track.
            #expect(Double(hits.count) >= 0.9 * Double(byParticle[owner]?.count ?? 0))
        }
        // Every particle with enough hits (and three pixel layers) has its track.
        let expected = byParticle.filter { $0.value.count >= CKFOptions().minMeasurements }.count
        #expect(found.count >= expected - 1 && found.count <= expected)
    }

    @Test("Holes count layers: a missing overlap partner is none, a layer crossed without a hit is one")
    func holesPerLayer() throws {
        let full = try Fixtures.gunEvent(count: 40, pt: [2, 20], eta: 1, material: false, seed: 23)
        let truth = full.truth!
        func layer(_ h: Int) -> Int32 { Fixtures.trackml.layerIndex(of: full.hits.geometryID[h])! }
        // One hit per particle and layer (the second hit of every module overlap removed, as in the
        // real barrel-ez subset), and no hit at all on the second strip barrel layer.
        let emptied = Fixtures.trackml.layerIndex(of: GeometryID(volume: 13, layer: 4, module: 0))!
        var kept = Set<[Int64]>(), rows: [Int32] = [], crossed = Set<UInt64>(), overlaps = 0
        for h in 0 ..< full.hits.count {
            let p = truth.particleID[h]
            if layer(h) == emptied { crossed.insert(p); continue }
            guard p != 0 else { rows.append(Int32(h)); continue }
            if kept.insert([Int64(p), Int64(layer(h))]).inserted { rows.append(Int32(h)) } else { overlaps += 1 }
        }
        #expect(overlaps >= 20, "only \(overlaps) overlap hits removed")
        let event = full.selecting(rows: rows)
        let (_, tracks) = try Fixtures.reconstruct(event, threads: 2)
        var withHole = 0, withoutHole = 0
        for t in 0 ..< tracks.count {
            let owner = event.truth!.particleID[Int(tracks.tracks.hits(of: t).first!)]
            // Missing overlap partners never count; the emptied layer counts once, whatever the
            // number of its modules the track crossed (a crossing within the edge margin: none).
            #expect(tracks.holes[t] <= (crossed.contains(owner) ? 1 : 0), "track \(t): \(tracks.holes[t]) holes")
            if crossed.contains(owner) { if tracks.holes[t] == 1 { withHole += 1 } else { withoutHole += 1 } }
        }
        #expect(withHole >= 20 && withoutHole <= withHole / 5, "\(withHole) tracks with the hole, \(withoutHole) without")
    }

    @Test("Fit pulls at the innermost hit are standard normal (material effects on)")
    func pulls() throws {
        let event = try Fixtures.gunEvent(count: 150, pt: [1, 10], eta: 2.0, species: .muon, material: true, seed: 5)
        let (_, tracks) = try Fixtures.reconstruct(event)
        let truth = event.truth!, particles = event.particles!
        let index = particles.indexByParticleID()
        var pulls = [[Double]](repeating: [], count: 5)
        var chi2PerNdf: [Double] = []
        for t in 0 ..< tracks.count {
            let hits = tracks.tracks.hits(of: t)
            let owner = truth.particleID[Int(hits.first!)]
            guard hits.allSatisfy({ truth.particleID[Int($0)] == owner }), let row = index[owner] else { continue }
            let state = tracks.innermostStates[t]
            guard let h = hits.first(where: { Fixtures.trackml.moduleIndex(of: event.hits.geometryID[Int($0)]) == state.module }) else { continue }
            let hi = Int(h)
            let local = Fixtures.trackml.globalToLocal(SIMD3(Double(truth.tx[hi]), Double(truth.ty[hi]), Double(truth.tz[hi])), module: state.module)
            let px = Double(truth.tpx[hi]), py = Double(truth.tpy[hi]), pz = Double(truth.tpz[hi])
            let p = (px * px + py * py + pz * pz).squareRoot()
            let truthParams = [local.x, local.y, atan2(py, px), atan2((px * px + py * py).squareRoot(), pz),
                               Double(particles.charge[Int(row)]) / p]
            for k in 0 ..< 5 {
                var d = state.parameters[k] - truthParams[k]
                if k == 2 { d = remainder(d, 2 * Double.pi) }
                pulls[k].append(d / state.covariance[k * 6].squareRoot())
            }
            chi2PerNdf.append(Double(tracks.tracks.chi2![t]) / Double(tracks.ndf[t]))
        }
        #expect(pulls[0].count >= 120)
        for (k, name) in ["phi", "theta", "q/p"].enumerated().map({ ($0.offset + 2, $0.element) }) {
            let values = pulls[k]
            let mean = values.reduce(0, +) / Double(values.count)
            let rms = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
            #expect(abs(mean) < 0.2, "\(name) pull mean \(mean)")
            #expect(rms > 0.85 && rms < 1.2, "\(name) pull width \(rms)")
        }
        // The hit errors are pitch/√12, while the simulation's charge-sharing digitisation measures
        // better (hit pull widths 0.65–0.95 by volume), so χ²/ndf sits below 1.
        let meanChi2 = chi2PerNdf.reduce(0, +) / Double(chi2PerNdf.count)
        #expect(meanChi2 > 0.5 && meanChi2 < 1.2, "mean χ²/ndf \(meanChi2)")
    }

    @Test("Both hits of a pixel overlap (barrel staves, the two faces of a disc) join their track (material effects on)")
    func overlapHitsJoinTheirTrack() throws {
        // Tracks cross the overlap of two neighbouring modules of a layer and leave a hit in each.
        // The second hit of an overlap on a seed layer is found by the inward search, which starts
        // from the smoothed top state: the top layer's scattering must enter first, else the inward
        // predictions are too narrow (θ0 × lever arm ≈ 0.1 mm at 1 GeV against σ ≈ 0.05 mm) and the
        // true hit fails the χ² cut (η < 1.2: 81 % of the barrel pairs on one track without that noise,
        // 92 % with). On the top seed hit's own layer both searches must be free to cross it again
        // (this event: barrel 96 % and discs 83 % of the pairs on one track when they skipped it, 99 % and 100 % now).
        let event = try Fixtures.gunEvent(count: 400, pt: [0.5, 1.2], eta: 2.8, material: true, seed: 17)
        let (_, tracks) = try Fixtures.reconstruct(event)
        let owner = tracks.tracks.trackOfHit(hitCount: event.hits.count)!
        var pairs = 0, together = 0, discPairs = 0, discTogether = 0
        for (_, hits) in Fixtures.hitsByParticle(event) {
            var byLayer = [GeometryID: [Int]]()
            for h in hits where [7, 8, 9].contains(event.hits.geometryID[h].volume) {
                let id = event.hits.geometryID[h]
                byLayer[GeometryID(volume: id.volume, layer: id.layer, module: 0), default: []].append(h)
            }
            for (id, pair) in byLayer where pair.count == 2 && (owner[pair[0]] >= 0 || owner[pair[1]] >= 0) {
                if id.volume == 8 { pairs += 1 } else { discPairs += 1 }
                if owner[pair[0]] == owner[pair[1]] { if id.volume == 8 { together += 1 } else { discTogether += 1 } }
            }
        }
        print("pixel-barrel overlap pairs on one track: \(together) of \(pairs); pixel discs \(discTogether) of \(discPairs)")
        #expect(pairs >= 100 && discPairs >= 50)
        #expect(Double(together) >= 0.97 * Double(pairs), "\(together) of \(pairs) barrel overlap pairs on one track")
        #expect(Double(discTogether) >= 0.95 * Double(discPairs), "\(discTogether) of \(discPairs) disc overlap pairs on one track")
    }

    @Test("Forward then backward propagation returns the start parameters", arguments: [PropagationStepper.helix, .rungeKutta])
    func forwardBackward(stepper: PropagationStepper) throws {
        let d = Fixtures.trackml
        let derived = try SeedingDerivedConfig(config: SeedingConfig(), detector: d)
        var options = CKFOptions()
        options.stepper = stepper
        let filter = try CombinatorialKalmanFilter(options: options, detector: d, seeding: derived)
        let cache = CKFCache(field: d.field)
        // From a pixel module (layer 1) to a short-strip module the same track crosses.
        let start = Int32(d.layers.first { $0.volume == 8 && $0.layer == 2 }!.modules.lowerBound)
        var covariance = [Double](repeating: 0, count: 25)
        for (i, s) in [0.01, 0.01, 1e-4, 1e-4, 1e-4].enumerated() { covariance[i * 6] = s * s }
        let centre = d.modules.center(Int(start))
        let phi = atan2(centre.y, centre.x)
        for qop in [-1.0, -0.5, 0.5, 1.0] {
            let state = BoundTrackState(module: start, parameters: [1.5, -3, phi, 1.4, qop], covariance: covariance)
            // The module of the strip layer the helix reaches.
            let strip = d.layers.first { $0.volume == 13 && $0.layer == 2 }!
            var there: BoundTrackState? = nil
            for m in strip.modules { if let s = filter.transport(state, to: m, reversed: false, cache: cache) { there = s; break } }
            let forward = try #require(there)
            let back = try #require(filter.transport(forward, to: start, reversed: true, cache: cache))
            for k in 0 ..< 5 {
                #expect(abs(back.parameters[k] - state.parameters[k]) < 1e-5, "parameter \(k): \(back.parameters[k]) vs \(state.parameters[k])")
            }
        }
    }

    @Test("The analytic helix and a tight Runge–Kutta find the same tracks in the uniform field")
    func helixMatchesRungeKutta() throws {
        let event = try Fixtures.pileupEvent(mu: 10, seed: 4)
        var rungeKutta = TrackFindingConfig()
        rungeKutta.finding.stepper = .rungeKutta
        rungeKutta.finding.propagationTolerance = 1e-6
        let helix = try Fixtures.reconstruct(event)
        let reference = try Fixtures.reconstruct(event, finding: rungeKutta)
        func hitLists(_ r: CKFResult) -> [[Int32]] { (0 ..< r.count).map { Array(r.tracks.hits(of: $0)) } }
        #expect(helix.candidates.count > 100)
        #expect(hitLists(helix.candidates) == hitLists(reference.candidates))
        #expect(hitLists(helix.tracks) == hitLists(reference.tracks))
        // The fitted parameters differ only by the Runge–Kutta's error (≤ 1e-6 mm per step).
        let a = try #require(helix.tracks.tracks.parameters), b = try #require(reference.tracks.tracks.parameters)
        #expect(a.count == b.count)
        for t in 0 ..< min(a.count, b.count) {
            #expect(abs(a[t].d0 - b[t].d0) < 1e-3 && abs(a[t].z0 - b[t].z0) < 1e-3, "track \(t): d0, z0")
            #expect(abs(a[t].qOverP - b[t].qOverP) <= 1e-4 * abs(b[t].qOverP), "track \(t): q/p")
        }
    }

    @Test("--threads 1 and 2 give identical tracks")
    func threadIndependence() throws {
        let event = try Fixtures.pileupEvent(mu: 10, seed: 4)
        let one = try Fixtures.reconstruct(event, threads: 1)
        let two = try Fixtures.reconstruct(event, threads: 2)
        #expect(one.tracks == two.tracks)
        #expect(one.candidates == two.candidates)
        #expect(one.tracks.count > 0)
    }

    @Test("μ = 20 events reach issue 5's efficiency, fake and duplicate targets")
    func pileup20() throws {
        // Three events pooled (seeds 2–4; per event pT > 1 GeV 95.7 / 97.4 / 99.0 %, pT > 0.5 GeV
        // 94.3 / 93.9 / 95.0 %; pooled fakes 0.17 %, mean TrackML score 0.927 on 2026-11-30): one
        // event holds only ≈ 150 particles above 1 GeV, so a single particle moves its efficiency by
        // 0.7 points.
        var selected = 0, selectedPt05 = 0, found = 0.0, foundPt05 = 0.0, tracks = 0, fakes = 0, score = 0.0
        var firstLayerTogether = 0, firstLayerPairs = 0
        for seed: UInt64 in [2, 3, 4] {
            // The TrackML weights as `weft simulate` writes them (secondaries from material
            // interactions weigh 0, as in the real files).
            var event = try Fixtures.pileupEvent(mu: 20, seed: seed)
            try EventSimulation.applyTrackMLWeights(&event)
            let (_, result) = try Fixtures.reconstruct(event, threads: 2)
            let report = try Evaluator().evaluate(event: event, tracks: result.tracks)
            selected += report.selectedParticleCount
            selectedPt05 += report.selectedParticleCountPt05
            found += try #require(report.efficiency) * Double(report.selectedParticleCount)
            foundPt05 += try #require(report.efficiencyPt05) * Double(report.selectedParticleCountPt05)
            tracks += report.trackCount
            fakes += report.fakeTrackCount
            score += try #require(report.trackmlScore) / 3
            let (together, pairs) = Self.firstLayerOverlapPairs(event: event, tracks: result)
            firstLayerTogether += together
            firstLayerPairs += pairs
            #expect(report.duplicateTrackCount == 0, "seed \(seed): \(report.duplicateTrackCount) duplicates")
        }
        let efficiency = found / Double(selected), efficiencyPt05 = foundPt05 / Double(selectedPt05)
        let fakeRate = Double(fakes) / Double(tracks)
        print("μ = 20, 3 events: efficiency \(efficiency) (pT > 1 GeV), \(efficiencyPt05) (pT > 0.5 GeV), fake rate \(fakeRate), TrackML score \(score)")
        #expect(selected >= 300)
        #expect(efficiency >= 0.95, "efficiency (pT > 1 GeV) \(efficiency)")
        #expect(efficiencyPt05 >= 0.90, "efficiency (pT > 0.5 GeV) \(efficiencyPt05)")
        #expect(fakeRate <= 0.01, "fake rate \(fakeRate)")
        #expect(score >= 0.90, "TrackML score \(score)")
        // Overlap pairs on the pixel-barrel layer of a track's first hit: the inward search reaches
        // the partner module from the smoothed state at the seed's own hit there (634 of 646 pairs on
        // these events, 98.1 %), not from the state carried in from the top seed hit, which
        // scattering widens to about a millimetre (607 of 639, 95.0 %: hits of other particles compete).
        let fraction = Double(firstLayerTogether) / Double(firstLayerPairs)
        print("overlap pairs on the first pixel-barrel layer of matched tracks: \(firstLayerTogether) of \(firstLayerPairs)")
        #expect(firstLayerPairs >= 300)
        #expect(fraction >= 0.965, "\(firstLayerTogether) of \(firstLayerPairs) first-layer overlap pairs on one track")
    }

    /// For every track matched to a particle (double majority) whose first own hit is in the pixel
    /// barrel and whose particle left two hits on that layer: how many tracks hold both, of how many.
    static func firstLayerOverlapPairs(event: Event, tracks: CKFResult) -> (together: Int, pairs: Int) {
        let truth = event.truth!, ids = event.hits.geometryID
        let byParticle = Fixtures.hitsByParticle(event)
        var together = 0, pairs = 0
        for t in 0 ..< tracks.count {
            let hits = Array(tracks.tracks.hits(of: t))
            var counts = [UInt64: Int]()
            for h in hits { counts[truth.particleID[Int(h)], default: 0] += 1 }
            guard let (owner, n) = counts.max(by: { $0.value < $1.value }), owner != 0,
                  let own = byParticle[owner], 2 * n > hits.count, 2 * n > own.count,
                  let first = hits.first(where: { truth.particleID[Int($0)] == owner }) else { continue }
            let f = ids[Int(first)]
            guard f.volume == 8 else { continue }
            let onLayer = own.filter { ids[$0].volume == 8 && ids[$0].layer == f.layer }
            guard onLayer.count == 2 else { continue }
            pairs += 1
            if onLayer.allSatisfy({ hits.contains(Int32($0)) }) { together += 1 }
        }
        return (together, pairs)
    }
}
