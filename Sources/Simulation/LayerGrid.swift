import Detector
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The modules of one layer binned in φ and in a second coordinate (z for a barrel layer, r for an
/// end-cap disc), so that the modules a trajectory may cross near a point are found in O(1).
///
/// A module is listed in every bin its sensor volume overlaps (its outline at both faces, in φ and
/// in the second coordinate), so a query over the bins spanned by a trajectory segment returns every
/// module the segment can cross.
struct LayerGrid: Sendable {
    /// Barrel or end-cap.
    let kind: LayerKind
    /// Reference radius (barrel) or z (end-cap) of the layer's navigation surface, mm.
    let reference: Double
    /// How far the sensors reach below and above the reference surface, along r (barrel) or z
    /// (end-cap), mm.
    let depthBelow: Double, depthAbove: Double
    /// Range of the second coordinate covered by sensors (z for a barrel, r for an end-cap), mm.
    let secondMin: Double, secondMax: Double
    /// Material budget x/X0 at normal incidence.
    let materialX0: Double
    let phiBins: Int, secondBins: Int
    let offsets: [Int32]
    let entries: [Int32]

    /// Builds the grid of layer `layerIndex`, whose sensors are `sensors[layer.modules]`.
    init(layer: Layer, sensors: [SensorSurface]) {
        kind = layer.kind
        materialX0 = layer.materialX0
        let range = Int(layer.modules.lowerBound) ..< Int(layer.modules.upperBound)
        var phiLo = [Double](), phiHi = [Double](), secLo = [Double](), secHi = [Double]()
        var refSum = 0.0
        for i in range {
            let s = sensors[i]
            let corners = s.corners
            let rc = (s.centre.x * s.centre.x + s.centre.y * s.centre.y).squareRoot()
            refSum += layer.kind == .barrel ? rc : s.centre.z
            // φ extent relative to the centre's φ (modules span far less than π unless they surround
            // the beam axis, in which case they cover every φ).
            let phiC = atan2(s.centre.y, s.centre.x)
            var lo = 0.0, hi = 0.0
            var surroundsAxis = false
            let axisPoint = s.toLocal(SIMD3(0, 0, s.centre.z))
            if layer.kind == .endcap, s.contains(u: axisPoint.x, v: axisPoint.y) { surroundsAxis = true }
            for c in corners {
                let r = (c.x * c.x + c.y * c.y).squareRoot()
                if r < 1e-9 { surroundsAxis = true; continue }
                var d = atan2(c.y, c.x) - phiC
                if d > Double.pi { d -= 2 * Double.pi } else if d < -Double.pi { d += 2 * Double.pi }
                lo = min(lo, d); hi = max(hi, d)
            }
            if surroundsAxis || hi - lo > Double.pi {
                phiLo.append(-Double.pi); phiHi.append(Double.pi)
            } else {
                phiLo.append(phiC + lo); phiHi.append(phiC + hi)
            }
            if layer.kind == .barrel {
                let zs = corners.map(\.z)
                secLo.append(zs.min()!); secHi.append(zs.max()!)
            } else {
                let rs = corners.map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }
                secLo.append(surroundsAxis ? 0 : Self.minimumRadius(of: s)); secHi.append(rs.max()!)
            }
        }
        let n = Double(range.count)
        let ref = refSum / n
        reference = ref
        let isBarrel = kind == .barrel
        // Depth of the sensor envelope around the reference surface.
        var below = 0.0, above = 0.0
        for i in range {
            let s = sensors[i]
            var values = s.corners.map { isBarrel ? ($0.x * $0.x + $0.y * $0.y).squareRoot() : $0.z }
            if isBarrel {
                // The point of the plane closest to the axis may lie inside the outline.
                let foot = s.toLocal(SIMD3(0, 0, s.centre.z))
                if s.contains(u: foot.x, v: foot.y) {
                    for w in [-s.halfThickness, s.halfThickness] {
                        let g = s.toGlobal(SIMD3(foot.x, foot.y, w)); values.append((g.x * g.x + g.y * g.y).squareRoot())
                    }
                }
            }
            below = max(below, ref - values.min()!)
            above = max(above, values.max()! - ref)
        }
        depthBelow = max(below, 0); depthAbove = max(above, 0)
        secondMin = secLo.min()!; secondMax = secHi.max()!
        // Bin sizes: about the median module extent, so a module lands in two to four bins.
        let widths = zip(phiLo, phiHi).map { $1 - $0 }.sorted()
        let medianWidth = max(widths[widths.count / 2], 1e-3)
        phiBins = max(1, min(1440, Int((2 * Double.pi / medianWidth).rounded(.down))))
        let lengths = zip(secLo, secHi).map { $1 - $0 }.sorted()
        let medianLength = max(lengths[lengths.count / 2], 1e-3)
        secondBins = max(1, min(1000, Int(((secondMax - secondMin) / medianLength).rounded(.up))))
        var lists = [[Int32]](repeating: [], count: phiBins * secondBins)
        for (k, i) in range.enumerated() {
            let (s0, s1) = Self.binRange(secLo[k], secHi[k], min: secondMin, max: secondMax, bins: secondBins)
            for p in Self.phiBinList(phiLo[k], phiHi[k], bins: phiBins) {
                for sb in s0 ... s1 { lists[p * secondBins + sb].append(Int32(i)) }
            }
        }
        var offsets: [Int32] = [0], entries: [Int32] = []
        for l in lists { entries.append(contentsOf: l); offsets.append(Int32(entries.count)) }
        self.offsets = offsets; self.entries = entries
    }

    /// The smallest transverse radius of a sensor's outline (at its mid-plane): the distance from the
    /// axis to the nearest edge.
    static func minimumRadius(of s: SensorSurface) -> Double {
        let pts = [(-s.minHalfU, -s.halfV), (s.minHalfU, -s.halfV), (s.maxHalfU, s.halfV), (-s.maxHalfU, s.halfV)]
            .map { s.toGlobal(SIMD3($0.0, $0.1, 0)) }
        var best = Double.infinity
        for k in 0 ..< 4 {
            let a = SIMD2(pts[k].x, pts[k].y), b = SIMD2(pts[(k + 1) % 4].x, pts[(k + 1) % 4].y)
            let ab = b - a
            let t = max(0, min(1, -(a * ab).sum() / max((ab * ab).sum(), 1e-30)))
            let q = a + ab * t
            best = min(best, (q * q).sum().squareRoot())
        }
        return best
    }

    /// The inclusive bin range of [lo, hi] on a grid of `bins` over [min, max] (clamped).
    @inline(__always) static func binRange(_ lo: Double, _ hi: Double, min: Double, max: Double, bins: Int) -> (Int, Int) {
        let span = Swift.max(max - min, 1e-9)
        let a = Int(((lo - min) / span * Double(bins)).rounded(.down))
        let b = Int(((hi - min) / span * Double(bins)).rounded(.down))
        return (Swift.min(Swift.max(a, 0), bins - 1), Swift.min(Swift.max(b, 0), bins - 1))
    }

    /// The φ bins overlapped by [lo, hi] (radians, any branch), wrapping around ±π.
    static func phiBinList(_ lo: Double, _ hi: Double, bins: Int) -> [Int] {
        if hi - lo >= 2 * Double.pi - 1e-12 { return Array(0 ..< bins) }
        let width = 2 * Double.pi / Double(bins)
        let a = Int(((lo + Double.pi) / width).rounded(.down)), b = Int(((hi + Double.pi) / width).rounded(.down))
        var out: [Int] = []
        for k in a ... b {
            let m = ((k % bins) + bins) % bins
            if !out.contains(m) { out.append(m) }
        }
        return out
    }

    /// Calls `body` with every module listed in the bins overlapped by the φ range [phiLo, phiHi] and
    /// second-coordinate range [secLo, secHi] (a module may be reported more than once).
    @inline(__always) func forEachCandidate(phiLo: Double, phiHi: Double, secLo: Double, secHi: Double,
                                            _ body: (Int32) -> Void) {
        guard secHi >= secondMin, secLo <= secondMax else { return }
        let (s0, s1) = Self.binRange(secLo, secHi, min: secondMin, max: secondMax, bins: secondBins)
        let width = 2 * Double.pi / Double(phiBins)
        let full = phiHi - phiLo >= 2 * Double.pi - width
        let a = full ? 0 : Int(((phiLo + Double.pi) / width).rounded(.down))
        let b = full ? phiBins - 1 : Int(((phiHi + Double.pi) / width).rounded(.down))
        entries.withUnsafeBufferPointer { e in
            offsets.withUnsafeBufferPointer { o in
                for k in a ... b {
                    let p = ((k % phiBins) + phiBins) % phiBins
                    for sb in s0 ... s1 {
                        let bin = p * secondBins + sb
                        for j in Int(o[bin]) ..< Int(o[bin + 1]) { body(e[j]) }
                    }
                }
            }
        }
    }
}
