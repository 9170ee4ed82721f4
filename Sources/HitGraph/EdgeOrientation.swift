import Detector

/// Which way a graph edge runs: along the flight of a particle from the beam line, which moves
/// outwards in r (until a looper turns back) and, in the end-caps, outwards in |z|.
///
/// Between two end-cap modules the edge runs to the larger |z| (the disc positions are exact, while
/// a strip measures r poorly: 1.2–10 mm long strips point radially); otherwise to the larger r. Ties go
/// to the larger row. So edges follow the flight of every outgoing particle.
public struct EdgeOrientation: Sendable {
    /// Whether each module (by index) lies on an end-cap layer.
    let endcap: [Bool]

    public init(detector: Detector) {
        var endcap = [Bool](repeating: false, count: detector.modules.count)
        for layer in detector.layers where layer.kind == .endcap {
            for m in layer.modules { endcap[Int(m)] = true }
        }
        self.endcap = endcap
    }

    /// Whether the edge between hits `i` (on module `mi`) and `j` (on module `mj`) runs i → j.
    @inline(__always)
    public func runs(from i: Int, _ mi: Int32, to j: Int, _ mj: Int32, _ c: HitCoordinates) -> Bool {
        if endcap[Int(mi)] && endcap[Int(mj)] {
            let zi = abs(c.z[i]), zj = abs(c.z[j])
            if zi != zj { return zi < zj }
        } else if c.r[i] != c.r[j] {
            return c.r[i] < c.r[j]
        }
        return i < j
    }
}
