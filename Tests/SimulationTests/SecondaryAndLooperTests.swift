#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import Detector
import EventData
@testable import Simulation

@Suite struct SecondaryAndLooperTests {
    /// A 0.3 GeV pion at η = 0.2 curls (R = 500 mm): followed for half a turn (the default), all its
    /// hits are on the outgoing leg; followed for three turns, it comes back through the pixel and
    /// strip layers and leaves hits on inward-going legs too, until it leaves through the end of the
    /// barrel.
    @Test func loopersAreFollowedUpToTheTurnLimit() throws {
        let pion = Fixtures.particle(1, momentum: SIMD3(0.3, 0, 0.3 * sinh(0.2)))
        func hits(turns: Double) throws -> (outgoing: Int, incoming: Int) {
            let physics = try PhysicsConfig(multipleScattering: false, energyLoss: false, nuclearInteractionScale: 0,
                                            loopTurns: turns, propagationPtMin: 0)
            let config = try SimulationConfig(generator: GeneratorConfig(pileup: 0, hardScatter: false), physics: physics,
                                              digitization: .uniform(.ideal))
            let event = try FastSimulation(detector: Fixtures.trackml, config: config).simulate(particles: [pion], event: 0, seed: 1).event
            let t = try #require(event.truth)
            var out = 0, inward = 0
            for i in 0 ..< t.count {
                if t.tx[i] * t.tpx[i] + t.ty[i] * t.tpy[i] >= 0 { out += 1 } else { inward += 1 }
            }
            return (out, inward)
        }
        let half = try hits(turns: 0.5), three = try hits(turns: 3)
        #expect(half.outgoing >= 7 && half.incoming == 0)
        #expect(three.incoming >= 6 && three.outgoing > half.outgoing)
    }

    /// Photons convert in the material when enabled: with the conversion probability scaled up, most
    /// 2 GeV photons through the barrel give an e⁺e⁻ pair (generation 1, sharing the photon's momentum)
    /// with hits; with conversions scaled to 0, none does.
    @Test func photonsConvertIntoElectronPairs() throws {
        func run(scale: Double) throws -> SimulatedEvent {
            let physics = try PhysicsConfig(multipleScattering: false, energyLoss: false, nuclearInteractionScale: 0,
                                            conversionScale: scale, propagationPtMin: 0)
            let config = try SimulationConfig(generator: GeneratorConfig(pileup: 0, hardScatter: false), physics: physics,
                                              digitization: .uniform(.ideal))
            let photons = (1 ... 40).map { k in
                Fixtures.particle(UInt64(k), species: .photon, charge: 0,
                                  momentum: SIMD3(2 * cos(Double(k)), 2 * sin(Double(k)), 0.5))
            }
            return try FastSimulation(detector: Fixtures.trackml, config: config).simulate(particles: photons, event: 0, seed: 1)
        }
        let converted = try run(scale: 30)
        let electrons = converted.particles.filter { $0.species == .electron }
        #expect(electrons.count >= 40)
        #expect(electrons.allSatisfy { $0.barcode.generation == 1 && !$0.barcode.isPrimary })
        #expect(converted.event.hits.count > 100)
        let none = try run(scale: 0)
        #expect(none.particles.isEmpty && none.event.hits.count == 0)
    }

    /// Nuclear interactions: pions through the default material produce secondaries (protons and
    /// pions from vertices on the sensors) at a rate that grows with the configured scale.
    @Test func nuclearInteractionsProduceSecondaries() throws {
        func secondaries(scale: Double) throws -> [SimulatedParticle] {
            let physics = try PhysicsConfig(nuclearInteractionScale: scale, propagationPtMin: 0)
            let config = try SimulationConfig(generator: GeneratorConfig(pileup: 0, hardScatter: false), physics: physics,
                                              digitization: .uniform(.ideal))
            var rng = RandomStream(seed: 6)
            let pions = (1 ... 400).map { k in
                Fixtures.particle(UInt64(k), momentum: SIMD3(3 * cos(rng.uniform(-3, 3)), 3 * sin(rng.uniform(-3, 3)), rng.uniform(-3, 3)))
            }
            return try FastSimulation(detector: Fixtures.trackml, config: config).simulate(particles: pions, event: 0, seed: 2)
                .particles.filter { !$0.barcode.isPrimary }
        }
        let few = try secondaries(scale: 1), many = try secondaries(scale: 5)
        #expect(few.count > 0 && many.count > 2 * few.count)
        #expect(many.allSatisfy { [.proton, .pion].contains($0.species) })
        #expect(many.allSatisfy { ($0.vertex.x * $0.vertex.x + $0.vertex.y * $0.vertex.y).squareRoot() > 25 })
    }
}
