import GeometryShim

/// The Kalman-filter arithmetic of the CKF, delegated to the GeometryShim (Eigen): predicted χ²,
/// gain-matrix update (Joseph form), covariance transport and Rauch–Tung–Striebel smoothing, all on
/// bound parameters with 2D (u, v) measurements.
public struct KalmanUpdater: Sendable {
    /// The projector H of a 2D measurement of (u, v): the first two bound parameters.
    static let projector: [Double] = [1, 0, 0, 0, 0, 0, 1, 0, 0, 0]

    /// The shim-backed updater.
    public init() {}

    /// The predicted χ² of measurement (u, v) with variances (vu, vv), or nil when the residual
    /// covariance is singular.
    @inline(__always)
    func chi2(x: UnsafePointer<Double>, cov: UnsafePointer<Double>, u: Double, v: Double, vu: Double, vv: Double) -> Double? {
        var m = (u, v), V = (vu, 0.0, 0.0, vv), out = 0.0
        let status = withUnsafePointer(to: &m) { mp in
            withUnsafePointer(to: &V) { vp in
                Self.projector.withUnsafeBufferPointer { h in
                    weft_shim_kalman_chi2(2, x, cov, UnsafeRawPointer(mp).assumingMemoryBound(to: Double.self),
                                          UnsafeRawPointer(vp).assumingMemoryBound(to: Double.self), h.baseAddress, &out)
                }
            }
        }
        return status == WEFT_SHIM_OK ? out : nil
    }

    /// Updates (x, cov) with measurement (u, v) into (outX, outCov); returns the update's χ² or nil
    /// on failure.
    @inline(__always)
    func update(x: UnsafePointer<Double>, cov: UnsafePointer<Double>, u: Double, v: Double, vu: Double, vv: Double,
                outX: UnsafeMutablePointer<Double>, outCov: UnsafeMutablePointer<Double>) -> Double? {
        var m = (u, v), V = (vu, 0.0, 0.0, vv), out = 0.0
        let status = withUnsafePointer(to: &m) { mp in
            withUnsafePointer(to: &V) { vp in
                Self.projector.withUnsafeBufferPointer { h in
                    weft_shim_kalman_update(2, x, cov, UnsafeRawPointer(mp).assumingMemoryBound(to: Double.self),
                                            UnsafeRawPointer(vp).assumingMemoryBound(to: Double.self), h.baseAddress,
                                            outX, outCov, &out)
                }
            }
        }
        return status == WEFT_SHIM_OK ? out : nil
    }

    /// C' = J C Jᵀ + Q into `out`; false on failure.
    @inline(__always)
    func transport(jacobian: UnsafePointer<Double>, cov: UnsafePointer<Double>, noise: UnsafePointer<Double>?,
                   out: UnsafeMutablePointer<Double>) -> Bool {
        weft_shim_cov_transport(jacobian, cov, noise, out) == WEFT_SHIM_OK
    }

    /// One RTS smoothing step (see `weft_shim_rts_smooth`); false on failure.
    @inline(__always)
    func smooth(filteredX: UnsafePointer<Double>, filteredCov: UnsafePointer<Double>, jacobian: UnsafePointer<Double>,
                predictedNextX: UnsafePointer<Double>, predictedNextCov: UnsafePointer<Double>,
                smoothedNextX: UnsafePointer<Double>, smoothedNextCov: UnsafePointer<Double>,
                outX: UnsafeMutablePointer<Double>, outCov: UnsafeMutablePointer<Double>) -> Bool {
        weft_shim_rts_smooth(filteredX, filteredCov, jacobian, predictedNextX, predictedNextCov,
                             smoothedNextX, smoothedNextCov, outX, outCov) == WEFT_SHIM_OK
    }
}
