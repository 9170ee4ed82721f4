import Detector
import EventData
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The quantities by which a simulated event is compared with real TrackML events: counts, noise,
/// hits per particle, hit − truth residuals and cells per hit per volume, double hits, particle
/// spectra and zero-weight hits. Values that the event cannot provide (no truth, no cells) are nil.
public struct EventStatistics: Sendable, Equatable {
    /// Per-volume figures.
    public struct VolumeFigures: Sendable, Equatable {
        /// The volume number.
        public var volume: Int32
        /// Whether the volume is a barrel.
        public var isBarrel: Bool
        /// Number of hits.
        public var hits: Int
        /// Number of noise hits (nil without truth).
        public var noiseHits: Int?
        /// Mean hits per particle, over the particles with at least one hit in the volume.
        public var hitsPerParticle: Double?
        /// Median |hit − truth| along rφ, mm.
        public var residualRPhi: Double?
        /// Median |hit − truth| along z (barrel) or r (end-cap), mm.
        public var residualSecond: Double?
        /// Median 3D distance between hit and truth, mm.
        public var residual3D: Double?
        /// Mean cells per particle hit (noise excluded).
        public var cellsPerHit: Double?
    }

    /// Number of hits.
    public var hits: Int
    /// Number of particles in the particle table (nil without one).
    public var particles: Int?
    /// Number of particles with at least one hit (from the truth, or from `nhits` without truth).
    public var particlesWithHits: Int?
    /// Fraction of hits that are noise.
    public var noiseFraction: Double?
    /// Fraction of particle hits that form a pair with another hit of the same particle on the same
    /// layer and another module (module overlaps).
    public var doubleHitFraction: Double?
    /// Fraction of particle hits in a group of three or more on one layer (or two on one module).
    public var multiHitFraction: Double?
    /// Fraction of hits whose truth weight is 0, and the same among particle (non-noise) hits.
    public var zeroWeightFraction: Double?, zeroWeightParticleHitFraction: Double?
    /// Fraction of noise hits estimated without truth: 1 − Σ nhits / hits (valid for complete events,
    /// whose `nhits` count every hit of the particle).
    public var noiseFractionFromParticles: Double?
    /// Median and mean pT (GeV), median |η| and mean `nhits` of the particles with hits.
    public var ptMedian: Double?, ptMean: Double?, absEtaMedian: Double?, hitsPerParticle: Double?
    /// Number of particles produced more than 1 mm from the beam line, and those with hits.
    public var displacedParticles: Int?, displacedWithHits: Int?
    /// Per-volume figures, by increasing volume number.
    public var volumes: [VolumeFigures]

    /// Measures `event` on `detector` (used to tell barrel from end-cap volumes).
    ///
    /// - Complexity: O(hits log hits + cells + particles).
    public init(event: Event, detector: Detector) {
        let h = event.hits
        hits = h.count
        var barrel = Set<Int32>()
        for v in detector.volumes where v.kind == .barrel { barrel.insert(v.id) }
        var byVolume: [Int32: [Int]] = [:]
        for i in 0 ..< h.count { byVolume[h.geometryID[i].volume, default: []].append(i) }
        var cellCount: [Int32]? = nil
        if let cells = event.cells { cellCount = cells.cellsPerHit(hitCount: h.count) }
        let truth = event.truth.flatMap { $0.count == h.count ? $0 : nil }

        // Particle-level figures.
        if let p = event.particles {
            particles = p.count
            var pts: [Double] = [], etas: [Double] = [], nh: [Double] = []
            var hitCounts: [UInt64: Int] = [:]
            if let t = truth { for id in t.particleID where id != 0 { hitCounts[id, default: 0] += 1 } }
            var displaced = 0, displacedHit = 0
            for i in 0 ..< p.count {
                let n = truth != nil ? hitCounts[p.particleID[i]] ?? 0 : Int(p.nHits[i])
                let r = (Double(p.vx[i]) * Double(p.vx[i]) + Double(p.vy[i]) * Double(p.vy[i])).squareRoot()
                if r > 1 { displaced += 1; if n > 0 { displacedHit += 1 } }
                guard n > 0 else { continue }
                pts.append(p.pT(i)); etas.append(abs(p.eta(i))); nh.append(Double(n))
            }
            particlesWithHits = pts.count
            if h.count > 0 { noiseFractionFromParticles = 1 - Double(p.nHits.reduce(0) { $0 + Int($1) }) / Double(h.count) }
            ptMedian = Self.median(pts); ptMean = Self.mean(pts); absEtaMedian = Self.median(etas); hitsPerParticle = Self.mean(nh)
            displacedParticles = displaced; displacedWithHits = displacedHit
        }
        if let t = truth {
            noiseFraction = h.count > 0 ? Double(t.noiseCount) / Double(h.count) : 0
            zeroWeightFraction = h.count > 0 ? Double(t.weight.filter { $0 == 0 }.count) / Double(h.count) : 0
            var particleHits = 0, zero = 0
            for i in 0 ..< h.count where t.particleID[i] != 0 { particleHits += 1; if t.weight[i] == 0 { zero += 1 } }
            zeroWeightParticleHitFraction = particleHits > 0 ? Double(zero) / Double(particleHits) : nil
            if event.particles == nil { particlesWithHits = Set(t.particleID.filter { $0 != 0 }).count }
            // Hits grouped by (particle, layer): pairs on two modules are overlaps.
            var groups: [Key: [Int]] = [:]
            for i in 0 ..< h.count where t.particleID[i] != 0 {
                groups[Key(particle: t.particleID[i], layer: h.geometryID[i].layerID), default: []].append(i)
            }
            var pair = 0, multi = 0, total = 0
            for g in groups.values {
                total += g.count
                if g.count == 2 && h.geometryID[g[0]] != h.geometryID[g[1]] { pair += 2 } else if g.count >= 2 { multi += g.count }
            }
            doubleHitFraction = total > 0 ? Double(pair) / Double(total) : 0
            multiHitFraction = total > 0 ? Double(multi) / Double(total) : 0
        }
        var figures: [VolumeFigures] = []
        for (volume, rows) in byVolume.sorted(by: { $0.key < $1.key }) {
            let isBarrel = barrel.contains(volume)
            var f = VolumeFigures(volume: volume, isBarrel: isBarrel, hits: rows.count)
            if let t = truth {
                var rphi: [Double] = [], second: [Double] = [], d3: [Double] = [], cells: [Double] = []
                var perParticle: [UInt64: Int] = [:]
                var noise = 0
                for i in rows {
                    guard t.particleID[i] != 0 else { noise += 1; continue }
                    perParticle[t.particleID[i], default: 0] += 1
                    let hx = Double(h.x[i]), hy = Double(h.y[i]), hz = Double(h.z[i])
                    let tx = Double(t.tx[i]), ty = Double(t.ty[i]), tz = Double(t.tz[i])
                    let rt = (tx * tx + ty * ty).squareRoot(), rh = (hx * hx + hy * hy).squareRoot()
                    var dphi = atan2(hy, hx) - atan2(ty, tx)
                    if dphi > Double.pi { dphi -= 2 * Double.pi } else if dphi < -Double.pi { dphi += 2 * Double.pi }
                    rphi.append(abs(dphi) * rt)
                    second.append(isBarrel ? abs(hz - tz) : abs(rh - rt))
                    d3.append(((hx - tx) * (hx - tx) + (hy - ty) * (hy - ty) + (hz - tz) * (hz - tz)).squareRoot())
                    if let c = cellCount { cells.append(Double(c[i])) }
                }
                f.noiseHits = noise
                f.hitsPerParticle = perParticle.isEmpty ? nil : Double(perParticle.values.reduce(0, +)) / Double(perParticle.count)
                f.residualRPhi = Self.median(rphi); f.residualSecond = Self.median(second); f.residual3D = Self.median(d3)
                f.cellsPerHit = cellCount == nil ? nil : Self.mean(cells)
            }
            figures.append(f)
        }
        volumes = figures
    }

    struct Key: Hashable { var particle: UInt64; var layer: GeometryID }

    static func median(_ a: [Double]) -> Double? {
        guard !a.isEmpty else { return nil }
        let s = a.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : 0.5 * (s[s.count / 2 - 1] + s[s.count / 2])
    }

    static func mean(_ a: [Double]) -> Double? { a.isEmpty ? nil : a.reduce(0, +) / Double(a.count) }
}
