/// How the modules of an end-cap disc are numbered, when not ring by ring.
///
/// TrackML numbers a disc's modules in the order its geometry builder (ACTS) filled a φ-binned
/// surface grid, which interleaves the rings. That order is reproduced by an auxiliary grid of
/// `phiBins` equal φ cells whose centres sit at φ = −π + (j + `phase` + ½)·2π/`phiBins`: each module
/// gets the smallest cell index j (taken modulo `phiBins`) among its own cell and the cells whose
/// centre lies in its φ coverage [φ − π/n, φ + π/n) (n: modules in its ring), and modules are
/// numbered by that index, then ring index, then φ index.
public struct NumberingDescription: Sendable, Equatable {
    /// Cells of the auxiliary φ grid.
    public var phiBins: Int
    /// Shift of the grid, in cells.
    public var phase: Double

    /// A numbering grid.
    public init(phiBins: Int, phase: Double) {
        self.phiBins = phiBins; self.phase = phase
    }

    /// Reads a `numbering` object.
    init(parsing o: DescriptionObject) throws {
        var o = o
        phiBins = try o.int("phiBins", in: 1 ... 1_000_000)
        phase = try o.double("phase", in: -1 ... 1, "[-1, 1] cells")
        try o.finish()
    }
}
