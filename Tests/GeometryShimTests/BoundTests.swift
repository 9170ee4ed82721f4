import Foundation
import GeometryShim
import Testing

/// A module frame (centre, row-major rotation) whose w axis is `normal`.
func frame(centre: [Double], normal: [Double], _ rng: inout SplitMix64) -> (centre: [Double], rot: [Double]) {
    let w = normal.map { $0 / norm(normal) }
    var u = [rng.gaussian(), rng.gaussian(), rng.gaussian()]
    let along = dot(u, w)
    u = zip(u, w).map { $0 - along * $1 }
    u = u.map { $0 / norm(u) }
    let v = [w[1] * u[2] - w[2] * u[1], w[2] * u[0] - w[0] * u[2], w[0] * u[1] - w[1] * u[0]]
    return (centre, [u[0], v[0], w[0], u[1], v[1], w[1], u[2], v[2], w[2]])
}

@Suite("Bound parameters and their Runge–Kutta transport")
struct BoundTests {
    /// A start plane through the track's origin, a destination plane 300-900 mm along its helix
    /// (tilted up to ~45° from the track direction), and the start bound parameters.
    static func scenario(_ rng: inout SplitMix64, bz: Double)
        -> (src: (centre: [Double], rot: [Double]), dst: (centre: [Double], rot: [Double]), params: [Double]) {
        let pT = rng.uniform(0.5, 5), phi = rng.uniform(-.pi, .pi), eta = rng.uniform(-1.5, 1.5)
        let q = rng.uniform() < 0.5 ? -1.0 : 1.0
        let mom = [pT * cos(phi), pT * sin(phi), pT * sinh(eta)]
        let pos = [rng.gaussian(), rng.gaussian(), rng.gaussian() * 50]
        let t = mom.map { $0 / norm(mom) }
        let src = frame(centre: pos.map { $0 + rng.gaussian() }, normal: t.map { $0 + 0.3 * rng.gaussian() }, &rng)
        var onPlane = [Double](repeating: 0, count: 3), dir = onPlane, s = 0.0
        _ = weft_shim_helix_plane(pos, mom, q, bz, src.centre, Array([src.rot[2], src.rot[5], src.rot[8]]),
                                  -1e4, 1e4, &onPlane, &dir, &s)
        var params = [Double](repeating: 0, count: 5)
        _ = weft_shim_free_to_bound(src.centre, src.rot, onPlane, dir.map { $0 * norm(mom) }, q, &params)
        var ahead = [Double](repeating: 0, count: 3), aheadDir = ahead
        _ = weft_shim_helix_advance(onPlane, dir.map { $0 * norm(mom) }, q, bz, rng.uniform(300, 900), &ahead, &aheadDir)
        let dst = frame(centre: ahead.map { $0 + 5 * rng.gaussian() },
                        normal: aheadDir.map { $0 + 0.5 * rng.gaussian() }, &rng)
        return (src, dst, params)
    }

    @Test("free -> bound -> free round trip")
    func conversions() {
        var rng = SplitMix64(seed: 41)
        for _ in 0..<100 {
            let plane = frame(centre: [rng.gaussian() * 100, rng.gaussian() * 100, rng.gaussian() * 100],
                              normal: [rng.gaussian(), rng.gaussian(), rng.gaussian()], &rng)
            let (a, b) = (rng.uniform(-50, 50), rng.uniform(-50, 50))
            let r = plane.rot
            let pos = (0..<3).map { plane.centre[$0] + a * r[3 * $0] + b * r[3 * $0 + 1] }
            let mom = [rng.gaussian(), rng.gaussian(), rng.gaussian()], q = -1.0
            var params = [Double](repeating: .nan, count: 5)
            #expect(weft_shim_free_to_bound(plane.centre, plane.rot, pos, mom, q, &params) == WEFT_SHIM_OK)
            #expect(abs(params[0] - a) < 1e-9 && abs(params[1] - b) < 1e-9)
            #expect(abs(params[4] - q / norm(mom)) < 1e-15)
            #expect(params[3] >= 0 && params[3] <= .pi)
            var back = [Double](repeating: .nan, count: 3), dir = back
            #expect(weft_shim_bound_to_free(plane.centre, plane.rot, params, &back, &dir) == WEFT_SHIM_OK)
            #expect(maxAbsDifference(back, pos) < 1e-9)
            #expect(maxAbsDifference(dir, mom.map { $0 / norm(mom) }) < 1e-14)
        }
    }

    @Test("bound propagation lands where free propagation does")
    func matchesFreePropagation() {
        var rng = SplitMix64(seed: 42)
        withUniformField([0, 0, 2]) { field in
            for _ in 0..<50 {
                let (src, dst, params) = Self.scenario(&rng, bz: 2)
                var out = [Double](repeating: .nan, count: 5), s = 0.0
                #expect(weft_shim_rk_bound_plane(src.centre, src.rot, params, dst.centre, dst.rot, uniformField, field,
                                                 nil, 0, 5000, &out, nil, &s) == WEFT_SHIM_OK)
                var pos = [Double](repeating: 0, count: 3), dir = pos
                _ = weft_shim_bound_to_free(src.centre, src.rot, params, &pos, &dir)
                let p = 1 / abs(params[4]), q = params[4] > 0 ? 1.0 : -1.0
                let exact = helixPlane(pos, dir.map { $0 * p }, q, 2, point: dst.centre,
                                       normal: [dst.rot[2], dst.rot[5], dst.rot[8]], sMax: 5000)
                var expected = [Double](repeating: .nan, count: 5)
                _ = weft_shim_free_to_bound(dst.centre, dst.rot, exact.pos, exact.dir.map { $0 * p }, q, &expected)
                #expect(abs(s - exact.s) < 1e-3)
                #expect(abs(out[0] - expected[0]) < 1e-3 && abs(out[1] - expected[1]) < 1e-3)
                #expect(abs(out[2] - expected[2]) < 1e-6 && abs(out[3] - expected[3]) < 1e-6)
                #expect(out[4] == params[4])
            }
        }
    }

    @Test("the transport Jacobian equals central finite differences", arguments: [0.0, 2.0])
    func jacobian(bz: Double) {
        var rng = SplitMix64(seed: 43)
        var opts = options(tolerance: 1e-9)
        let steps = [1e-4, 1e-4, 1e-6, 1e-6, 1e-6]
        withUniformField([0, 0, bz]) { field in
            for _ in 0..<20 {
                let (src, dst, params) = Self.scenario(&rng, bz: max(bz, 1e-9))
                var out = [Double](repeating: .nan, count: 5), jac = [Double](repeating: .nan, count: 25), s = 0.0
                #expect(weft_shim_rk_bound_plane(src.centre, src.rot, params, dst.centre, dst.rot, uniformField,
                                                 field, &opts, 0, 5000, &out, &jac, &s) == WEFT_SHIM_OK)
                for j in 0..<5 {
                    let h = steps[j] * (j == 4 ? abs(params[4]) : 1)
                    var plus = params, minus = params
                    plus[j] += h
                    minus[j] -= h
                    var outPlus = out, outMinus = out
                    _ = weft_shim_rk_bound_plane(src.centre, src.rot, plus, dst.centre, dst.rot, uniformField, field,
                                                 &opts, 0, 5000, &outPlus, nil, &s)
                    _ = weft_shim_rk_bound_plane(src.centre, src.rot, minus, dst.centre, dst.rot, uniformField, field,
                                                 &opts, 0, 5000, &outMinus, nil, &s)
                    for i in 0..<5 {
                        let numeric = (outPlus[i] - outMinus[i]) / (2 * h)
                        let analytic = jac[i * 5 + j]
                        #expect(abs(numeric - analytic) <= 1e-5 * max(1, abs(analytic)),
                                "J[\(i)][\(j)]: analytic \(analytic), numeric \(numeric)")
                    }
                }
            }
        }
    }

    @Test("bad input is rejected")
    func errors() {
        let c = [0.0, 0, 0], r = identity(3)
        var out = [Double](repeating: 0, count: 5), s = 0.0
        #expect(weft_shim_free_to_bound(c, r, c, [0, 0, 0], 1, &out) == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        var pos = [Double](repeating: 0, count: 3), dir = pos
        #expect(weft_shim_bound_to_free(c, r, [0, 0, .nan, 1, 1], &pos, &dir) == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        #expect(weft_shim_rk_bound_plane(c, r, [0, 0, 0, 0.1, 1], c, r, uniformField, nil, nil, 0, 10, &out, nil, nil)
            == WEFT_SHIM_ERR_NULL_POINTER)
        #expect(weft_shim_rk_bound_plane(c, r, [0, 0, 0, 0.1, 1], c, r, uniformField, nil, nil, 5, 1, &out, nil, &s)
            == WEFT_SHIM_ERR_INVALID_ARGUMENT)
    }
}
