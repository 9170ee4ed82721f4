/// Decides when a branch of the combinatorial Kalman filter ends: too many holes (in total or in a
/// row), too many outliers, too many layers or too long a path.
public struct BranchStopper: Sendable {
    /// Largest number of holes of a branch.
    public let maxHoles: Int
    /// Largest number of holes in a row.
    public let maxConsecutiveHoles: Int
    /// Largest number of outliers.
    public let maxOutliers: Int
    /// Largest number of layers visited.
    public let maxLayerSteps: Int
    /// Largest path length, mm.
    public let maxPathLength: Double

    /// The stopper that `options` configure.
    public init(options: CKFOptions) {
        maxHoles = options.maxHoles
        maxConsecutiveHoles = options.maxConsecutiveHoles
        maxOutliers = options.maxOutliers
        maxLayerSteps = options.maxLayerSteps
        maxPathLength = options.maxPathLength
    }

    /// Whether branch `tip` must stop.
    @inline(__always)
    func shouldStop(_ tip: CKFBranch) -> Bool {
        Int(tip.holes) > maxHoles || Int(tip.consecutiveHoles) > maxConsecutiveHoles
            || Int(tip.outliers) > maxOutliers || Int(tip.steps) >= maxLayerSteps || tip.path >= maxPathLength
    }
}
