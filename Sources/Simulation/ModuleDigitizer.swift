#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the sensor crossings (and noise) of one module into cells and clustered hits.
///
/// Every crossing deposits charge uniformly along its straight path through the sensor thickness
/// (charge in path-equivalent mm). On its way to the readout side (w = +thickness/2) the charge drifts
/// sideways by the Lorentz angle — in proportion to the in-plane field component and the drift
/// distance — and spreads into a Gaussian cloud; each cell collects the integral of the cloud over its
/// area. Cells above threshold are read out (analog value or binary 1); 8-connected cells form a
/// cluster whose hit sits at the charge-weighted centroid of the cell centres (optionally corrected
/// for the mean Lorentz displacement, half the thickness times the drift slope, as the cluster
/// reconstruction of real detectors does). A cluster's truth is
/// the crossing that contributed most of its charge; clusters made only of noise charge are noise.
struct ModuleDigitizer {
    /// One read-out cell of a cluster.
    struct Cell: Equatable {
        var channel0: Int32, channel1: Int32
        var value: Float
    }

    /// One clustered hit.
    struct Cluster {
        /// Local (u, v) of the hit, mm.
        var local: SIMD2<Double>
        /// Index of the truth crossing in the caller's list, or −1 for noise.
        var crossing: Int32
        var cells: [Cell]
    }

    /// A straight path through the sensor to be digitised: its mid-plane point and local direction.
    struct Segment {
        var local: SIMD2<Double>
        var direction: SIMD3<Double>
        /// Index of the crossing, or −1 for noise.
        var crossing: Int32
    }

    let sensor: SensorSurface
    let config: DigitizationConfig
    /// Lorentz displacement per mm of drift, in local (u, v) (tangent × in-plane field / nominal field).
    let lorentz: SIMD2<Double>

    /// Number of cells along u and v.
    var cellsU: Int { max(1, Int((2 * sensor.maxHalfU / sensor.pitchU).rounded(.up))) }
    var cellsV: Int { max(1, Int((2 * sensor.halfV / sensor.pitchV).rounded(.up))) }

    /// Digitises `segments` (crossings in flight order, then noise); `rng` draws the cell-charge
    /// fluctuations, in cell order.
    func digitize(_ segments: [Segment], _ rng: inout RandomStream) -> [Cluster] {
        var deposits: [(key: Int64, source: Int32, charge: Double)] = []
        for (k, seg) in segments.enumerated() { deposit(seg, source: Int32(k), into: &deposits) }
        guard !deposits.isEmpty else { return [] }
        deposits.sort { $0.key < $1.key || ($0.key == $1.key && $0.source < $1.source) }
        // Merge deposits into cells, keeping each cell's contributions by source.
        var keys: [Int64] = [], charge: [Double] = [], contributionStart: [Int] = []
        var contributions: [(source: Int32, charge: Double)] = []
        for d in deposits {
            if keys.last != d.key {
                keys.append(d.key); charge.append(0); contributionStart.append(contributions.count)
            }
            charge[charge.count - 1] += d.charge
            if let last = contributions.last, contributionStart.last! < contributions.count, last.source == d.source {
                contributions[contributions.count - 1].charge += d.charge
            } else {
                contributions.append((d.source, d.charge))
            }
        }
        contributionStart.append(contributions.count)
        // Cell-charge fluctuations (the contributions keep their shares of the fluctuated charge).
        if config.chargeNoise > 0 {
            for i in charge.indices { charge[i] = max(0, charge[i] * (1 + config.chargeNoise * rng.normal())) }
        }
        // Threshold.
        var alive: [Int] = []
        for i in keys.indices where charge[i] > 0 && charge[i] >= config.threshold { alive.append(i) }
        guard !alive.isEmpty else { return [] }
        // 8-connected components (union–find over the sorted keys).
        var parent = Array(0 ..< alive.count)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var position: [Int64: Int] = [:]
        position.reserveCapacity(alive.count)
        for (k, i) in alive.enumerated() { position[keys[i]] = k }
        for (k, i) in alive.enumerated() {
            let (cu, cv) = Self.split(keys[i])
            for du in -1 ... 1 { for dv in -1 ... 1 where du != 0 || dv != 0 {
                if let other = position[Self.key(cu + Int32(du), cv + Int32(dv))] {
                    let a = find(k), b = find(other)
                    if a != b { parent[max(a, b)] = min(a, b) }
                }
            } }
        }
        var clusterOf: [Int: Int] = [:]
        var members: [[Int]] = []
        for k in alive.indices {
            let root = find(k)
            if let c = clusterOf[root] { members[c].append(k) } else { clusterOf[root] = members.count; members.append([k]) }
        }
        var clusters: [Cluster] = []
        clusters.reserveCapacity(members.count)
        for list in members {
            var sumW = 0.0, su = 0.0, sv = 0.0
            var bySource: [Int32: Double] = [:]
            var cells: [Cell] = []
            for k in list {
                let i = alive[k]
                let (cu, cv) = Self.split(keys[i])
                let value = config.readout == .binary ? 1.0 : charge[i] * config.chargeScale
                let weight = config.readout == .binary ? 1.0 : charge[i]
                su += weight * Self.cellCentre(cu, edge: 2 * sensor.maxHalfU / sensor.pitchU)
                sv += weight * Self.cellCentre(cv, edge: 2 * sensor.halfV / sensor.pitchV)
                sumW += weight
                cells.append(Cell(channel0: cu, channel1: cv, value: Float(value)))
                for c in contributionStart[i] ..< contributionStart[i + 1] {
                    bySource[contributions[c].source, default: 0] += contributions[c].charge
                }
            }
            // Truth: the largest contributor; ties go to the earlier source.
            var best: (source: Int32, charge: Double) = (-1, -1)
            for (source, q) in bySource where q > best.charge || (q == best.charge && source < best.source) { best = (source, q) }
            let correction = config.correctLorentzShift ? lorentz * sensor.halfThickness : .zero
            let u = su / sumW * sensor.pitchU - sensor.maxHalfU - correction.x
            let v = sv / sumW * sensor.pitchV - sensor.halfV - correction.y
            clusters.append(Cluster(local: SIMD2(u, v), crossing: segments[Int(best.source)].crossing, cells: cells))
        }
        return clusters
    }

    /// Deposits the charge of one segment as (cell, charge) pairs.
    func deposit(_ seg: Segment, source: Int32, into deposits: inout [(key: Int64, source: Int32, charge: Double)]) {
        let t = 2 * sensor.halfThickness
        // Grazing paths are cut at 20 thicknesses (the charge of longer ones rarely stays in one sensor).
        let dw = max(abs(seg.direction.z), 0.05)
        let slope = SIMD2(seg.direction.x, seg.direction.y) / dw * (seg.direction.z < 0 ? -1 : 1)
        let pathLength = t / dw
        let projected = (slope * slope).sum().squareRoot() * t
        let minPitch = min(sensor.pitchU, sensor.pitchV)
        let steps = min(max(Int((projected / (0.25 * minPitch)).rounded(.up)), 4), 400)
        let q = pathLength / Double(steps)
        let sigma = config.diffusionSigma
        let nu = cellsU, nv = cellsV
        for k in 0 ..< steps {
            // Depth w of the step's centre, from the entry face (−t/2) to the exit face (+t/2).
            let w = -sensor.halfThickness + (Double(k) + 0.5) * t / Double(steps)
            let drift = sensor.halfThickness - w
            let p = seg.local + slope * w + lorentz * drift
            if sigma < 0.05 * minPitch {
                let iu = Int32(((p.x + sensor.maxHalfU) / sensor.pitchU).rounded(.down))
                let iv = Int32(((p.y + sensor.halfV) / sensor.pitchV).rounded(.down))
                if valid(iu, iv, nu, nv) { deposits.append((Self.key(iu, iv), source, q)) }
                continue
            }
            // Gaussian cloud: the fraction in each cell is a product of normal-CDF differences.
            let fu = fractions(p.x + sensor.maxHalfU, pitch: sensor.pitchU, sigma: sigma, count: nu)
            let fv = fractions(p.y + sensor.halfV, pitch: sensor.pitchV, sigma: sigma, count: nv)
            for (iu, a) in fu { for (iv, b) in fv where valid(iu, iv, nu, nv) {
                deposits.append((Self.key(iu, iv), source, q * a * b))
            } }
        }
    }

    /// Cell fractions of a Gaussian of width `sigma` centred at `x` (measured from the grid's edge)
    /// over cells of size `pitch`, within ±3σ; fractions below 10⁻⁴ are dropped.
    func fractions(_ x: Double, pitch: Double, sigma: Double, count: Int) -> [(Int32, Double)] {
        let first = Int(((x - 3 * sigma) / pitch).rounded(.down)), last = Int(((x + 3 * sigma) / pitch).rounded(.down))
        var out: [(Int32, Double)] = []
        let scale = 1 / (sigma * 2.0.squareRoot())
        var previous = 0.5 * (1 + erf((Double(first) * pitch - x) * scale))
        for i in first ... last {
            let next = 0.5 * (1 + erf((Double(i + 1) * pitch - x) * scale))
            let f = next - previous
            previous = next
            if f > 1e-4, i >= 0, i < count { out.append((Int32(i), f)) }
        }
        return out
    }

    /// Whether cell (iu, iv) exists: inside the grid and, for trapezoids, with its centre on the sensor.
    @inline(__always) func valid(_ iu: Int32, _ iv: Int32, _ nu: Int, _ nv: Int) -> Bool {
        guard iu >= 0, iv >= 0, Int(iu) < nu, Int(iv) < nv else { return false }
        if sensor.minHalfU == sensor.maxHalfU { return true }
        let u = (Double(iu) + 0.5) * sensor.pitchU - sensor.maxHalfU
        let v = (Double(iv) + 0.5) * sensor.pitchV - sensor.halfV
        return abs(u) <= sensor.halfU(at: v) + 0.5 * sensor.pitchU
    }

    /// Centre of cell `i` along one axis, in pitches from the grid's edge, for a sensor `edge`
    /// pitches long. When the pitch does not divide the sensor (ITk-like strips: 4 × 24.1 mm rows on a
    /// 97.6 mm sensor) the last cell is cut by the sensor edge: only its part on the sensor collects
    /// charge, so its centre is that part's centre — the full cell's centre would put the hit up to
    /// half a pitch (12–24 mm) off the sensor. Whole cells keep i + 0.5 exactly.
    @inline(__always) static func cellCentre(_ i: Int32, edge: Double) -> Double {
        let lo = Double(i), hi = Double(i) + 1
        return hi <= edge ? lo + 0.5 : (lo + max(lo, edge)) * 0.5
    }

    @inline(__always) static func key(_ iu: Int32, _ iv: Int32) -> Int64 { Int64(iu) << 32 | Int64(UInt32(bitPattern: iv)) }
    @inline(__always) static func split(_ key: Int64) -> (Int32, Int32) {
        (Int32(truncatingIfNeeded: key >> 32), Int32(bitPattern: UInt32(truncatingIfNeeded: key)))
    }
}
