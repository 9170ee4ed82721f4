import EventData

/// A quick transverse-momentum estimate of a hit list: the circle through the beam line (0, 0), the
/// middle hit and the last hit in the transverse plane, R [mm] → pT = 0.3·10⁻³ · B[T] · R [GeV].
///
/// The beam-line point gives a long lever arm to even three-hit tracks; for a particle from a
/// displaced vertex the estimate is biased, which only matters near the cut.
public enum TrackPtEstimate {
    /// The estimate in GeV for `hits` rows of `allHits` in a field `bz` (T); +∞ for collinear points.
    public static func pT<C: Collection>(_ hits: C, of allHits: Hits, bz: Float) -> Float where C.Element == Int32 {
        guard hits.count >= 2 else { return .infinity }
        let middle = Int(hits[hits.index(hits.startIndex, offsetBy: hits.count / 2)])
        let last = Int(hits[hits.index(hits.startIndex, offsetBy: hits.count - 1)])
        let x1 = Double(allHits.x[middle]), y1 = Double(allHits.y[middle])
        let x2 = Double(allHits.x[last]), y2 = Double(allHits.y[last])
        // Circumradius of the triangle (0, 0), p1, p2: |p1||p2||p2 − p1| / (2 |p1 × p2|).
        let cross = abs(x1 * y2 - y1 * x2)
        guard cross > 1e-9 else { return .infinity }
        let a = (x1 * x1 + y1 * y1).squareRoot(), b = (x2 * x2 + y2 * y2).squareRoot()
        let c = ((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1)).squareRoot()
        let radius = a * b * c / (2 * cross)
        return Float(PhysicsConstants.curvatureConstant * Double(bz) * radius)
    }
}
