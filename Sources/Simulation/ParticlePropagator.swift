import Detector
import GeometryShim
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Follows particles through the detector: from layer to layer along analytic helices (uniform
/// field) or Runge–Kutta trajectories (field map), intersecting every sensor of every layer crossed,
/// recording the crossings and applying the material effects of each sensor.
///
/// Navigation: the next layer is the nearest of the neighbouring barrel cylinders (by radius) and the
/// next end-cap disc (by z) along the trajectory. At a layer, the trajectory is intersected with every
/// module listed in the ``LayerGrid`` bins it passes within the layer's sensor envelope, so staggered
/// and overlapping modules each give their own crossing (the double hits of real data). The crossings
/// of one layer are processed in flight order; material effects at one sensor change the trajectory
/// towards the next.
///
/// Randomness: a particle and all its descendants draw from the stream
/// `(seed, propagation, event, primary barcode)` — each descendant from its own barcode's stream — so
/// the result does not depend on which thread simulates which particle.
struct ParticlePropagator: Sendable {
    let geometry: SimulationGeometry
    let field: PropagationField
    let physics: PhysicsConfig
    let ptMin: Double
    let etaMax: Double

    /// Largest window (mm) either side of a layer's reference surface searched for sensors.
    static let maximumWindow = 150.0
    /// Paths shorter than this (mm) do not count as leaving a surface.
    static let surfaceTolerance = 1e-6

    /// A particle in flight.
    struct State {
        var position: SIMD3<Double>
        var direction: SIMD3<Double>
        var momentum: Double
    }

    /// What happened to a particle at a sensor or layer.
    enum Fate { case continues, stopped }

    /// Simulates `primary` and every secondary it produces; appends the charged ones to `particles`
    /// and their sensor crossings to `crossings` (whose particle field is the row in `particles`).
    func simulate(primary: GeneratedParticle, seed: UInt64, event: UInt64,
                  scratch: inout PropagationScratch, particles: inout [SimulatedParticle],
                  crossings: inout [SensorCrossing]) {
        var work: [GeneratedParticle] = [primary]
        var secondaryVertices: UInt64 = 0
        while let particle = work.popLast() {
            var rng = RandomStream(seed: seed, StreamTag.propagation, event, particle.barcode.rawValue)
            var row: Int32 = -1
            if particle.charge != 0 {
                row = Int32(particles.count)
                particles.append(SimulatedParticle(barcode: particle.barcode, species: particle.species,
                                                   charge: particle.charge, vertex: particle.vertex,
                                                   momentum: particle.momentum))
            }
            var products: [GeneratedParticle] = []
            follow(particle, row: row, rng: &rng, scratch: &scratch, crossings: &crossings,
                   secondaryVertices: &secondaryVertices, products: &products)
            // Depth-first in creation order: reversed so that popLast takes the first product first.
            work.append(contentsOf: products.reversed())
        }
    }

    /// Follows one particle until it leaves the detector, stops or reaches a limit.
    func follow(_ particle: GeneratedParticle, row: Int32, rng: inout RandomStream, scratch: inout PropagationScratch,
                crossings: inout [SensorCrossing], secondaryVertices: inout UInt64, products: inout [GeneratedParticle]) {
        let p0 = particle.p
        guard p0 > 0, p0.isFinite, particle.pT >= physics.propagationPtMin else { return }
        var state = State(position: particle.vertex, direction: particle.momentum / p0, momentum: p0)
        let charge = Double(particle.charge)
        var path = 0.0, turned = 0.0
        let turnLimit = physics.loopTurns * 2 * Double.pi
        while true {
            let bz = field.field(at: state.position).z
            let helix = Helix(position: state.position, direction: state.direction, momentum: state.momentum,
                              charge: charge, bz: bz)
            let absH = abs(helix.curvature)
            var budget = physics.maxPathLength - path
            if absH > 0 { budget = min(budget, (turnLimit - turned) / absH) }
            guard budget > 0 else { return }
            guard let (step, surface) = nextSurface(helix, state.position) else { return }
            // The world boundary.
            var exit = budget
            if let s = helix.cylinderCrossing(radius: geometry.worldRadius, after: Self.surfaceTolerance) { exit = min(exit, s) }
            if let s = helix.zPlaneCrossing(z: state.direction.z > 0 ? geometry.worldHalfLength : -geometry.worldHalfLength,
                                            after: 0) { exit = min(exit, s) }
            guard step < exit else { return }
            var travelled = step
            switch field {
            case .uniform:
                state.position = helix.position(at: step)
                state.direction = helix.direction(at: step)
            case .map(let box):
                guard let (pos, dir, s) = rungeKutta(state, charge: charge, box: box, surface: surface, predicted: step) else { return }
                state.position = pos; state.direction = dir; travelled = s
            }
            path += travelled
            turned += absH * travelled
            // Skip surfaces crossed far outside their sensors.
            let p = state.position
            let second = surface.kind == .barrel ? p.z : (p.x * p.x + p.y * p.y).squareRoot()
            guard second >= surface.secondMin - Self.maximumWindow, second <= surface.secondMax + Self.maximumWindow else { continue }
            let fate = crossSurface(surface, state: &state, charge: charge, particle: particle, row: row,
                                  sinceLast: travelled, path: &path, turned: &turned, rng: &rng, scratch: &scratch,
                                  crossings: &crossings, secondaryVertices: &secondaryVertices, products: &products)
            if case .stopped = fate { return }
        }
    }

    /// The path length to the next navigation surface along `helix`, and that surface.
    func nextSurface(_ helix: Helix, _ position: SIMD3<Double>) -> (Double, NavigationSurface)? {
        var best: (Double, NavigationSurface)? = nil
        let radii = geometry.barrelRadii
        if !radii.isEmpty {
            let r = (position.x * position.x + position.y * position.y).squareRoot()
            // Index of the first radius above r; the next crossing is one of the neighbours.
            var lo = 0, hi = radii.count
            while lo < hi { let mid = (lo + hi) >> 1; if radii[mid] <= r { lo = mid + 1 } else { hi = mid } }
            for k in max(0, lo - 2) ..< min(radii.count, lo + 2) {
                if let s = helix.cylinderCrossing(radius: radii[k], after: Self.surfaceTolerance), s < (best?.0 ?? .infinity) {
                    best = (s, geometry.barrelSurfaces[k])
                }
            }
        }
        let zs = geometry.discZ
        let dz = helix.direction.z
        if !zs.isEmpty, dz != 0 {
            var k: Int? = nil
            if dz > 0 {
                var lo = 0, hi = zs.count
                while lo < hi { let mid = (lo + hi) >> 1; if zs[mid] <= position.z + Self.surfaceTolerance { lo = mid + 1 } else { hi = mid } }
                if lo < zs.count { k = lo }
            } else {
                var lo = 0, hi = zs.count
                while lo < hi { let mid = (lo + hi) >> 1; if zs[mid] < position.z - Self.surfaceTolerance { lo = mid + 1 } else { hi = mid } }
                if lo > 0 { k = lo - 1 }
            }
            if let k, let s = helix.zPlaneCrossing(z: zs[k], after: 0), s < (best?.0 ?? .infinity) {
                best = (s, geometry.discSurfaces[k])
            }
        }
        return best
    }

    /// Runge–Kutta propagation (shim) to `surface`, expected after about `predicted` mm: the
    /// position, direction and path length, or nil when it is not reached.
    func rungeKutta(_ state: State, charge: Double, box: FieldBox, surface: NavigationSurface, predicted: Double)
        -> (SIMD3<Double>, SIMD3<Double>, Double)? {
        var pos = [state.position.x, state.position.y, state.position.z]
        var mom = [state.direction.x * state.momentum, state.direction.y * state.momentum, state.direction.z * state.momentum]
        var outPos = [0.0, 0.0, 0.0], outDir = [0.0, 0.0, 0.0], outS = 0.0
        let ctx = Unmanaged.passUnretained(box).toOpaque()
        let sMax = 1.5 * predicted + 20
        let status: Int32
        if surface.kind == .barrel {
            status = weft_shim_rk_cylinder(&pos, &mom, charge, FieldBox.callback, ctx, nil, surface.reference,
                                           Self.surfaceTolerance, sMax, &outPos, &outDir, &outS)
        } else {
            var point = [0.0, 0.0, surface.reference], normal = [0.0, 0.0, 1.0]
            status = weft_shim_rk_plane(&pos, &mom, charge, FieldBox.callback, ctx, nil, &point, &normal,
                                        Self.surfaceTolerance, sMax, &outPos, &outDir, &outS)
        }
        guard status == WEFT_SHIM_OK else { return nil }
        return (SIMD3(outPos[0], outPos[1], outPos[2]), SIMD3(outDir[0], outDir[1], outDir[2]), outS)
    }

    /// Crosses one navigation surface: finds every sensor of its layers that the trajectory passes
    /// within their envelope around the reference point `state`, and processes them in flight order.
    func crossSurface(_ surface: NavigationSurface, state: inout State, charge: Double, particle: GeneratedParticle,
                    row: Int32, sinceLast: Double, path: inout Double, turned: inout Double, rng: inout RandomStream,
                    scratch: inout PropagationScratch, crossings: inout [SensorCrossing],
                    secondaryVertices: inout UInt64, products: inout [GeneratedParticle]) -> Fate {
        let bz = field.field(at: state.position).z
        var helix = Helix(position: state.position, direction: state.direction, momentum: state.momentum, charge: charge, bz: bz)
        // Rate at which the trajectory moves through the layer (dr/ds or dz/ds) and the window of
        // path lengths in which it is inside the sensor envelope.
        let p = state.position, d = state.direction
        let rate: Double
        if surface.kind == .barrel {
            let r = (p.x * p.x + p.y * p.y).squareRoot()
            rate = r > 0 ? (p.x * d.x + p.y * d.y) / r : 1
        } else {
            rate = d.z
        }
        let speed = max(abs(rate), 0.01)
        let (back, ahead) = rate >= 0 ? (surface.depthBelow, surface.depthAbove) : (surface.depthAbove, surface.depthBelow)
        let lower = -min(back / speed + 0.5, Self.maximumWindow, max(sinceLast - Self.surfaceTolerance, 0))
        let upper = min(ahead / speed + 0.5, Self.maximumWindow)
        collectCandidates(surface, helix: helix, lower: lower, upper: upper, scratch: &scratch)
        guard !scratch.candidates.isEmpty else { return .continues }
        // Crossings on the unperturbed trajectory.
        scratch.accepted.removeAll(keepingCapacity: true)
        for m in scratch.candidates {
            if let s = sensorCrossing(helix, module: m, lower: lower, upper: upper) {
                scratch.accepted.append((s, m))
            }
        }
        guard !scratch.accepted.isEmpty else { return .continues }
        scratch.accepted.sort { $0.s < $1.s || ($0.s == $1.s && $0.module < $1.module) }
        var pending = scratch.accepted.map(\.module)
        var offset = 0.0            // path length of helix.origin beyond the reference point
        var floor = lower
        while !pending.isEmpty {
            // The next sensor along the (possibly scattered) trajectory.
            var next: (s: Double, index: Int)? = nil
            for (k, m) in pending.enumerated() {
                if let s = sensorCrossing(helix, module: m, lower: floor, upper: upper - offset), s < (next?.s ?? .infinity) {
                    next = (s, k)
                }
            }
            guard let (s, k) = next else { break }
            let module = pending.remove(at: k)
            let position = helix.position(at: s), direction = helix.direction(at: s)
            path += s; turned += abs(helix.curvature) * s; offset += s
            state = State(position: position, direction: direction, momentum: state.momentum)
            let fate = interact(at: module, state: &state, charge: charge, particle: particle, row: row,
                                rng: &rng, crossings: &crossings, secondaryVertices: &secondaryVertices, products: &products)
            if case .stopped = fate { return .stopped }
            helix = Helix(position: state.position, direction: state.direction, momentum: state.momentum, charge: charge,
                          bz: field.field(at: state.position).z)
            floor = Self.surfaceTolerance
        }
        // Leave the layer from its reference surface, so that the next search does not find it again.
        if offset < 0 {
            let s = surface.kind == .barrel
                ? helix.cylinderCrossing(radius: surface.reference, after: 0)
                : helix.zPlaneCrossing(z: surface.reference, after: 0)
            if let s, s <= -offset + 1 {
                state.position = helix.position(at: s); state.direction = helix.direction(at: s)
                path += s; turned += abs(helix.curvature) * s
            }
        }
        return .continues
    }

    /// Lists the modules of the layers of `surface` whose bins the trajectory passes for path lengths
    /// in [lower, upper].
    func collectCandidates(_ surface: NavigationSurface, helix: Helix, lower: Double, upper: Double, scratch: inout PropagationScratch) {
        scratch.beginQuery()
        let samples = 2 + Int((upper - lower) / 10)
        var phiLo = Double.infinity, phiHi = -Double.infinity, secLo = Double.infinity, secHi = -Double.infinity
        var phiRef = 0.0
        for k in 0 ... samples {
            let s = lower + (upper - lower) * Double(k) / Double(samples)
            let q = helix.position(at: s)
            let r = (q.x * q.x + q.y * q.y).squareRoot()
            var phi = atan2(q.y, q.x)
            if k == 0 { phiRef = phi } else {
                // Unwrap relative to the first sample.
                while phi - phiRef > Double.pi { phi -= 2 * Double.pi }
                while phi - phiRef < -Double.pi { phi += 2 * Double.pi }
            }
            // Samples 10 mm apart on a radius ≥ 80 mm deviate from the chord by ≤ 0.16 mm; widen by
            // 0.5 mm. Near the axis a small displacement is a large φ change: take every φ.
            let dphi = r > 1 ? 0.5 / r : 2 * Double.pi
            phiLo = min(phiLo, phi - dphi); phiHi = max(phiHi, phi + dphi)
            let sc = surface.kind == .barrel ? q.z : r
            secLo = min(secLo, sc - 0.5); secHi = max(secHi, sc + 0.5)
        }
        for layer in surface.members {
            geometry.grids[Int(layer)].forEachCandidate(phiLo: phiLo, phiHi: phiHi, secLo: secLo, secHi: secHi) { scratch.visit($0) }
        }
    }

    /// The path length in [lower, upper] at which `helix` crosses the mid-plane of `module` inside its
    /// outline, or nil.
    @inline(__always) func sensorCrossing(_ helix: Helix, module: Int32, lower: Double, upper: Double) -> Double? {
        let sensor = geometry.sensors[Int(module)]
        let f0 = ((helix.origin - sensor.centre) * sensor.w).sum()
        let df = (helix.direction * sensor.w).sum()
        guard abs(df) > 1e-9 else { return nil }
        let guess = min(max(-f0 / df, lower), upper)
        guard let s = helix.planeCrossing(point: sensor.centre, normal: sensor.w, guess: guess,
                                          lower: lower - 1e-9, upper: upper + 1e-9) else { return nil }
        let local = sensor.toLocal(helix.position(at: s))
        return sensor.contains(u: local.x, v: local.y) ? s : nil
    }

    /// Records the crossing of `module` and applies its material: scattering, energy loss, nuclear
    /// interactions (hadrons) and conversions (photons).
    func interact(at module: Int32, state: inout State, charge: Double, particle: GeneratedParticle,
                  row: Int32, rng: inout RandomStream, crossings: inout [SensorCrossing],
                  secondaryVertices: inout UInt64, products: inout [GeneratedParticle]) -> Fate {
        let sensor = geometry.sensors[Int(module)]
        let localDirection = sensor.directionToLocal(state.direction)
        if row >= 0 {
            let local = sensor.toLocal(state.position)
            crossings.append(SensorCrossing(module: module, particle: row, position: state.position,
                                            momentum: state.direction * state.momentum,
                                            local: SIMD2(local.x, local.y), localDirection: localDirection))
        }
        // Material along the actual path: x/X0 at normal incidence over the cosine of incidence
        // (bounded for grazing crossings, where the path is limited by the sensor's size).
        let x = geometry.grids[Int(sensor.layer)].materialX0 / max(abs(localDirection.z), 0.05)
        guard x > 0 else { return .continues }
        let species = particle.species
        if species == .photon {
            if rng.uniform() < MaterialEffects.conversionProbability(radiationLengths: x, scale: physics.conversionScale) {
                convert(particle, at: state, rng: &rng, secondaryVertices: &secondaryVertices, products: &products)
                return .stopped
            }
            return .continues
        }
        let mass = species.mass
        let p = state.momentum
        let energy = (p * p + mass * mass).squareRoot()
        if physics.multipleScattering {
            let theta0 = MaterialEffects.highlandWidth(momentum: p, beta: p / energy, charge: charge, radiationLengths: x)
            state.direction = MaterialEffects.scatter(state.direction, theta0: theta0, &rng)
        }
        if physics.energyLoss {
            var e = energy
            if species == .electron {
                e -= MaterialEffects.electronIonisationLoss(radiationLengths: x)
                e *= MaterialEffects.bremsstrahlungRetainedFraction(radiationLengths: x, &rng)
            } else {
                e -= MaterialEffects.betheBlochMeanLoss(momentum: p, mass: mass, charge: charge, radiationLengths: x)
            }
            guard e > mass else { return .stopped }
            state.momentum = (e * e - mass * mass).squareRoot()
            if state.momentum < physics.minimumMomentum { return .stopped }
        }
        if species.isHadron, physics.nuclearInteractionScale > 0,
           rng.uniform() < MaterialEffects.nuclearInteractionProbability(radiationLengths: x, scale: physics.nuclearInteractionScale) {
            nuclearInteraction(particle, at: state, rng: &rng, secondaryVertices: &secondaryVertices, products: &products)
            return .stopped
        }
        return .continues
    }

    /// An inelastic nuclear interaction: the hadron is absorbed and 1 + Poisson(n̄) charged products
    /// (protons and pions, isotropic, gamma-distributed momentum) emerge from the crossing point.
    func nuclearInteraction(_ parent: GeneratedParticle, at state: State, rng: inout RandomStream,
                            secondaryVertices: inout UInt64, products: inout [GeneratedParticle]) {
        guard parent.barcode.generation < UInt64(physics.maxGeneration) else { return }
        secondaryVertices += 1
        let count = 1 + rng.poisson(mean: physics.nuclearMultiplicity)
        var index: UInt64 = 0
        for _ in 0 ..< count {
            let isProton = rng.uniform() < physics.nuclearProtonFraction
            let charge: Int32 = isProton ? 1 : (rng.uniform() < 0.5 ? -1 : 1)
            let p = rng.gamma(shape: 3) * physics.nuclearMomentumMean / 3
            let (dx, dy, dz) = rng.isotropicDirection()
            index += 1
            addProduct(parent, vertex: secondaryVertices, index: index, species: isProton ? .proton : .pion, charge: charge,
                       at: state.position, momentum: SIMD3(dx, dy, dz) * p, products: &products)
        }
    }

    /// A photon conversion: an e⁺e⁻ pair sharing the photon's momentum (energy fraction uniform, the
    /// high-energy Bethe–Heitler spectrum being nearly flat), both along the photon's direction.
    func convert(_ photon: GeneratedParticle, at state: State, rng: inout RandomStream,
                 secondaryVertices: inout UInt64, products: inout [GeneratedParticle]) {
        guard photon.barcode.generation < UInt64(physics.maxGeneration) else { return }
        secondaryVertices += 1
        let share = rng.uniform()
        let momentum = state.direction * state.momentum
        addProduct(photon, vertex: secondaryVertices, index: 1, species: .electron, charge: -1, at: state.position,
                   momentum: momentum * share, products: &products)
        addProduct(photon, vertex: secondaryVertices, index: 2, species: .electron, charge: 1, at: state.position,
                   momentum: momentum * (1 - share), products: &products)
    }

    /// Appends a secondary if it is inside the acceptance (the recorded-particle cuts of the generator).
    func addProduct(_ parent: GeneratedParticle, vertex: UInt64, index: UInt64, species: ParticleSpecies, charge: Int32,
                    at position: SIMD3<Double>, momentum: SIMD3<Double>, products: inout [GeneratedParticle]) {
        let pt = (momentum.x * momentum.x + momentum.y * momentum.y).squareRoot()
        guard pt >= ptMin, abs(asinh(momentum.z / pt)) <= etaMax else { return }
        products.append(GeneratedParticle(barcode: parent.barcode.daughter(secondaryVertex: vertex, index: index),
                                          species: species, charge: charge, vertex: position, momentum: momentum))
    }
}
