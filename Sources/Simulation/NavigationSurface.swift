import Detector

/// A surface the navigation stops at: one layer, or several layers of the same kind whose sensor
/// envelopes overlap (for example a short-strip and a long-strip disc at the same |z|), searched
/// together so that every sensor of all of them is intersected in flight order.
struct NavigationSurface: Sendable {
    /// Barrel (a cylinder of radius ``reference``) or end-cap (the plane z = ``reference``).
    let kind: LayerKind
    /// Radius or z of the surface, mm.
    let reference: Double
    /// How far the member layers' sensors reach below and above ``reference`` (along r or z), mm.
    let depthBelow: Double, depthAbove: Double
    /// The second-coordinate range covered by the members' sensors, mm.
    let secondMin: Double, secondMax: Double
    /// Indices of the member layers (``SimulationGeometry/grids``).
    let members: [Int32]

    /// Groups the layers `indices` (all of one kind, sorted by reference) into surfaces: consecutive
    /// layers whose envelopes overlap form one surface.
    static func group(_ indices: [Int], grids: [LayerGrid]) -> [NavigationSurface] {
        var out: [NavigationSurface] = []
        var current: [Int] = []
        func flush() {
            guard let first = current.first else { return }
            let g = current.map { grids[$0] }
            let reference = g.map(\.reference).reduce(0, +) / Double(g.count)
            let low = g.map { $0.reference - $0.depthBelow }.min()!, high = g.map { $0.reference + $0.depthAbove }.max()!
            out.append(NavigationSurface(kind: grids[first].kind, reference: reference,
                                         depthBelow: reference - low, depthAbove: high - reference,
                                         secondMin: g.map(\.secondMin).min()!, secondMax: g.map(\.secondMax).max()!,
                                         members: current.map(Int32.init)))
            current = []
        }
        for i in indices {
            if !current.isEmpty {
                let top = current.map { grids[$0].reference + grids[$0].depthAbove }.max()!
                if grids[i].reference - grids[i].depthBelow > top { flush() }
            }
            current.append(i)
        }
        flush()
        return out
    }
}
