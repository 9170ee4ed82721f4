import EventData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rough kinematics of reconstructed tracks, for binning fake and duplicate rates.
///
/// When the tracks carry fitted ``TrackParameters`` (one per track) they are used (`η = −ln tan(θ/2)`,
/// `pT = |sin θ / (q/p)|`). Otherwise the hits are used: η from a least-squares line `z = z0 + r·cot θ`
/// through the hits (`η = asinh(cot θ)`; a helix has `dz/ds` constant and `r ≈ s` away from looping),
/// or `asinh(z̄ / r̄)` when the hits span less than 1 mm in r; pT from an algebraic (Kåsa) circle fit in
/// the transverse plane, `pT = 0.2998 · B · R` (needs 3 hits; collinear hits give +∞, fewer hits NaN).
/// These are estimates for histogramming, not a track fit.
public struct TrackKinematics: Sendable {
    /// Pseudorapidity of each track (NaN for an empty track).
    public let eta: [Double]
    /// Transverse momentum of each track in GeV (NaN when it cannot be estimated).
    public let pT: [Double]
    /// Volume of each track's innermost hit (smallest distance from the origin), −1 for an empty track.
    public let innermostVolume: [Int32]

    /// Estimates the kinematics of `tracks` on `hits` in a solenoid field of `magneticField` tesla.
    ///
    /// - Precondition: every hit row of `tracks` is a valid row of `hits` (checked by ``TrackMatching``).
    /// - Complexity: O(track hits).
    public init(tracks: Tracks, hits: Hits, magneticField: Double) {
        let nTracks = tracks.count
        var eta = [Double](repeating: .nan, count: nTracks)
        var pt = [Double](repeating: .nan, count: nTracks)
        var volume = [Int32](repeating: -1, count: nTracks)
        let parameters = tracks.parameters.flatMap { $0.count == nTracks ? $0 : nil }
        hits.x.withUnsafeBufferPointer { xs in
            hits.y.withUnsafeBufferPointer { ys in
                hits.z.withUnsafeBufferPointer { zs in
                    for t in 0 ..< nTracks {
                        let rows = tracks.hits(of: t)
                        guard !rows.isEmpty else { continue }
                        let n = Double(rows.count)
                        var sx = 0.0, sy = 0.0, sz = 0.0, sr = 0.0
                        var innermost = Double.infinity, innermostRow = Int(rows.first!)
                        for h in rows {
                            let i = Int(h)
                            let x = Double(xs[i]), y = Double(ys[i]), z = Double(zs[i])
                            sx += x; sy += y; sz += z; sr += (x * x + y * y).squareRoot()
                            let d = x * x + y * y + z * z
                            if d < innermost { innermost = d; innermostRow = i }
                        }
                        volume[t] = hits.geometryID[innermostRow].volume
                        if let p = parameters?[t] {
                            let theta = Double(p.theta)
                            eta[t] = -log(tan(0.5 * theta))
                            pt[t] = abs(sin(theta) / Double(p.qOverP))
                            continue
                        }
                        let mx = sx / n, my = sy / n, mz = sz / n, mr = sr / n
                        // Centred sums for the (r, z) line and the transverse circle.
                        var srr = 0.0, srz = 0.0
                        var suu = 0.0, svv = 0.0, suv = 0.0, suuu = 0.0, svvv = 0.0, suvv = 0.0, svuu = 0.0
                        for h in rows {
                            let i = Int(h)
                            let x = Double(xs[i]), y = Double(ys[i]), z = Double(zs[i])
                            let dr = (x * x + y * y).squareRoot() - mr, dz = z - mz
                            srr += dr * dr; srz += dr * dz
                            let u = x - mx, v = y - my
                            suu += u * u; svv += v * v; suv += u * v
                            suuu += u * u * u; svvv += v * v * v; suvv += u * v * v; svuu += v * u * u
                        }
                        eta[t] = srr > n * 1.0 ? asinh(srz / srr) : asinh(mz / max(mr, 1e-9))
                        if rows.count >= 3 {
                            let det = suu * svv - suv * suv
                            if det > 1e-12 * suu * svv, det > 0 {
                                let bu = 0.5 * (suuu + suvv), bv = 0.5 * (svvv + svuu)
                                let uc = (bu * svv - bv * suv) / det
                                let vc = (suu * bv - suv * bu) / det
                                let radius = (uc * uc + vc * vc + (suu + svv) / n).squareRoot()
                                pt[t] = PhysicsConstants.curvatureConstant * magneticField * radius
                            } else {
                                pt[t] = .infinity
                            }
                        }
                    }
                }
            }
        }
        self.eta = eta; self.pT = pt; innermostVolume = volume
    }
}
