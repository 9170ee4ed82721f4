import Detector
import EventData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The navigation index of a detector: every layer's reference surface (a cylinder for barrel layers,
/// a plane z = const for end-cap discs) and a per-layer grid of the modules around each point of it.
///
/// Built once per detector and shared read-only by every thread. A track's next layer is the
/// reference surface its helix crosses first; the grid cell of that crossing lists the modules whose
/// outline, grown by ``tolerance``, reaches the cell, so a single look-up gives every module the track
/// may cross on that layer (overlapping modules included).
public struct DetectorNavigation: Sendable {
    /// Growth of every module outline when filling the grids, mm.
    public let tolerance: Double
    let kind: [LayerKind]
    /// Reference radius (barrel) or z (end-cap) per layer, mm.
    let position: [Double]
    let rMin: [Double], rMax: [Double], zMin: [Double], zMax: [Double]
    let phiBins: [Int32]
    let coordinateMin: [Double], coordinateWidth: [Double], coordinateBins: [Int32]
    let cellOffset: [Int32]
    let cellStart: [Int32]
    let cellModules: [Int32]

    /// The number of layers.
    public var layerCount: Int { kind.count }

    /// Builds the index of `detector` with module outlines grown by `tolerance` mm.
    ///
    /// - Complexity: O(modules × cells per module).
    public init(detector: Detector, tolerance: Double) {
        self.tolerance = tolerance
        let layers = detector.layers
        let t = detector.modules
        var kind: [LayerKind] = [], position: [Double] = [], rMin: [Double] = [], rMax: [Double] = []
        var zMin: [Double] = [], zMax: [Double] = [], phiBins: [Int32] = []
        var cMin: [Double] = [], cWidth: [Double] = [], cBins: [Int32] = [], cellOffset: [Int32] = [0]
        // Per module: its φ interval (centre ± half width) and coordinate interval.
        var phiLo = [Double](repeating: 0, count: t.count), phiHi = phiLo, cLo = phiLo, cHi = phiLo
        for layer in layers {
            kind.append(layer.kind); position.append(layer.position)
            rMin.append(layer.rMin); rMax.append(layer.rMax); zMin.append(layer.zMin); zMax.append(layer.zMax)
            var widthSum = 0.0, lengthSum = 0.0
            for mi in Int(layer.modules.lowerBound) ..< Int(layer.modules.upperBound) {
                let m = t[mi]
                let c = m.center
                let phiC = atan2(c.y, c.x)
                var dLo = Double.infinity, dHi = -Double.infinity, lo = Double.infinity, hi = -Double.infinity
                // Corners and edge midpoints of the outline grown by the tolerance.
                let hu0 = m.minHalfU + tolerance, hu1 = m.maxHalfU + tolerance, hv = m.halfV + tolerance
                let pts: [SIMD2<Double>] = [SIMD2(-hu0, -hv), SIMD2(hu0, -hv), SIMD2(hu1, hv), SIMD2(-hu1, hv),
                                            SIMD2(0, -hv), SIMD2(0, hv), SIMD2(-(hu0 + hu1) / 2, 0), SIMD2((hu0 + hu1) / 2, 0)]
                for p in pts {
                    let g = m.toGlobal(SIMD3(p.x, p.y, 0))
                    var d = atan2(g.y, g.x) - phiC
                    if d > Double.pi { d -= 2 * Double.pi } else if d < -Double.pi { d += 2 * Double.pi }
                    dLo = min(dLo, d); dHi = max(dHi, d)
                    let coordinate = layer.kind == .barrel ? g.z : (g.x * g.x + g.y * g.y).squareRoot()
                    lo = min(lo, coordinate); hi = max(hi, coordinate)
                }
                // Thickness and the layer's spread of module planes: widen the z/r range a little.
                lo -= tolerance; hi += tolerance
                phiLo[mi] = phiC + dLo; phiHi[mi] = phiC + dHi; cLo[mi] = lo; cHi[mi] = hi
                // Azimuthal width of the module seen from the axis: 2 × mean half-width / radius.
                widthSum += (m.minHalfU + m.maxHalfU) / max(1, (c.x * c.x + c.y * c.y).squareRoot())
                lengthSum += 2 * m.halfV
            }
            let n = max(1, Int(layer.modules.count))
            let meanPhiWidth = widthSum / Double(n)
            let bins = min(1024, max(8, Int((2 * Double.pi / max(meanPhiWidth, 1e-3)).rounded(.up)) * 2))
            phiBins.append(Int32(bins))
            let (lo, hi) = layer.kind == .barrel ? (layer.zMin - tolerance, layer.zMax + tolerance)
                                                 : (max(0, layer.rMin - tolerance), layer.rMax + tolerance)
            let width = max(1, lengthSum / Double(n) / 2)
            let nc = max(1, min(4096, Int(((hi - lo) / width).rounded(.up))))
            cMin.append(lo); cWidth.append((hi - lo) / Double(nc)); cBins.append(Int32(nc))
            cellOffset.append(cellOffset.last! + Int32(bins * nc))
        }
        // Count-then-fill: cells per module, prefix sums, module lists.
        let totalCells = Int(cellOffset.last!)
        var counts = [Int32](repeating: 0, count: totalCells + 1)
        func forEachCell(_ li: Int, _ mi: Int, _ body: (Int) -> Void) {
            let nphi = Int(phiBins[li]), nc = Int(cBins[li])
            let c0 = max(0, Int(((cLo[mi] - cMin[li]) / cWidth[li]).rounded(.down)))
            let c1 = min(nc - 1, Int(((cHi[mi] - cMin[li]) / cWidth[li]).rounded(.down)))
            guard c0 <= c1 else { return }
            let binWidth = 2 * Double.pi / Double(nphi)
            let p0 = Int(((phiLo[mi] + Double.pi) / binWidth).rounded(.down))
            let p1 = Int(((phiHi[mi] + Double.pi) / binWidth).rounded(.down))
            let span = min(nphi - 1, p1 - p0)
            for k in 0 ... span {
                let pb = ((p0 + k) % nphi + nphi) % nphi
                for cb in c0 ... c1 { body(Int(cellOffset[li]) + pb * nc + cb) }
            }
        }
        for (li, layer) in layers.enumerated() {
            for mi in Int(layer.modules.lowerBound) ..< Int(layer.modules.upperBound) {
                forEachCell(li, mi) { counts[$0 + 1] += 1 }
            }
        }
        for c in 0 ..< totalCells { counts[c + 1] += counts[c] }
        var fill = counts
        var modules = [Int32](repeating: 0, count: Int(counts[totalCells]))
        for (li, layer) in layers.enumerated() {
            for mi in Int(layer.modules.lowerBound) ..< Int(layer.modules.upperBound) {
                forEachCell(li, mi) { cell in modules[Int(fill[cell])] = Int32(mi); fill[cell] += 1 }
            }
        }
        self.kind = kind; self.position = position; self.rMin = rMin; self.rMax = rMax
        self.zMin = zMin; self.zMax = zMax; self.phiBins = phiBins
        coordinateMin = cMin; coordinateWidth = cWidth; coordinateBins = cBins
        self.cellOffset = cellOffset; cellStart = counts; cellModules = modules
    }

    /// The layer whose reference surface the helix crosses first after `sMin` (mm), skipping layer
    /// `excluded`, within `sMax` (mm); a crossing counts when it falls inside the layer's extent grown
    /// by ``tolerance``.
    ///
    /// - Parameter radial: +1 accepts barrel crossings only while the track moves away from the beam
    ///   line (a looper past its transverse apex stops); −1 accepts crossings only while it moves
    ///   towards the beam line (an inward search stops at the perigee); 0 accepts all.
    /// - Returns: the layer index and the path length, or nil.
    /// - Complexity: O(layers), each test analytic.
    func nextLayer(_ helix: HelixCrossing, excluding excluded: Int, sMin: Double, sMax: Double,
                   radial: Int) -> (Int, Double)? {
        var best = -1, bestS = sMax
        let tol = tolerance
        let movingUp = helix.direction.z > 0
        for l in 0 ..< kind.count where l != excluded {
            switch kind[l] {
            case .barrel:
                guard let s = helix.crossCylinder(radius: position[l], sMin: sMin), s < bestS else { continue }
                let z = helix.position.z + helix.direction.z * s
                guard z >= zMin[l] - tol && z <= zMax[l] + tol else { continue }
                if radial != 0 {
                    let (p, d) = helix.point(at: s)
                    let outward = p.x * d.x + p.y * d.y
                    guard radial > 0 ? outward >= 0 : outward <= 0 else { continue }
                }
                best = l; bestS = s
            case .endcap:
                // Quick rejection: a disc behind the track along z is never reached.
                guard (position[l] > helix.position.z) == movingUp,
                      let s = helix.crossZPlane(position[l], sMin: sMin), s < bestS else { continue }
                let (p, d) = helix.point(at: s)
                let r = (p.x * p.x + p.y * p.y).squareRoot()
                guard r >= rMin[l] - tol && r <= rMax[l] + tol else { continue }
                if radial < 0 { guard p.x * d.x + p.y * d.y <= 0 else { continue } }
                best = l; bestS = s
            }
        }
        return best >= 0 ? (best, bestS) : nil
    }

    /// The modules of layer `layer` whose grown outline reaches the grid cell of global `point` (mm).
    func modules(layer l: Int, near point: SIMD3<Double>) -> ArraySlice<Int32> {
        let nphi = Int(phiBins[l]), nc = Int(coordinateBins[l])
        let phi = atan2(point.y, point.x)
        let pb = min(nphi - 1, max(0, Int(((phi + Double.pi) / (2 * Double.pi) * Double(nphi)).rounded(.down))))
        let coordinate = kind[l] == .barrel ? point.z : (point.x * point.x + point.y * point.y).squareRoot()
        let cb = min(nc - 1, max(0, Int(((coordinate - coordinateMin[l]) / coordinateWidth[l]).rounded(.down))))
        let cell = Int(cellOffset[l]) + pb * nc + cb
        return cellModules[Int(cellStart[cell]) ..< Int(cellStart[cell + 1])]
    }
}
