import Foundation
import GeometryShim
import Testing

@Suite("Bound parameters transported along the analytic helix")
struct HelixBoundTests {
    /// Propagates `params` from `src` to `dst` along the helix; nil unless the shim answers OK.
    static func helix(_ src: (centre: [Double], rot: [Double]), _ dst: (centre: [Double], rot: [Double]), _ params: [Double],
                      bz: Double, jacobian: Bool = true) -> (params: [Double], jacobian: [Double], s: Double)? {
        var out = [Double](repeating: .nan, count: 5), jac = [Double](repeating: .nan, count: 25), s = 0.0
        let status = jacobian
            ? weft_shim_helix_bound_plane(src.centre, src.rot, params, dst.centre, dst.rot, bz, 0, 5000, &out, &jac, &s)
            : weft_shim_helix_bound_plane(src.centre, src.rot, params, dst.centre, dst.rot, bz, 0, 5000, &out, nil, &s)
        return status == WEFT_SHIM_OK ? (out, jac, s) : nil
    }

    @Test("parameters, path and Jacobian agree with a tight Runge–Kutta in the same uniform field")
    func matchesRungeKutta() throws {
        var rng = SplitMix64(seed: 44)
        var opts = options(tolerance: 1e-9)
        try withUniformField([0, 0, 2]) { field in
            for _ in 0..<50 {
                let (src, dst, params) = BoundTests.scenario(&rng, bz: 2)
                let exact = try #require(Self.helix(src, dst, params, bz: 2))
                var rk = [Double](repeating: .nan, count: 5), rkJac = [Double](repeating: .nan, count: 25), s = 0.0
                #expect(weft_shim_rk_bound_plane(src.centre, src.rot, params, dst.centre, dst.rot, uniformField, field,
                                                 &opts, 0, 5000, &rk, &rkJac, &s) == WEFT_SHIM_OK)
                #expect(abs(exact.s - s) < 1e-6)
                #expect(abs(exact.params[0] - rk[0]) < 1e-6 && abs(exact.params[1] - rk[1]) < 1e-6)
                #expect(abs(exact.params[2] - rk[2]) < 1e-9 && abs(exact.params[3] - rk[3]) < 1e-9)
                #expect(exact.params[4] == params[4])
                for k in 0..<25 {
                    #expect(abs(exact.jacobian[k] - rkJac[k]) <= 1e-5 * max(1, abs(rkJac[k])),
                            "J[\(k / 5)][\(k % 5)]: helix \(exact.jacobian[k]), Runge–Kutta \(rkJac[k])")
                }
            }
        }
    }

    // The helix's own finite differences test the closed-form derivatives of sinc and cosc in both
    // of their branches: at 2 T the bending angle a = hs of these 300–900 mm paths is 0.03–1 rad,
    // at 1e-5 T it is below 0.01 (the Taylor branch), at 0 T the track is a straight line.
    @Test("the Jacobian equals central finite differences of the helix", arguments: [0.0, 1e-5, 2.0])
    func jacobian(bz: Double) throws {
        var rng = SplitMix64(seed: 45)
        let steps = [1e-4, 1e-4, 1e-6, 1e-6, 1e-6]
        for _ in 0..<20 {
            let (src, dst, params) = BoundTests.scenario(&rng, bz: max(bz, 1e-9))
            let base = try #require(Self.helix(src, dst, params, bz: bz))
            for j in 0..<5 {
                let h = steps[j] * (j == 4 ? abs(params[4]) : 1)
                var plus = params, minus = params
                plus[j] += h
                minus[j] -= h
                let p = try #require(Self.helix(src, dst, plus, bz: bz, jacobian: false))
                let m = try #require(Self.helix(src, dst, minus, bz: bz, jacobian: false))
                for i in 0..<5 {
                    let numeric = (p.params[i] - m.params[i]) / (2 * h)
                    let analytic = base.jacobian[i * 5 + j]
                    #expect(abs(numeric - analytic) <= 1e-6 * max(1, abs(analytic)),
                            "bz \(bz) J[\(i)][\(j)]: analytic \(analytic), numeric \(numeric)")
                }
            }
        }
    }

    @Test("out and back along the helix returns the start parameters and inverse Jacobians")
    func roundTrip() throws {
        var rng = SplitMix64(seed: 46)
        for _ in 0..<30 {
            let (src, dst, params) = BoundTests.scenario(&rng, bz: 2)
            let out = try #require(Self.helix(src, dst, params, bz: 2))
            // Backwards: the reversed state (φ + π, π − θ, −q/p) runs the same helix the other way.
            var reversed = out.params
            reversed[2] += .pi
            if reversed[2] > .pi { reversed[2] -= 2 * .pi }
            reversed[3] = .pi - reversed[3]
            reversed[4] = -reversed[4]
            let back = try #require(Self.helix(dst, src, reversed, bz: 2))
            #expect(abs(back.s - out.s) < 1e-9 * max(1, out.s))
            #expect(abs(back.params[0] - params[0]) < 1e-9 && abs(back.params[1] - params[1]) < 1e-9)
            var phi = back.params[2] + .pi
            if phi > .pi { phi -= 2 * .pi }
            #expect(abs(phi - params[2]) < 1e-11 && abs(.pi - back.params[3] - params[3]) < 1e-11)
            #expect(-back.params[4] == params[4])
            // d(start)/d(start) through the reversal D = diag(1, 1, 1, −1, −1): D J_back D J_out = 1.
            let d = [1.0, 1, 1, -1, -1]
            for i in 0..<5 {
                for j in 0..<5 {
                    var sum = 0.0
                    for k in 0..<5 { sum += d[i] * back.jacobian[i * 5 + k] * d[k] * out.jacobian[k * 5 + j] }
                    #expect(abs(sum - (i == j ? 1 : 0)) < 1e-8, "(D J_back D J_out)[\(i)][\(j)] = \(sum)")
                }
            }
        }
    }

    @Test("no crossing in the window and bad input are reported, never answered")
    func errors() {
        let c = [0.0, 0, 0], r = identity(3)
        var out = [Double](repeating: 0, count: 5), s = 0.0
        // A plane z = 100 mm behind a track flying towards −z is never crossed forwards.
        let ahead = ([0.0, 0, 100], identity(3))
        #expect(weft_shim_helix_bound_plane(c, r, [0, 0, 0, 3, 1], ahead.0, ahead.1, 2, 0, 1000, &out, nil, &s)
            == WEFT_SHIM_ERR_NO_INTERSECTION)
        #expect(weft_shim_helix_bound_plane(c, r, [0, 0, 0, 0.1, 1], ahead.0, ahead.1, 2, 0, 1000, &out, nil, &s) == WEFT_SHIM_OK)
        #expect(weft_shim_helix_bound_plane(c, r, [0, 0, 0, 0.1, 1], c, r, 2, 0, 10, &out, nil, nil) == WEFT_SHIM_ERR_NULL_POINTER)
        #expect(weft_shim_helix_bound_plane(c, r, [0, 0, 0, 0.1, 1], c, r, .nan, 0, 10, &out, nil, &s)
            == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        #expect(weft_shim_helix_bound_plane(c, r, [0, 0, 0, 0.1, 1], c, r, 2, 5, 1, &out, nil, &s)
            == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        #expect(weft_shim_helix_bound_plane(c, r, [0, 0, .infinity, 0.1, 1], c, r, 2, 0, 10, &out, nil, &s)
            == WEFT_SHIM_ERR_INVALID_ARGUMENT)
    }
}
