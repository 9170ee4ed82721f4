import Detector
import EventData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Estimates the bound track parameters of a seed on the module of its bottom hit, and their
/// initial covariance.
///
/// The transverse circle through the three hits gives the curvature radius R (pT = 0.299792458e-3 ·
/// |Bz| · R), the sense of rotation (hence the charge: a positive charge turns clockwise seen from +z
/// in a positive field) and the direction at the bottom hit (the tangent); cot θ is the z change over
/// the transverse arc length from bottom to top. The covariance is diagonal, from
/// ``SeedingConfig/initialSigmaLocal`` and its siblings: the combinatorial Kalman filter refits the
/// three seed hits first, so the initial errors only need to cover the estimate's true error.
public struct SeedParameterEstimator: Sendable {
    /// The configuration and field.
    public let derived: SeedingDerivedConfig

    public init(derived: SeedingDerivedConfig) { self.derived = derived }

    /// The estimate of seed `(bottom, middle, top)` (hit rows of `hits`), written to `parameters`
    /// (5 doubles) and `covariance` (25 doubles, row-major).
    ///
    /// - Returns: the module index of the bottom hit, or `nil` when the hits are unusable (on an
    ///   unknown module, or all three at the same transverse position).
    public func estimate(bottom: Int32, middle: Int32, top: Int32, hits: Hits, detector: Detector,
                         parameters: UnsafeMutablePointer<Double>, covariance: UnsafeMutablePointer<Double>) -> Int32? {
        let b = SIMD3(Double(hits.x[Int(bottom)]), Double(hits.y[Int(bottom)]), Double(hits.z[Int(bottom)]))
        let m = SIMD3(Double(hits.x[Int(middle)]), Double(hits.y[Int(middle)]), Double(hits.z[Int(middle)]))
        let t = SIMD3(Double(hits.x[Int(top)]), Double(hits.y[Int(top)]), Double(hits.z[Int(top)]))
        guard let module = detector.moduleIndex(of: hits.geometryID[Int(bottom)]) else { return nil }
        // Circle through the three points, relative to the bottom point.
        let p1 = SIMD2(m.x - b.x, m.y - b.y), p2 = SIMD2(t.x - b.x, t.y - b.y)
        let d = 2 * (p1.x * p2.y - p1.y * p2.x)
        let chord = (p2 * p2).sum().squareRoot()
        guard chord > 0 else { return nil }
        var dirT: SIMD2<Double>, qOverPt: Double, arc: Double
        let charge: Double
        let n1 = (p1 * p1).sum(), n2 = (p2 * p2).sum()
        let cx = (p2.y * n1 - p1.y * n2) / d, cy = (p1.x * n2 - p2.x * n1) / d
        let radius = (cx * cx + cy * cy).squareRoot()
        if d == 0 || !radius.isFinite || radius > 1e9 {
            // Collinear hits: a straight line, q/p = 0 (infinite momentum) with a wide error.
            dirT = p2 / chord
            charge = 0
            qOverPt = 0
            arc = chord
        } else {
            let ccw = d > 0
            dirT = ccw ? SIMD2(cy, -cx) / radius : SIMD2(-cy, cx) / radius
            // A positive charge turns clockwise in a positive field.
            charge = (ccw ? -1.0 : 1.0) * (derived.bz > 0 ? 1 : -1)
            qOverPt = charge / (derived.ptPerRadius * radius)
            arc = 2 * radius * asin(min(1, chord / (2 * radius)))
        }
        let cot = (t.z - b.z) / arc
        let theta = atan2(1.0, cot)
        let sinTheta = sin(theta)
        let qop = qOverPt * sinTheta
        let local = detector.globalToLocal(b, module: module)
        parameters[0] = local.x
        parameters[1] = local.y
        parameters[2] = atan2(dirT.y, dirT.x)
        parameters[3] = theta
        parameters[4] = qop
        let c = derived.config
        for i in 0 ..< 25 { covariance[i] = 0 }
        covariance[0] = c.initialSigmaLocal * c.initialSigmaLocal
        covariance[6] = covariance[0]
        covariance[12] = c.initialSigmaPhi * c.initialSigmaPhi
        covariance[18] = c.initialSigmaTheta * c.initialSigmaTheta
        // q/p = 0 (collinear hits) gets the error of a seed at the minimum pT.
        let sigmaQop = charge == 0 ? sinTheta / c.minPt : c.initialRelativeSigmaQOverP * abs(qop)
        covariance[24] = sigmaQop * sigmaQop
        return module
    }

    /// The estimate of seed `i` of `seeds` as a value (see the pointer form for details).
    public func estimate(seed i: Int, seeds: Seeds, hits: Hits, detector: Detector) -> BoundTrackState? {
        var p = [Double](repeating: 0, count: 5), cov = [Double](repeating: 0, count: 25)
        let module = p.withUnsafeMutableBufferPointer { pp in
            cov.withUnsafeMutableBufferPointer { cp in
                estimate(bottom: seeds.bottom[i], middle: seeds.middle[i], top: seeds.top[i], hits: hits,
                         detector: detector, parameters: pp.baseAddress!, covariance: cp.baseAddress!)
            }
        }
        return module.map { BoundTrackState(module: $0, parameters: p, covariance: cov) }
    }
}
