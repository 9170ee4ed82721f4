/// The TrackML hit weights (DESIGN §4), recomputed from truth and particles.
///
/// A hit of a particle with `n ≥ 4` truth hits weighs `w_pt × w_order`; hits of noise and of particles
/// with fewer than 4 hits weigh 0; the weights are then normalised to sum 1 over the event.
///
/// - `w_order`: the profile `[10, 8, 6, 5, 3, 3, 3, 5, 6]` is placed on `n` evenly spaced supports
///   `k·(n−1)/8` and linearly interpolated at hit positions `0 … n−1` (flight order by `|z − z_vertex|`),
///   then normalised to sum 1 over the particle. Particles with more than 20 hits use the 20-hit profile
///   and their hits past the 20th get 0. Hits with equal `|z − z_vertex|` share one position: the
///   truncated mean of their 0-based ranks (the challenge's reference computation, pandas' average rank).
/// - `w_pt`: 0.2 for 0.05 < pT ≤ 0.5 GeV, rising linearly to 1.0 at 3 GeV, 1.0 above. Below
///   ``ptFloor`` (50 MeV) the challenge's reference code gives 0 ("should not happen except maybe for
///   noise"); DESIGN §4 states only the 0.2 plateau. The shipped weights of the real event agree with
///   either, as it has no particle below 50 MeV with 4 or more hits.
///
/// The real TrackML files also give weight 0 to particles created by the simulation itself (particle
/// ids with non-zero low bits: secondary vertex, generation, sub-particle); that rule is not part of §4
/// and is not applied here. Use the shipped weights when scoring real data.
public enum TrackMLWeights {
    /// The order-weight profile of DESIGN §4, first hit first.
    public static let orderProfile: [Double] = [10, 8, 6, 5, 3, 3, 3, 5, 6]
    /// Particles with fewer hits than this weigh 0.
    public static let minimumHits = 4
    /// Longer particles use this profile length; hits past it weigh 0.
    public static let maximumHits = 20
    /// Below this pT (GeV) the reference code sets `w_pt = 0`.
    public static let ptFloor = 0.05
    /// Up to this pT (GeV) `w_pt` is the plateau ``ptWeightMinimum``.
    public static let ptPlateau = 0.5
    /// From this pT (GeV) on, `w_pt = 1`.
    public static let ptFull = 3.0
    /// The low-pT plateau of `w_pt`.
    public static let ptWeightMinimum = 0.2

    /// `orderMatrix[n][i]`: order weight of the i-th hit of an n-hit particle (rows 0…3 are zero).
    static let orderMatrix: [[Double]] = (0 ... maximumHits).map { n in
        guard n >= minimumHits else { return [] }
        let m = orderProfile.count
        let supports = (0 ..< m).map { Double($0 * (n - 1)) / Double(m - 1) }
        var row = (0 ..< n).map { interpolate(Double($0), supports, orderProfile) }
        let sum = row.reduce(0, +)
        for i in row.indices { row[i] /= sum }
        return row
    }

    /// Linear interpolation of the points `(xs, ys)` at `x` (xs increasing; clamped at the ends).
    static func interpolate(_ x: Double, _ xs: [Double], _ ys: [Double]) -> Double {
        if x <= xs[0] { return ys[0] }
        if x >= xs[xs.count - 1] { return ys[ys.count - 1] }
        var j = 0
        while xs[j + 1] < x { j += 1 }
        if x == xs[j + 1] { return ys[j + 1] }
        let slope = (ys[j + 1] - ys[j]) / (xs[j + 1] - xs[j])
        return slope * (x - xs[j]) + ys[j]
    }

    /// The order weight of the hit at 0-based flight position `index` on a particle with `hitCount` hits
    /// (already normalised over the particle; 0 for fewer than 4 hits or positions past the 20th).
    ///
    /// - Complexity: O(1).
    public static func orderWeight(index: Int, hitCount: Int) -> Double {
        guard hitCount >= minimumHits, index >= 0, index < maximumHits, index < hitCount else { return 0 }
        return orderMatrix[min(hitCount, maximumHits)][index]
    }

    /// The pT weight of a particle with transverse momentum `pT` in GeV (0 for NaN).
    ///
    /// - Complexity: O(1).
    public static func ptWeight(pT: Double) -> Double {
        guard pT >= ptFloor else { return 0 }   // also false for NaN
        if pT <= ptPlateau { return ptWeightMinimum }
        if pT >= ptFull { return 1 }
        return ptWeightMinimum + (1 - ptWeightMinimum) * (pT - ptPlateau) / (ptFull - ptPlateau)
    }

    /// Un-normalised weights `w_pt × w_order` of every hit row (0 for noise, unknown particles and
    /// particles with fewer than 4 hits).
    ///
    /// - Complexity: O(hits).
    public static func rawWeights(truth: TruthIndex) -> [Double] {
        var w = [Double](repeating: 0, count: truth.hitCount)
        truth.hitsAlongParticle.withUnsafeBufferPointer { along in
            truth.distanceFromVertexZ.withUnsafeBufferPointer { dz in
                for p in 0 ..< truth.particleCount where !truth.isNoise(p) && truth.particleRow[p] >= 0 {
                    let lo = Int(truth.hitOffsets[p]), hi = Int(truth.hitOffsets[p + 1])
                    let n = hi - lo
                    let wpt = ptWeight(pT: truth.pT[p])
                    guard n >= minimumHits, wpt > 0 else { continue }
                    // Runs of equal |Δz| share the truncated mean rank (pandas `rank()` then `astype(int)`).
                    var k = lo
                    while k < hi {
                        var e = k
                        while e + 1 < hi && dz[Int(along[e + 1])] == dz[Int(along[k])] { e += 1 }
                        let index = ((k - lo) + (e - lo)) / 2
                        let value = wpt * orderWeight(index: index, hitCount: n)
                        for j in k ... e { w[Int(along[j])] = value }
                        k = e + 1
                    }
                }
            }
        }
        return w
    }

    /// The TrackML weights of every hit row, normalised to sum 1 over the event (all 0 when no hit
    /// has a positive raw weight).
    ///
    /// - Complexity: O(hits).
    public static func weights(truth: TruthIndex) -> [Double] {
        var w = rawWeights(truth: truth)
        let sum = w.reduce(0, +)
        if sum > 0 { for i in w.indices { w[i] /= sum } }
        return w
    }
}
