import Detector
import EventData
import Foundation
import Seeding
import Testing

@Suite("Triplet seeding")
struct SeedingTests {
    @Test("Every particle crossing three pixel layers gets a pure seed in a clean event")
    func seedsEveryParticle() throws {
        let event = try Fixtures.gunEvent(count: 60, pt: [1, 20], eta: 3.5, material: false)
        let (derived, seeds) = try Fixtures.seeds(event)
        let truth = event.truth!
        let seeded = Fixtures.purelySeededParticles(seeds, truth: truth)
        var expected = 0
        for (p, hits) in Fixtures.hitsByParticle(event) {
            // Pixel layers (seeding slots) the particle crossed.
            let slots = Set(hits.compactMap { h -> Int32? in
                let l = Fixtures.trackml.layerIndex(of: event.hits.geometryID[h])!
                let s = derived.links.slotOfLayer[Int(l)]
                return s >= 0 ? s : nil
            })
            guard slots.count >= 3 else { continue }
            expected += 1
            #expect(seeded.contains(p), "particle \(p) with \(slots.count) pixel layers has no pure seed")
        }
        #expect(expected >= 50)
        // In a clean event nearly every seed is pure.
        let pure = (0 ..< seeds.count).filter { i in
            let (b, m, t) = seeds.hits(i)
            return truth.particleID[Int(b)] == truth.particleID[Int(m)] && truth.particleID[Int(m)] == truth.particleID[Int(t)]
        }.count
        #expect(Double(pure) >= 0.95 * Double(seeds.count))
    }

    @Test("Seed parameters: charge, direction and momentum of the generating particle")
    func parameterEstimate() throws {
        let event = try Fixtures.gunEvent(count: 40, pt: [1, 10], eta: 2.5, material: false, seed: 3)
        let (derived, seeds) = try Fixtures.seeds(event)
        let estimator = SeedParameterEstimator(derived: derived)
        let truth = event.truth!
        var checked = 0
        var relativeErrors: [Double] = []
        for i in 0 ..< seeds.count {
            let (b, m, t) = seeds.hits(i)
            let p = truth.particleID[Int(b)]
            guard p != 0, truth.particleID[Int(m)] == p, truth.particleID[Int(t)] == p,
                  let state = estimator.estimate(seed: i, seeds: seeds, hits: event.hits, detector: Fixtures.trackml) else { continue }
            let px = Double(truth.tpx[Int(b)]), py = Double(truth.tpy[Int(b)]), pz = Double(truth.tpz[Int(b)])
            let pTrue = (px * px + py * py + pz * pz).squareRoot()
            let phiTrue = atan2(py, px), thetaTrue = atan2((px * px + py * py).squareRoot(), pz)
            let qop = state.parameters[4]
            // The charge follows from the bending; |q/p| from the circle radius within a few %.
            let chargeTrue: Double = event.particles.map { parts in
                Double(parts.charge[Int(parts.indexByParticleID()[p]!)])
            } ?? 0
            #expect(qop * chargeTrue > 0)
            // |q/p| from the sagitta of three pixel hits: within three of the seed's own standard
            // deviations (25 % by default; the sagitta of a 10 GeV track over 8 cm is 50 µm).
            let relative = abs(qop) * pTrue - 1
            #expect(abs(relative) < 3 * derived.config.initialRelativeSigmaQOverP)
            relativeErrors.append(abs(relative))
            var dphi = state.parameters[2] - phiTrue
            if dphi > Double.pi { dphi -= 2 * Double.pi } else if dphi < -Double.pi { dphi += 2 * Double.pi }
            #expect(abs(dphi) < 0.01)
            #expect(abs(state.parameters[3] - thetaTrue) < 0.01)
            checked += 1
        }
        #expect(checked >= 40)
        #expect(relativeErrors.sorted()[relativeErrors.count / 2] < 0.1, "median |Δ(q/p)|/(q/p)")
    }

    @Test("Layer links: only inner-to-outer triples of distinct pixel layers")
    func layerLinks() throws {
        let derived = try SeedingDerivedConfig(config: SeedingConfig(), detector: Fixtures.trackml)
        let links = derived.links
        #expect(links.count == 4 + 7 + 7)
        let layers = Fixtures.trackml.layers
        func slot(_ volume: Int32, _ layer: Int32) -> Int32 {
            Int32(links.layerIndices.firstIndex { layers[Int($0)].volume == volume && layers[Int($0)].layer == layer }!)
        }
        // The barrel pixel layers in order, with one skipped layer allowed.
        #expect(links.allows(bottom: slot(8, 2), middle: slot(8, 4), top: slot(8, 6)))
        #expect(links.allows(bottom: slot(8, 2), middle: slot(8, 6), top: slot(8, 8)))
        #expect(!links.allows(bottom: slot(8, 6), middle: slot(8, 4), top: slot(8, 8)))
        // Forward: barrel layer 1 into the first end-cap discs.
        #expect(links.allows(bottom: slot(8, 2), middle: slot(9, 2), top: slot(9, 4)))
        #expect(!links.allows(bottom: slot(7, 2), middle: slot(9, 2), top: slot(9, 4)))
    }

    @Test("Strip pass: without its first pixel hit a particle has no confirmed pixel triplet, but a pure confirmed seed with strip tops")
    func stripPassConfirmsThreePixelLayerParticles() throws {
        let full = try Fixtures.gunEvent(count: 60, pt: [1, 10], eta: 1, material: false, seed: 5)
        // Drop every hit of the first pixel barrel layer: the particles keep three pixel layers.
        let rows = (0 ..< full.hits.count).filter { i in
            let g = full.hits.geometryID[i]
            return !(g.volume == 8 && g.layer == 2)
        }.map(Int32.init)
        let event = full.selecting(rows: rows)
        let strips = SeedingPasses.standard.passes[4]
        #expect(strips.seedingVolumes.contains(13) && strips.maxUnconfirmedSeedsPerMiddle == 0)
        func ownSeeds(_ config: SeedingConfig, in event: Event) throws -> (SeedingDerivedConfig, Set<UInt64>) {
            let (derived, seeds) = try Fixtures.seeds(event, config: config)
            return (derived, Fixtures.purelySeededParticles(seeds, truth: event.truth!))
        }
        // The same pass on the pixels alone: a middle hit on the third barrel layer has one layer
        // above it, so no second top can confirm the triplet, and unconfirmed seeds are refused.
        var pixelsOnly = strips
        pixelsOnly.seedingVolumes = [7, 8, 9]
        #expect(try ownSeeds(pixelsOnly, in: event).1.isEmpty)
        // With the first layer kept, the four pixel layers confirm the triplets.
        #expect(try ownSeeds(pixelsOnly, in: full).1.count >= 50)
        let (derived, seeded) = try ownSeeds(strips, in: event)
        var expected = 0
        for (p, hits) in Fixtures.hitsByParticle(event) {
            let slots = Set(hits.compactMap { h -> Int32? in
                let s = derived.links.slotOfLayer[Int(Fixtures.trackml.layerIndex(of: event.hits.geometryID[h])!)]
                return s >= 0 ? s : nil
            })
            // Three pixel layers and at least one strip layer: bottom, middle and two tops.
            guard slots.count >= 4 else { continue }
            expected += 1
            #expect(seeded.contains(p), "particle \(p) crossing \(slots.count) seeding layers has no pure strip-pass seed")
        }
        #expect(expected >= 50)
    }

    @Test("middle_volumes: middle hits only in the listed volumes, the links of those middles unchanged")
    func middleVolumes() throws {
        var config = SeedingPasses.standard.passes[4]
        let all = try SeedingDerivedConfig(config: config, detector: Fixtures.trackml).links
        config.middleVolumes = [7, 8, 9]
        let pixelMiddles = try SeedingDerivedConfig(config: config, detector: Fixtures.trackml).links
        let layers = Fixtures.trackml.layers
        var stripTops = 0
        for m in 0 ..< all.count {
            let volume = layers[Int(all.layerIndices[m])].volume
            if [7, 8, 9].contains(volume) {
                #expect(pixelMiddles.bottomSlots[m] == all.bottomSlots[m] && pixelMiddles.topSlots[m] == all.topSlots[m])
                stripTops += pixelMiddles.topSlots[m].filter { ![7, 8, 9].contains(layers[Int(all.layerIndices[Int($0)])].volume) }.count
            } else {
                #expect(pixelMiddles.bottomSlots[m].isEmpty && pixelMiddles.topSlots[m].isEmpty)
            }
        }
        #expect(stripTops > 0)
        #expect(all.bottomSlots.indices.contains { m in
            ![7, 8, 9].contains(layers[Int(all.layerIndices[m])].volume) && !all.bottomSlots[m].isEmpty
        })
    }

    @Test("Seeding results do not depend on the thread count")
    func threadIndependence() throws {
        let event = try Fixtures.pileupEvent(mu: 10)
        let (_, one) = try Fixtures.seeds(event, threads: 1)
        let (_, two) = try Fixtures.seeds(event, threads: 2)
        #expect(one == two)
        #expect(one.count > 0)
    }
}
