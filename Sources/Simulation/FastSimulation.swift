import Detector
import EventData
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fast simulation: generates collision events, propagates their particles through a
/// ``Detector`` with material effects, digitises the sensor crossings into cells and hits, adds
/// noise, and returns TrackML-style events with full truth.
///
/// A `FastSimulation` is immutable once built and may be shared by threads. Every event depends only
/// on `(seed, event index)`: particles are simulated in parallel chunks, each particle (and its
/// secondaries) from its own random stream, modules are digitised from per-module streams, and all
/// results are merged in a fixed order — so the output is bit-identical for every thread count.
///
/// The truth weights are left at 0: the TrackML weight definition lives in `Evaluation`
/// (`TrackMLWeights`), a higher layer; the CLI fills them in.
public struct FastSimulation: Sendable {
    /// The detector.
    public let detector: Detector
    /// The configuration.
    public let config: SimulationConfig
    /// The event generator built from the configuration.
    public let generator: EventGenerator
    let geometry: SimulationGeometry
    let propagator: ParticlePropagator
    /// Digitisation settings and Lorentz displacement per drift mm (local u, v) of every module.
    let moduleDigitization: [DigitizationConfig]
    let moduleLorentz: [SIMD2<Double>]

    /// Primaries per parallel chunk of the propagation, and modules per chunk of the digitisation.
    static let particleChunk = 48, moduleChunk = 512

    /// Prepares the simulation of `detector` with `config`.
    ///
    /// - Throws: ``SimulationError`` when the detector has no layers or the configuration is invalid.
    public init(detector: Detector, config: SimulationConfig) throws {
        self.detector = detector
        self.config = config
        generator = try EventGenerator(config: config.generator)
        geometry = try SimulationGeometry(detector: detector)
        let field = PropagationField.make(detector: detector)
        propagator = ParticlePropagator(geometry: geometry, field: field, physics: config.physics,
                                        ptMin: config.generator.ptMin, etaMax: config.generator.etaMax)
        let nominal = (field.field(at: .zero) * field.field(at: .zero)).sum().squareRoot()
        var digitization: [DigitizationConfig] = [], lorentz: [SIMD2<Double>] = []
        digitization.reserveCapacity(geometry.sensors.count); lorentz.reserveCapacity(geometry.sensors.count)
        for s in geometry.sensors {
            let layer = detector.layers[Int(s.layer)]
            let c = config.digitization.config(volume: layer.volume, kind: layer.kind, pitchU: s.pitchU, pitchV: s.pitchV)
            digitization.append(c)
            // Charge drifting along w in a field B moves sideways along ±(w × B) = ±(−B_v, B_u) in local
            // (u, v), the sign set by the carrier type; the sign taken here adds the drift to the
            // geometric spread of the tilted TrackML barrel modules, as their cluster widths require.
            let b = s.directionToLocal(field.field(at: s.centre))
            lorentz.append(nominal > 0 ? SIMD2(b.y, -b.x) / nominal * c.lorentzTangent : .zero)
        }
        moduleDigitization = digitization; moduleLorentz = lorentz
    }

    /// Generates and simulates event `index` of the run with `seed`, on up to `threads` threads.
    public func simulate(event index: UInt64, seed: UInt64, threads: Int = 1) -> SimulatedEvent {
        simulate(particles: generator.generate(seed: seed, event: index), event: index, seed: seed, threads: threads)
    }

    /// Simulates the given particles as event `index` of the run with `seed`.
    public func simulate(particles primaries: [GeneratedParticle], event index: UInt64, seed: UInt64,
                         threads: Int = 1) -> SimulatedEvent {
        // 1. Propagation, in chunks of primaries.
        let chunkCount = (primaries.count + Self.particleChunk - 1) / Self.particleChunk
        let moduleCount = geometry.sensors.count
        let chunks = ParallelChunks.run(count: chunkCount, threads: threads,
                                        makeLane: { PropagationScratch(moduleCount: moduleCount) }) { chunk, scratch in
            var particles: [SimulatedParticle] = [], crossings: [SensorCrossing] = []
            let lo = chunk * Self.particleChunk, hi = min(lo + Self.particleChunk, primaries.count)
            for i in lo ..< hi {
                propagator.simulate(primary: primaries[i], seed: seed, event: index,
                                    scratch: &scratch, particles: &particles, crossings: &crossings)
            }
            return (particles, crossings)
        }
        var particles: [SimulatedParticle] = [], crossings: [SensorCrossing] = []
        particles.reserveCapacity(chunks.reduce(0) { $0 + $1.0.count })
        crossings.reserveCapacity(chunks.reduce(0) { $0 + $1.1.count })
        for (p, c) in chunks {
            let base = Int32(particles.count)
            particles.append(contentsOf: p)
            crossings.append(contentsOf: c.map { var x = $0; x.particle += base; return x })
        }
        // 2. Crossings grouped by module (stable: flight order within a module is kept).
        var start = [Int32](repeating: 0, count: moduleCount + 1)
        for c in crossings { start[Int(c.module) + 1] += 1 }
        for m in 0 ..< moduleCount { start[m + 1] += start[m] }
        var fill = start
        var byModule = [Int32](repeating: 0, count: crossings.count)
        for (k, c) in crossings.enumerated() { byModule[Int(fill[Int(c.module)])] = Int32(k); fill[Int(c.module)] += 1 }
        // 3. Digitisation, in chunks of modules.
        let moduleChunks = (moduleCount + Self.moduleChunk - 1) / Self.moduleChunk
        let digitized = ParallelChunks.run(count: moduleChunks, threads: threads, makeLane: { () }) { chunk, _ in
            var out: [(module: Int32, cluster: ModuleDigitizer.Cluster)] = []
            let lo = chunk * Self.moduleChunk, hi = min(lo + Self.moduleChunk, moduleCount)
            for m in lo ..< hi {
                let config = moduleDigitization[m]
                let first = Int(start[m]), last = Int(start[m + 1])
                guard last > first || config.noisePerModule > 0 else { continue }
                var rng = RandomStream(seed: seed, StreamTag.digitization, index, UInt64(m))
                var segments: [ModuleDigitizer.Segment] = []
                for k in first ..< last {
                    let c = crossings[Int(byModule[k])]
                    // Dead or inefficient channels: the crossing leaves nothing.
                    if config.inefficiency > 0, rng.uniform() < config.inefficiency { continue }
                    segments.append(.init(local: c.local, direction: c.localDirection, crossing: byModule[k]))
                }
                if config.noisePerModule > 0 {
                    for _ in 0 ..< rng.poisson(mean: config.noisePerModule) {
                        segments.append(noiseSegment(module: m, &rng))
                    }
                }
                guard !segments.isEmpty else { continue }
                let digitizer = ModuleDigitizer(sensor: geometry.sensors[m], config: config, lorentz: moduleLorentz[m])
                for cluster in digitizer.digitize(segments, &rng) { out.append((Int32(m), cluster)) }
            }
            return out
        }
        // 4. Assembly: hits in module order, cells per hit, truth aligned with hits.
        var hits = Hits(), cells = Cells(), truth = Truth()
        let hitCount = digitized.reduce(0) { $0 + $1.count }
        hits.reserveCapacity(hitCount); truth.reserveCapacity(hitCount)
        var nHits = [Int32](repeating: 0, count: particles.count)
        for chunk in digitized {
            for (m, cluster) in chunk {
                let row = Int32(hits.count)
                let sensor = geometry.sensors[Int(m)]
                let g = sensor.toGlobal(SIMD3(cluster.local.x, cluster.local.y, 0))
                hits.append(hitID: Int64(row) + 1, x: Float(g.x), y: Float(g.y), z: Float(g.z),
                            geometryID: detector.modules.id[Int(m)])
                for cell in cluster.cells {
                    cells.append(hitIndex: row, channel0: cell.channel0, channel1: cell.channel1, value: cell.value)
                }
                if cluster.crossing >= 0 {
                    let c = crossings[Int(cluster.crossing)]
                    nHits[Int(c.particle)] += 1
                    truth.append(particleID: particles[Int(c.particle)].barcode.rawValue,
                                 tx: Float(c.position.x), ty: Float(c.position.y), tz: Float(c.position.z),
                                 tpx: Float(c.momentum.x), tpy: Float(c.momentum.y), tpz: Float(c.momentum.z), weight: 0)
                } else {
                    truth.append(particleID: 0, tx: Float(g.x), ty: Float(g.y), tz: Float(g.z), tpx: 0, tpy: 0, tpz: 0, weight: 0)
                }
            }
        }
        var table = Particles(withType: true)
        for (k, p) in particles.enumerated() {
            table.append(id: p.barcode.rawValue, type: p.pdgCode, vx: Float(p.vertex.x), vy: Float(p.vertex.y),
                         vz: Float(p.vertex.z), px: Float(p.momentum.x), py: Float(p.momentum.y), pz: Float(p.momentum.z),
                         charge: p.charge, nHits: nHits[k])
        }
        let event = Event(eventID: Int64(index), hits: hits, cells: cells, particles: table, truth: truth)
        return SimulatedEvent(event: event, particles: particles, crossingCount: crossings.count,
                              primaryCount: primaries.count)
    }

    /// A noise hit's charge: a straight path through the sensor at a random point of its outline,
    /// with an incidence uniform in solid angle down to cos α = 0.5 (noise clusters in the real
    /// TrackML data are 2–7 cells large, like the clusters of inclined tracks).
    func noiseSegment(module m: Int, _ rng: inout RandomStream) -> ModuleDigitizer.Segment {
        let s = geometry.sensors[m]
        var u = 0.0, v = 0.0
        repeat {
            u = rng.uniform(-s.maxHalfU, s.maxHalfU); v = rng.uniform(-s.halfV, s.halfV)
        } while !s.contains(u: u, v: v)
        let cosA = rng.uniform(0.5, 1), phi = rng.uniform(0, 2 * Double.pi)
        let sinA = (1 - cosA * cosA).squareRoot()
        return .init(local: SIMD2(u, v), direction: SIMD3(sinA * cos(phi), sinA * sin(phi), cosA), crossing: -1)
    }
}
