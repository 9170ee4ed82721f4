import Testing
import Detector
import EventData
@testable import Simulation

@Suite struct MultipleScatteringTests {
    /// Two planes of 2 % X0 without field: the change of direction of 1 GeV pions between the truth
    /// momenta at the two planes is the scattering in the first; its projected RMS matches the
    /// Highland width within 10 %.
    @Test func scatteringAngleRMSMatchesHighland() throws {
        var table = ModuleTable()
        for (k, z) in [100.0, 300.0].enumerated() {
            table.append(Module(id: GeometryID(volume: 1, layer: Int32(2 + 2 * k), module: 1), center: SIMD3(0, 0, z),
                                rotation: Rotation3(u: SIMD3(0, -1, 0), v: SIMD3(1, 0, 0), w: SIMD3(0, 0, 1)),
                                thickness: 0.3, minHalfU: 60, maxHalfU: 60, halfV: 60, pitchU: 0.05, pitchV: 0.05))
        }
        let material: [GeometryID: Double] = [GeometryID(volume: 1, layer: 2, module: 0): 0.02,
                                              GeometryID(volume: 1, layer: 4, module: 0): 0.02]
        let detector = try Detector(name: "two planes", modules: table, field: .uniform(bz: 0), layerMaterial: material)
        let physics = try PhysicsConfig(multipleScattering: true, energyLoss: false, nuclearInteractionScale: 0,
                                        propagationPtMin: 0)
        let config = try SimulationConfig(generator: GeneratorConfig(pileup: 0, hardScatter: false), physics: physics,
                                          digitization: .uniform(.ideal))
        let simulation = try FastSimulation(detector: detector, config: config)
        var angles: [Double] = []
        var rng = RandomStream(seed: 8)
        for event in 0 ..< 40 {
            // 100 pions spread over the planes, far enough apart that their clusters never merge.
            let particles = (1 ... 100).map { k in
                Fixtures.particle(UInt64(k), vertex: SIMD3(rng.uniform(-40, 40), rng.uniform(-40, 40), 0),
                                  momentum: SIMD3(0, 0, 1))
            }
            let e = simulation.simulate(particles: particles, event: UInt64(event), seed: 3).event
            let truth = try #require(e.truth)
            var first: [UInt64: SIMD3<Double>] = [:], second: [UInt64: SIMD3<Double>] = [:]
            for i in 0 ..< e.hits.count {
                let p = SIMD3(Double(truth.tpx[i]), Double(truth.tpy[i]), Double(truth.tpz[i]))
                if e.hits.geometryID[i].layer == 2 { first[truth.particleID[i]] = p } else { second[truth.particleID[i]] = p }
            }
            for (id, a) in first {
                guard let b = second[id] else { continue }
                angles.append(b.x / b.z - a.x / a.z)
                angles.append(b.y / b.z - a.y / a.z)
            }
        }
        #expect(angles.count > 7000)
        let rms = (angles.map { $0 * $0 }.reduce(0, +) / Double(angles.count)).squareRoot()
        let p = 1.0, m = ParticleSpecies.pion.mass
        let beta = p / (p * p + m * m).squareRoot()
        let theta0 = MaterialEffects.highlandWidth(momentum: p, beta: beta, charge: 1, radiationLengths: 0.02)
        #expect(abs(rms / theta0 - 1) < 0.10, "RMS \(rms * 1000) mrad vs Highland \(theta0 * 1000) mrad")
    }

    /// Bethe–Bloch in silicon: a minimum-ionising particle (βγ ≈ 3.5) loses 1.66 MeV cm²/g, i.e.
    /// 0.387 MeV per mm (PDG), within 3 %.
    @Test func betheBlochGivesTheMinimumIonisation() {
        let m = ParticleSpecies.muon.mass
        let oneMillimetre = 1 / MaterialEffects.siliconRadiationLength
        let loss = MaterialEffects.betheBlochMeanLoss(momentum: 3.5 * m, mass: m, charge: 1, radiationLengths: oneMillimetre)
        #expect(abs(loss / 0.387e-3 - 1) < 0.03, "dE/dx \(loss * 1e3) MeV/mm")
        // Slow protons lose much more (1/β²).
        let slow = MaterialEffects.betheBlochMeanLoss(momentum: 0.3, mass: ParticleSpecies.proton.mass, charge: 1,
                                                      radiationLengths: oneMillimetre)
        #expect(slow > 4 * loss)
    }
}
