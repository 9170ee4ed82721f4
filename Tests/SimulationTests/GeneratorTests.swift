import Testing
@testable import Simulation

@Suite struct GeneratorTests {
    /// The pT spectrum reproduces the quantiles of the real pile-up particles it was fitted to
    /// (event 000001001: 0.136, 0.257, 0.423, 0.694, 1.46 GeV at 5, 25, 50, 75, 95 %) within 5 %.
    @Test func softSpectrumMatchesTheRealQuantiles() throws {
        let spectrum = try TransverseMomentumSpectrum(scale: 1.5, power: 8.75, minimum: 0.1, maximum: 100)
        var rng = RandomStream(seed: 3)
        let values = (0 ..< 100_000).map { _ in spectrum.sample(&rng) }.sorted()
        for (q, real) in [(0.05, 0.136), (0.25, 0.257), (0.5, 0.423), (0.75, 0.694), (0.95, 1.463)] {
            let sim = values[Int(q * Double(values.count))]
            #expect(abs(sim / real - 1) < 0.05, "quantile \(q): \(sim) vs \(real) GeV")
        }
        #expect(abs(spectrum.mean / 0.562 - 1) < 0.03)
    }

    /// Events hold the expected number of charged primaries (≈ 34 per interaction plus the hard
    /// scatter), all inside the acceptance, with unique identifiers and Gaussian vertices.
    @Test func eventsHaveTheExpectedContent() throws {
        let generator = try EventGenerator(config: GeneratorConfig(pileup: 50))
        var total = 0, events = 0
        var zs: [Double] = []
        for e in 0 ..< 20 {
            let particles = generator.generate(seed: 9, event: UInt64(e))
            #expect(Set(particles.map(\.barcode)).count == particles.count)
            for p in particles where p.charge != 0 {
                #expect(p.pT >= 0.1 && abs(p.eta) <= 4)
            }
            total += particles.filter { $0.charge != 0 }.count
            events += 1
            for p in particles where p.barcode.vertex > 1 && p.barcode.particle == 1 { zs.append(p.vertex.z) }
        }
        // Per interaction: 0.68 non-empty × 45.6 prompt × (1 + V0 daughters), plus ≈ 190 in the hard scatter.
        let perEvent = Double(total) / Double(events)
        #expect(perEvent > 50 * 30 + 150 && perEvent < 50 * 38 + 250, "charged primaries per event: \(perEvent)")
        let sigma = (zs.map { $0 * $0 }.reduce(0, +) / Double(zs.count)).squareRoot()
        #expect(abs(sigma / 55 - 1) < 0.15, "vertex σz \(sigma) mm")
    }

    @Test func speciesFractionsFollowTheConfiguration() throws {
        let model = try MinimumBiasModel()
        var rng = RandomStream(seed: 1)
        var counts: [ParticleSpecies: Int] = [:]
        for _ in 0 ..< 100_000 { counts[model.sampleSpecies(&rng), default: 0] += 1 }
        #expect(abs(Double(counts[.kaon]!) / 1e5 - 0.09) < 0.005)
        #expect(abs(Double(counts[.proton]!) / 1e5 - 0.06) < 0.005)
    }

    /// K⁰s → π⁺π⁻ conserves four-momentum and gives the daughters their masses.
    @Test func twoBodyDecayConservesMomentum() {
        var rng = RandomStream(seed: 2)
        let parent = SIMD3<Double>(0.7, -0.4, 2.5), m = ParticleSpecies.kaonShort.mass, mpi = ParticleSpecies.pion.mass
        let (a, b) = TwoBodyDecay.decay(parent: parent, mass: m, m1: mpi, m2: mpi, &rng)
        let sum = a + b
        #expect(((sum - parent) * (sum - parent)).sum().squareRoot() < 1e-12)
        let e = ((a * a).sum() + mpi * mpi).squareRoot() + ((b * b).sum() + mpi * mpi).squareRoot()
        #expect(abs(e - ((parent * parent).sum() + m * m).squareRoot()) < 1e-12)
    }

    @Test func barcodesEncodeTheirHistory() {
        let p = ParticleBarcode(vertex: 17, particle: 301)
        #expect(p.vertex == 17 && p.particle == 301 && p.isPrimary && p.rawValue != 0)
        let d = p.daughter(secondaryVertex: 2, index: 3)
        #expect(d.vertex == 17 && d.particle == 301 && d.secondaryVertex == 2 && d.generation == 1 && d.subParticle == 3)
        #expect(!d.isPrimary)
    }
}
