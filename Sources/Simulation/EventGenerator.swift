#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Generates the particles of an event: the hard scatter, Poisson(μ) pile-up interactions and an
/// optional particle gun, each from its own vertex of the luminous region.
///
/// Generation is deterministic: interaction `v` of event `e` draws from the stream
/// `(seed, interaction, e, v)`, so the particles do not depend on anything but the seed and the
/// event index. Only charged particles inside the acceptance (pT ≥ `ptMin`, |η| ≤ `etaMax`) are
/// returned — and photons, whatever their pT, when the minimum-bias model generates them — ordered by
/// vertex and particle number.
public struct EventGenerator: Sendable {
    /// The configuration.
    public let config: GeneratorConfig
    /// The soft-particle pT spectrum from `ptMin` up (derived from the configuration).
    public let softSpectrum: TransverseMomentumSpectrum
    /// Multiplicity factor between the configured acceptance and the reference acceptance of the
    /// minimum-bias parameters (pT > 0.1 GeV, |η| < 4): ratio of the spectrum integrals times the ratio
    /// of the η ranges (the spectrum is flat in η).
    public let acceptanceScale: Double

    /// The upper end of the soft spectrum in GeV.
    static let softPtMaximum = 100.0

    /// Builds a generator.
    ///
    /// - Throws: ``SimulationError/invalidConfiguration(_:)`` when the spectrum cannot be built (for
    ///   example `ptMin` above 100 GeV).
    public init(config: GeneratorConfig) throws {
        self.config = config
        let mb = config.minimumBias
        softSpectrum = try TransverseMomentumSpectrum(scale: mb.ptScale, power: mb.ptPower,
                                                      minimum: config.ptMin, maximum: Self.softPtMaximum)
        func integral(from a: Double) -> Double {
            // ∫ pT (1 + pT/p0)^−n dpT on [a, max], trapezoids on a logarithmic grid.
            let n = 20000, r = log(Self.softPtMaximum / a) / Double(n)
            var sum = 0.0, previousX = a, previousF = a * pow(1 + a / mb.ptScale, -mb.ptPower)
            for i in 1 ... n {
                let x = a * exp(r * Double(i)), f = x * pow(1 + x / mb.ptScale, -mb.ptPower)
                sum += 0.5 * (f + previousF) * (x - previousX)
                previousX = x; previousF = f
            }
            return sum
        }
        acceptanceScale = integral(from: config.ptMin) / integral(from: MinimumBiasModel.referencePtMin)
            * min(config.etaMax, 10) / MinimumBiasModel.referenceEtaMax
    }

    /// The particles of event `event` for `seed`.
    public func generate(seed: UInt64, event: UInt64) -> [GeneratedParticle] {
        var particles = [GeneratedParticle]()
        var countStream = RandomStream(seed: seed, StreamTag.pileupCount, event)
        let pileupCount = countStream.poisson(mean: config.pileup)
        var vertexNumber: UInt64 = 0
        particles.reserveCapacity(Int(Double(pileupCount) * config.minimumBias.multiplicityMean * 0.8) + 300)
        if config.hardScatter {
            vertexNumber += 1
            var rng = RandomStream(seed: seed, StreamTag.interaction, event, vertexNumber)
            addHardScatter(vertex: vertexNumber, into: &particles, &rng)
        }
        if let gun = config.gun, gun.count > 0 {
            vertexNumber += 1
            var rng = RandomStream(seed: seed, StreamTag.interaction, event, vertexNumber)
            let position = config.luminousRegion.sample(&rng)
            var number: UInt64 = 0
            for _ in 0 ..< min(gun.count, Int(ParticleBarcode.maxParticle)) {
                let (p, q) = gun.sample(&rng)
                number += 1
                particles.append(GeneratedParticle(barcode: ParticleBarcode(vertex: vertexNumber, particle: number),
                                                   species: gun.species, charge: q, vertex: position, momentum: p))
            }
        }
        for _ in 0 ..< pileupCount where vertexNumber < ParticleBarcode.maxVertex {
            vertexNumber += 1
            var rng = RandomStream(seed: seed, StreamTag.interaction, event, vertexNumber)
            let position = config.luminousRegion.sample(&rng)
            guard rng.uniform() >= config.minimumBias.emptyFraction else { continue }
            let mb = config.minimumBias
            let n = rng.negativeBinomial(mean: mb.multiplicityMean * acceptanceScale, shape: mb.multiplicityShape)
            var number: UInt64 = 0
            addSoft(count: n, vertex: vertexNumber, at: position, number: &number, into: &particles, &rng)
        }
        return particles
    }

    /// Whether a momentum is inside the acceptance.
    @inline(__always) func accepted(_ p: SIMD3<Double>) -> Bool {
        let pt = (p.x * p.x + p.y * p.y).squareRoot()
        return pt >= config.ptMin && abs(asinh(p.z / pt)) <= config.etaMax
    }

    /// Appends a particle if it is in the acceptance and the vertex has room for it.
    @inline(__always) func append(_ species: ParticleSpecies, charge: Int32, at position: SIMD3<Double>,
                                  momentum: SIMD3<Double>, vertex: UInt64, number: inout UInt64,
                                  into particles: inout [GeneratedParticle]) {
        guard accepted(momentum), number < ParticleBarcode.maxParticle else { return }
        number += 1
        particles.append(GeneratedParticle(barcode: ParticleBarcode(vertex: vertex, particle: number),
                                           species: species, charge: charge, vertex: position, momentum: momentum))
    }

    /// `count` prompt charged particles of a soft interaction, plus its V0 decays.
    func addSoft(count: Int, vertex: UInt64, at position: SIMD3<Double>, number: inout UInt64,
                 into particles: inout [GeneratedParticle], _ rng: inout RandomStream) {
        let mb = config.minimumBias
        for _ in 0 ..< count {
            let species = mb.sampleSpecies(&rng)
            let charge: Int32 = rng.uniform() < 0.5 ? -1 : 1
            let p = softMomentum(&rng)
            append(species, charge: charge, at: position, momentum: p, vertex: vertex, number: &number, into: &particles)
        }
        // K⁰s → π⁺π⁻ (69.2 %) and Λ → pπ⁻ (63.9 %): only the charged modes are generated, their
        // abundance is folded into v0PerChargedParticle.
        let v0Count = rng.poisson(mean: mb.v0PerChargedParticle * Double(count))
        for _ in 0 ..< v0Count {
            let isLambda = rng.uniform() < mb.lambdaFraction
            let species: ParticleSpecies = isLambda ? .lambda : .kaonShort
            let pt = softSpectrum.sample(&rng)
            let eta = rng.uniform(-config.etaMax, config.etaMax), phi = rng.uniform(-Double.pi, Double.pi)
            let parent = SIMD3(pt * cos(phi), pt * sin(phi), pt * sinh(eta))
            let pMag = (parent * parent).sum().squareRoot()
            let flight = pMag / species.mass * species.properDecayLength * rng.exponential(mean: 1)
            let decayPoint = position + parent / pMag * flight
            if isLambda {
                let anti = rng.uniform() < 0.5
                let (pp, pi) = TwoBodyDecay.decay(parent: parent, mass: species.mass, m1: ParticleSpecies.proton.mass,
                                                  m2: ParticleSpecies.pion.mass, &rng)
                append(.proton, charge: anti ? -1 : 1, at: decayPoint, momentum: pp, vertex: vertex, number: &number, into: &particles)
                append(.pion, charge: anti ? 1 : -1, at: decayPoint, momentum: pi, vertex: vertex, number: &number, into: &particles)
            } else {
                let (a, b) = TwoBodyDecay.decay(parent: parent, mass: species.mass, m1: ParticleSpecies.pion.mass,
                                                m2: ParticleSpecies.pion.mass, &rng)
                append(.pion, charge: 1, at: decayPoint, momentum: a, vertex: vertex, number: &number, into: &particles)
                append(.pion, charge: -1, at: decayPoint, momentum: b, vertex: vertex, number: &number, into: &particles)
            }
        }
        // Photons from π⁰ → γγ: each carries a uniform share of a soft π⁰'s momentum. They are kept
        // whatever their pT (only their conversion products must pass the acceptance).
        let photons = rng.poisson(mean: mb.photonsPerChargedParticle * Double(count))
        for _ in 0 ..< photons where number < ParticleBarcode.maxParticle {
            let p = softMomentum(&rng) * rng.uniformPositive()
            number += 1
            particles.append(GeneratedParticle(barcode: ParticleBarcode(vertex: vertex, particle: number), species: .photon,
                                               charge: 0, vertex: position, momentum: p))
        }
    }

    /// A soft-particle momentum: pT from the spectrum, η flat, φ flat.
    func softMomentum(_ rng: inout RandomStream) -> SIMD3<Double> {
        let pt = softSpectrum.sample(&rng)
        let eta = rng.uniform(-config.etaMax, config.etaMax), phi = rng.uniform(-Double.pi, Double.pi)
        return SIMD3(pt * cos(phi), pt * sin(phi), pt * sinh(eta))
    }

    /// The hard scatter: jets, leptons and the underlying event, all from one vertex.
    func addHardScatter(vertex: UInt64, into particles: inout [GeneratedParticle], _ rng: inout RandomStream) {
        let hs = config.hardScatterModel
        let position = config.luminousRegion.sample(&rng)
        var number: UInt64 = 0
        let jets = hs.minimumJets + rng.poisson(mean: hs.extraJetMean)
        for _ in 0 ..< jets {
            // dN/dpT ∝ pT^−a above the threshold, by inversion.
            let jetPt = hs.jetPtMin * pow(rng.uniformPositive(), -1 / (hs.jetPtPower - 1))
            let jetEta = rng.uniform(-hs.jetAbsEtaMax, hs.jetAbsEtaMax), jetPhi = rng.uniform(-Double.pi, Double.pi)
            let axis = SIMD3(cos(jetPhi) / cosh(jetEta), sin(jetPhi) / cosh(jetEta), tanh(jetEta))
            let jetP = jetPt * cosh(jetEta) * hs.chargedFraction
            let n = max(1, rng.poisson(mean: max(0, hs.jetMultiplicityOffset + hs.jetMultiplicitySlope * log(jetPt))))
            // Momentum shares: w = E^1.5 with E exponential gives a hard leading particle carrying
            // 30–40 % of the charged momentum, as in the real jets.
            var shares = (0 ..< n).map { _ in pow(rng.exponential(mean: 1), 1.5) }
            let total = shares.reduce(0, +)
            for i in shares.indices { shares[i] /= total }
            // Two unit vectors orthogonal to the axis, to place particles around it.
            let helper = abs(axis.z) < 0.9 ? SIMD3<Double>(0, 0, 1) : SIMD3<Double>(1, 0, 0)
            var e1 = SIMD3(axis.y * helper.z - axis.z * helper.y, axis.z * helper.x - axis.x * helper.z,
                           axis.x * helper.y - axis.y * helper.x)
            e1 /= (e1 * e1).sum().squareRoot()
            let e2 = SIMD3(axis.y * e1.z - axis.z * e1.y, axis.z * e1.x - axis.x * e1.z, axis.x * e1.y - axis.y * e1.x)
            for share in shares {
                let p = share * jetP
                // Collimation: the momentum transverse to the jet axis is exponential with a mean of
                // a few hundred MeV, so the opening angle shrinks as 1/p.
                let angle = min(rng.exponential(mean: hs.jetTransverseMomentum) / p, 0.5)
                let around = rng.uniform(0, 2 * Double.pi)
                let dir = axis * cos(angle) + (e1 * cos(around) + e2 * sin(around)) * sin(angle)
                let species = config.minimumBias.sampleSpecies(&rng)
                append(species, charge: rng.uniform() < 0.5 ? -1 : 1, at: position, momentum: dir * p,
                       vertex: vertex, number: &number, into: &particles)
            }
        }
        for _ in 0 ..< 2 where rng.uniform() < hs.leptonProbability {
            let species: ParticleSpecies = rng.uniform() < 0.5 ? .electron : .muon
            let pt = hs.leptonPtMin + rng.exponential(mean: hs.leptonPtMean)
            let eta = rng.uniform(-2.5, 2.5), phi = rng.uniform(-Double.pi, Double.pi)
            append(species, charge: rng.uniform() < 0.5 ? -1 : 1, at: position,
                   momentum: SIMD3(pt * cos(phi), pt * sin(phi), pt * sinh(eta)),
                   vertex: vertex, number: &number, into: &particles)
        }
        let ue = rng.negativeBinomial(mean: hs.underlyingEventMean * acceptanceScale, shape: hs.underlyingEventShape)
        addSoft(count: ue, vertex: vertex, at: position, number: &number, into: &particles, &rng)
    }
}
