import Foundation
import GeometryShim
import Testing

/// A solenoid-like field, 2 T at the centre falling off towards the end-caps, with the radial
/// component that keeps it divergence-free: Bz = B0 / (1 + (z/L)^2), Br = B0 r z / (L^2 (1 + (z/L)^2)^2).
let solenoidField: weft_shim_field_fn = { _, pos, b in
    let (x, y, z) = (pos![0], pos![1], pos![2])
    let b0 = 2.0, l = 2000.0
    let u = 1 + (z / l) * (z / l)
    let radial = b0 * z / (l * l * u * u)
    b![0] = radial * x
    b![1] = radial * y
    b![2] = b0 / u
}

let nanField: weft_shim_field_fn = { _, _, b in
    b![0] = 0
    b![1] = 0
    b![2] = .nan
}

func options(tolerance: Double = 1e-4, maxSteps: Int32 = 100_000) -> weft_shim_rk_options {
    var o = weft_shim_rk_default_options()
    o.tolerance = tolerance
    o.max_steps = maxSteps
    return o
}

@Suite("Runge–Kutta propagation")
struct RungeKuttaTests {
    static let bz = 2.0

    @Test("uniform field: RK agrees with the analytic helix to < 1 µm over 1 m", arguments: [0.3, 1.0, 10.0])
    func agreesWithHelix(pT: Double) {
        var rng = SplitMix64(seed: 31)
        var opts = weft_shim_rk_default_options()
        withUniformField([0, 0, Self.bz]) { field in
            for _ in 0..<20 {
                let phi = rng.uniform(-.pi, .pi), cotTheta = rng.uniform(-1, 1)
                let mom = [pT * cos(phi), pT * sin(phi), pT * cotTheta]
                let pos = [rng.gaussian(), rng.gaussian(), rng.gaussian() * 50]
                let q = rng.uniform() < 0.5 ? -1.0 : 1.0
                var rk = [Double](repeating: .nan, count: 3), rkDir = rk, exact = rk, exactDir = rk
                #expect(weft_shim_rk_advance(pos, mom, q, uniformField, field, &opts, 1000,
                                             &rk, &rkDir) == WEFT_SHIM_OK)
                #expect(weft_shim_helix_advance(pos, mom, q, Self.bz, 1000, &exact, &exactDir) == WEFT_SHIM_OK)
                #expect(norm(zip(rk, exact).map { $0 - $1 }) < 1e-3)
                #expect(maxAbsDifference(rkDir, exactDir) < 1e-6)
            }
        }
    }

    @Test("uniform field: RK plane and cylinder crossings agree with the analytic ones to < 1 µm")
    func surfacesAgreeWithHelix() {
        var rng = SplitMix64(seed: 32)
        withUniformField([0, 0, Self.bz]) { field in
            for _ in 0..<100 {
                let (pos, mom, q) = HelixTests.randomTrack(&rng)
                let reference = ReferenceHelix(pos: pos, mom: mom, charge: q, bz: Self.bz)
                let point = reference.position(rng.uniform(20, 1500))
                let normal = [rng.gaussian(), rng.gaussian(), rng.gaussian()]
                let exact = helixPlane(pos, mom, q, Self.bz, point: point, normal: normal, sMax: 3000)
                var rk = Crossing()
                rk.status = weft_shim_rk_plane(pos, mom, q, uniformField, field, nil, point, normal, 0, 3000,
                                               &rk.pos, &rk.dir, &rk.s)
                #expect(rk.status == exact.status)
                if rk.status == WEFT_SHIM_OK {
                    #expect(norm(zip(rk.pos, exact.pos).map { $0 - $1 }) < 1e-3)
                    #expect(abs(rk.s - exact.s) < 1e-3)
                    let n = normal.map { $0 / norm(normal) }
                    #expect(abs(dot(n, zip(rk.pos, point).map { $0 - $1 })) < 1e-9)
                }
                let radius = rng.uniform(30, 1000)
                var exactCyl = Crossing(), rkCyl = Crossing()
                exactCyl.status = weft_shim_helix_cylinder(pos, mom, q, Self.bz, radius, 0, 3000,
                                                           &exactCyl.pos, &exactCyl.dir, &exactCyl.s)
                rkCyl.status = weft_shim_rk_cylinder(pos, mom, q, uniformField, field, nil, radius, 0, 3000,
                                                     &rkCyl.pos, &rkCyl.dir, &rkCyl.s)
                #expect(rkCyl.status == exactCyl.status)
                if rkCyl.status == WEFT_SHIM_OK {
                    #expect(norm(zip(rkCyl.pos, exactCyl.pos).map { $0 - $1 }) < 1e-3)
                    #expect(abs(hypot(rkCyl.pos[0], rkCyl.pos[1]) - radius) < 1e-9)
                }
            }
        }
    }

    @Test("a looper: RK finds the same sequence of crossings as the helix")
    func looper() {
        let pos = [0.0, 0, 0], mom = [0.0, 0.15, 0.004], q = 1.0
        let point = [100.0, 0, 0], normal = [1.0, 0, 0]
        withUniformField([0, 0, Self.bz]) { field in
            var sMin = 0.0
            for _ in 0..<6 {
                let exact = helixPlane(pos, mom, q, Self.bz, point: point, normal: normal, sMin: sMin, sMax: 5000)
                var rk = Crossing()
                rk.status = weft_shim_rk_plane(pos, mom, q, uniformField, field, nil, point, normal, sMin, 5000,
                                               &rk.pos, &rk.dir, &rk.s)
                #expect(exact.status == WEFT_SHIM_OK && rk.status == WEFT_SHIM_OK)
                #expect(abs(rk.s - exact.s) < 1e-3)
                #expect(norm(zip(rk.pos, exact.pos).map { $0 - $1 }) < 1e-3)
                sMin = exact.s + 1e-3
            }
        }
    }

    @Test("no field: a straight line, exactly")
    func noField() {
        withUniformField([0, 0, 0]) { field in
            var rk = Crossing()
            rk.status = weft_shim_rk_plane([1, 2, 3], [3, 4, 0], 1, uniformField, field, nil, [0, 500, 0], [0, 1, 0],
                                           0, 1e4, &rk.pos, &rk.dir, &rk.s)
            #expect(rk.status == WEFT_SHIM_OK)
            #expect(abs(rk.s - 622.5) < 1e-9)
            #expect(maxAbsDifference(rk.pos, [1 + 0.6 * 622.5, 500, 3]) < 1e-9)
            #expect(maxAbsDifference(rk.dir, [0.6, 0.8, 0]) < 1e-15)
        }
    }

    @Test("non-uniform field: forward to a plane and back with reversed momentum and charge returns to the start")
    func forwardBackward() {
        var rng = SplitMix64(seed: 33)
        var opts = options(tolerance: 1e-6)
        for _ in 0..<30 {
            let pT = rng.uniform(0.5, 5), phi = rng.uniform(-.pi, .pi), eta = rng.uniform(-2.5, 2.5)
            let mom = [pT * cos(phi), pT * sin(phi), pT * sinh(eta)]
            let p = norm(mom), t0 = mom.map { $0 / p }
            let pos = [0.0, 0, rng.gaussian() * 55], q = rng.uniform() < 0.5 ? -1.0 : 1.0
            // Target: the plane through the point 800 mm ahead along the helix, facing the track.
            var ahead = [Double](repeating: 0, count: 3), aheadDir = ahead
            _ = weft_shim_helix_advance(pos, mom, q, 2, 800, &ahead, &aheadDir)
            var forward = Crossing()
            forward.status = weft_shim_rk_plane(pos, mom, q, solenoidField, nil, &opts, ahead, aheadDir, 0, 5000,
                                                &forward.pos, &forward.dir, &forward.s)
            #expect(forward.status == WEFT_SHIM_OK)
            var back = Crossing()
            back.status = weft_shim_rk_plane(forward.pos, forward.dir.map { -$0 * p }, -q, solenoidField, nil, &opts,
                                             pos, t0, 1e-6, 5000, &back.pos, &back.dir, &back.s)
            #expect(back.status == WEFT_SHIM_OK)
            #expect(norm(zip(back.pos, pos).map { $0 - $1 }) < 1e-3)
            #expect(maxAbsDifference(back.dir, t0.map { -$0 }) < 1e-6)
            #expect(abs(back.s - forward.s) < 1e-3)
        }
    }

    @Test("advancing by -L undoes advancing by L")
    func advanceBackwards() {
        var opts = options(tolerance: 1e-6)
        let pos = [1.0, -2, 30], mom = [0.7, 0.4, 1.2]
        var mid = [Double](repeating: 0, count: 3), midDir = mid, end = mid, endDir = mid
        #expect(weft_shim_rk_advance(pos, mom, -1, solenoidField, nil, &opts, 1500, &mid, &midDir) == WEFT_SHIM_OK)
        #expect(weft_shim_rk_advance(mid, midDir.map { $0 * norm(mom) }, -1, solenoidField, nil, &opts, -1500,
                                     &end, &endDir) == WEFT_SHIM_OK)
        #expect(norm(zip(end, pos).map { $0 - $1 }) < 1e-3)
        #expect(maxAbsDifference(endDir, mom.map { $0 / norm(mom) }) < 1e-6)
    }

    @Test("bad input and failures are reported with status codes")
    func errors() {
        var c = Crossing()
        let pos = [0.0, 0, 0], mom = [1.0, 0, 0]
        #expect(weft_shim_rk_plane(pos, mom, 1, nil, nil, nil, [10, 0, 0], [1, 0, 0], 0, 100, &c.pos, &c.dir, &c.s)
            == WEFT_SHIM_ERR_NULL_POINTER)
        #expect(weft_shim_rk_plane(pos, mom, 1, nanField, nil, nil, [10, 0, 0], [1, 0, 0], 0, 100, &c.pos, &c.dir, &c.s)
            == WEFT_SHIM_ERR_BAD_FIELD)
        var bad = options(tolerance: -1)
        #expect(weft_shim_rk_plane(pos, mom, 1, solenoidField, nil, &bad, [10, 0, 0], [1, 0, 0], 0, 100,
                                   &c.pos, &c.dir, &c.s) == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        #expect(weft_shim_rk_plane(pos, mom, 1, solenoidField, nil, nil, [10, 0, 0], [1, 0, 0], -1, 100,
                                   &c.pos, &c.dir, &c.s) == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        #expect(weft_shim_rk_cylinder(pos, mom, 1, solenoidField, nil, nil, 0, 0, 100, &c.pos, &c.dir, &c.s)
            == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        #expect(weft_shim_rk_plane(pos, mom, 1, solenoidField, nil, nil, [1000, 0, 0], [1, 0, 0], 0, 100,
                                   &c.pos, &c.dir, &c.s) == WEFT_SHIM_ERR_NO_INTERSECTION)
        var oneStep = options(maxSteps: 1)
        #expect(weft_shim_rk_plane(pos, mom, 1, solenoidField, nil, &oneStep, [1000, 0, 0], [1, 0, 0], 0, 2000,
                                   &c.pos, &c.dir, &c.s) == WEFT_SHIM_ERR_NOT_CONVERGED)
        #expect(weft_shim_rk_advance(pos, [0, 0, 0], 1, solenoidField, nil, nil, 10, &c.pos, &c.dir)
            == WEFT_SHIM_ERR_INVALID_ARGUMENT)
    }
}
