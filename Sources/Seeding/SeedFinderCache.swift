/// Scratch space of one ``SeedFinder`` thread, reused from middle space point to middle space point
/// so that the search allocates nothing in its inner loops.
public struct SeedFinderCache: Sendable {
    /// A compatible doublet (bottom–middle or middle–top) in the frame of the middle space point.
    struct Doublet {
        /// Space-point index of the other point.
        var spacePoint: Int32
        /// Its seeding slot.
        var slot: Int32
        /// cot θ of the doublet.
        var cotTheta: Double
        /// Conformal coordinates u = x'/(x'² + y'²), v = y'/(x'² + y'²) of the other point in the
        /// middle point's frame (x' along the middle point's radius), 1/mm.
        var u: Double, v: Double
        /// Variance of cot θ from the two points' measurement errors (dimensionless²).
        var errorCotTheta2: Double
        /// 1/Δr_T between the two points, 1/mm.
        var inverseDeltaR: Double
        /// √(1 + cot²θ), filled for the top doublets once they are collected (the prefilter's bound
        /// on the path through the middle layer).
        var secant: Double
    }

    /// A triplet accepted by the cuts, before the seed filter.
    struct Triplet {
        var bottom: Int32, top: Int32, topSlot: Int32
        var curvature: Double, impact: Double, z0: Double
        /// (Δcot θ)²/σ² of the two doublets.
        var cotChi2: Double
        var confirmations: Int16 = 0
        var quality: Double = 0
    }

    /// The sort key of a top doublet: cot θ, then the space point (a total order), and its index in
    /// ``tops``.
    struct TopKey {
        var cotTheta: Double
        var spacePoint: Int32
        var index: Int32
    }

    var bottoms: [Doublet] = []
    var tops: [Doublet] = []
    /// The tops' sort keys, in cot θ order once sorted.
    var topOrder: [TopKey] = []
    /// The tops in cot θ order.
    var sortedTops: [Doublet] = []
    /// The sorted tops' cot θ, u, v, σ²(cot θ), 1/Δr and secant as six consecutive columns.
    var topColumns: [Double] = []
    /// The cot θ window lookup of the sorted tops.
    var topWindows = SortedWindowIndex()
    /// Per sorted top: whether the prefilter rejected it for the current bottom.
    var rejected: [Bool] = []
    var triplets: [Triplet] = []
    var order: [Int32] = []
    /// The triplets of one bottom group by curvature, and by top layer then curvature (confirmation
    /// counting of large groups).
    var byCurvature: [Int32] = []
    var bySlot: [Int32] = []
    /// The confirmations counted for one bottom group, in group order.
    var confirmations: [Int16] = []

    /// An empty cache.
    public init() {
        bottoms.reserveCapacity(256); tops.reserveCapacity(256); topOrder.reserveCapacity(256); sortedTops.reserveCapacity(256)
        topColumns.reserveCapacity(6 * 256); triplets.reserveCapacity(256); order.reserveCapacity(256)
    }
}
