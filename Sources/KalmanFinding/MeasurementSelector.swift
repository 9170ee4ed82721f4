/// Chooses, among the hits of a crossed module, those that update a branch: compatible hits
/// (χ² < ``CKFOptions/chi2Cut``) best first, at most ``CKFOptions/maxBranchesPerSurface`` of them, or
/// else the best hit as an outlier when its χ² is below ``CKFOptions/outlierChi2Cut``.
public struct MeasurementSelector: Sendable {
    /// χ² cut for an update (2 degrees of freedom).
    public let chi2Cut: Double
    /// χ² cut for an outlier.
    public let outlierChi2Cut: Double
    /// Largest number of branches opened on one module.
    public let maxBranches: Int

    /// The selector that `options` configure.
    public init(options: CKFOptions) {
        chi2Cut = options.chi2Cut
        outlierChi2Cut = options.outlierChi2Cut
        maxBranches = options.maxBranchesPerSurface
    }

    /// A necessary condition for χ² < `outlierChi2Cut`: each residual alone within its standard
    /// deviation times √cut (for a positive-definite S, rᵀS⁻¹r ≥ rᵢ²/Sᵢᵢ), so the pre-filter never
    /// drops a compatible hit.
    @inline(__always)
    func mayBeCompatible(du: Double, dv: Double, suu: Double, svv: Double) -> Bool {
        du * du <= outlierChi2Cut * suu && dv * dv <= outlierChi2Cut * svv
    }

    /// Sorts `candidates` (hit, χ²) by χ² (then hit row, for a total order) and returns how many of
    /// the first update the branch (0 when none is compatible).
    func select(_ candidates: inout [(hit: Int32, chi2: Double)], budget: Int) -> Int {
        guard !candidates.isEmpty else { return 0 }
        candidates.sort { $0.chi2 != $1.chi2 ? $0.chi2 < $1.chi2 : $0.hit < $1.hit }
        var n = 0
        while n < candidates.count && candidates[n].chi2 < chi2Cut && n < min(maxBranches, max(1, budget)) { n += 1 }
        return n
    }
}
