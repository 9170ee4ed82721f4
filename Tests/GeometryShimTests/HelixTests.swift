import Foundation
import GeometryShim
import Testing

/// An independent helix model for the checks: the transverse motion as an angle about the circle's
/// centre, written from the physics (not from the shim's formulas).
struct ReferenceHelix {
    let centre: (x: Double, y: Double)
    let radius: Double       // mm
    let phase0: Double       // angle of the start point seen from the centre
    let omega: Double        // d(phase)/ds, 1/mm; negative (clockwise) for q Bz > 0
    let z0: Double, dzds: Double
    let start: [Double], direction: [Double]

    init(pos: [Double], mom: [Double], charge: Double, bz: Double) {
        let p = norm(mom), pT = hypot(mom[0], mom[1])
        start = pos
        direction = mom.map { $0 / p }
        z0 = pos[2]
        dzds = mom[2] / p
        let sign = (charge * bz).sign == .minus ? -1.0 : 1.0
        radius = pT / (curvatureConstant * abs(charge * bz))
        // The force q v x B points to the right of the motion for q Bz > 0: the centre is there.
        let (ux, uy) = (mom[0] / pT, mom[1] / pT)
        centre = (pos[0] + sign * radius * uy, pos[1] - sign * radius * ux)
        phase0 = atan2(pos[1] - centre.y, pos[0] - centre.x)
        omega = -sign * (pT / p) / radius
    }

    func position(_ s: Double) -> [Double] {
        let phase = phase0 + omega * s
        return [centre.x + radius * cos(phase), centre.y + radius * sin(phase), z0 + dzds * s]
    }
}

struct Crossing {
    var pos = [Double](repeating: .nan, count: 3)
    var dir = [Double](repeating: .nan, count: 3)
    var s = Double.nan
    var status: Int32 = 0
}

func helixPlane(_ pos: [Double], _ mom: [Double], _ q: Double, _ bz: Double, point: [Double], normal: [Double],
                sMin: Double = 0, sMax: Double = 10_000) -> Crossing {
    var c = Crossing()
    c.status = weft_shim_helix_plane(pos, mom, q, bz, point, normal, sMin, sMax, &c.pos, &c.dir, &c.s)
    return c
}

/// All crossings of f(s) = n·(r(s) - p) with the reference helix in (sMin, sMax], by a fine scan and bisection.
func referenceCrossings(_ helix: ReferenceHelix, point: [Double], normal: [Double],
                        sMin: Double, sMax: Double, step: Double = 0.25) -> [Double] {
    let n = normal.map { $0 / norm(normal) }
    func f(_ s: Double) -> Double { dot(n, zip(helix.position(s), point).map { $0 - $1 }) }
    var roots: [Double] = []
    var a = sMin, fa = f(a)
    while a < sMax {
        let b = min(a + step, sMax), fb = f(b)
        if fa != 0 && (fa < 0) != (fb < 0) {
            var (lo, hi, flo) = (a, b, fa)
            for _ in 0..<80 {
                let mid = 0.5 * (lo + hi), fm = f(mid)
                if (fm < 0) == (flo < 0) { (lo, flo) = (mid, fm) } else { hi = mid }
            }
            roots.append(0.5 * (lo + hi))
        }
        (a, fa) = (b, fb)
    }
    return roots
}

@Suite("Analytic helix and its surface intersections")
struct HelixTests {
    static let bz = 2.0

    /// A random track from the luminous region: pT 0.3-10 GeV, |eta| < 2.5, charge ±1.
    static func randomTrack(_ rng: inout SplitMix64) -> (pos: [Double], mom: [Double], charge: Double) {
        let pT = exp(rng.uniform(log(0.3), log(10))), phi = rng.uniform(-.pi, .pi), eta = rng.uniform(-2.5, 2.5)
        let mom = [pT * cos(phi), pT * sin(phi), pT * sinh(eta)]
        let pos = [rng.gaussian() * 0.02, rng.gaussian() * 0.02, rng.gaussian() * 55]
        return (pos, mom, rng.uniform() < 0.5 ? -1 : 1)
    }

    @Test("advancing stays on the circle of radius pT / (0.3e-3 B) and matches the reference helix")
    func advance() {
        var rng = SplitMix64(seed: 21)
        for _ in 0..<200 {
            let (pos, mom, q) = Self.randomTrack(&rng)
            let reference = ReferenceHelix(pos: pos, mom: mom, charge: q, bz: Self.bz)
            let s = rng.uniform(-3000, 3000)
            var r = [Double](repeating: .nan, count: 3), t = r
            #expect(weft_shim_helix_advance(pos, mom, q, Self.bz, s, &r, &t) == WEFT_SHIM_OK)
            #expect(abs(hypot(r[0] - reference.centre.x, r[1] - reference.centre.y) - reference.radius) < 1e-8)
            #expect(maxAbsDifference(r, reference.position(s)) < 1e-8)
            #expect(abs(norm(t) - 1) < 1e-14)
            // The direction is the derivative of the position.
            let ds = 1e-4
            let ahead = reference.position(s + ds), behind = reference.position(s - ds)
            #expect(maxAbsDifference(t, (0..<3).map { (ahead[$0] - behind[$0]) / (2 * ds) }) < 1e-7)
        }
    }

    @Test("plane crossings lie on the plane and on the helix, and are the first ones")
    func planeCrossings() {
        var rng = SplitMix64(seed: 22)
        for _ in 0..<300 {
            let (pos, mom, q) = Self.randomTrack(&rng)
            let reference = ReferenceHelix(pos: pos, mom: mom, charge: q, bz: Self.bz)
            // A plane through a point of the trajectory, with a random orientation.
            let sTrue = rng.uniform(10, 2000)
            let point = reference.position(sTrue)
            let normal = [rng.gaussian(), rng.gaussian(), rng.gaussian()]
            let c = helixPlane(pos, mom, q, Self.bz, point: point, normal: normal, sMax: 3000)
            #expect(c.status == WEFT_SHIM_OK)
            guard c.status == WEFT_SHIM_OK else { continue }
            let n = normal.map { $0 / norm(normal) }
            #expect(abs(dot(n, zip(c.pos, point).map { $0 - $1 })) < 1e-9)
            #expect(abs(hypot(c.pos[0] - reference.centre.x, c.pos[1] - reference.centre.y) - reference.radius) < 1e-6)
            #expect(maxAbsDifference(c.pos, reference.position(c.s)) < 1e-6)
            let first = referenceCrossings(reference, point: point, normal: normal, sMin: 0, sMax: sTrue + 1).first
            #expect(first != nil && abs(first! - c.s) < 1e-6)
        }
    }

    @Test("a looper crosses a plane parallel to z again and again: each call returns the next crossing")
    func looper() {
        // pT = 0.15 GeV in 2 T: R ≈ 250 mm; nearly transverse, so it curls many times within 10 m.
        let pos = [0.0, 0, 0], mom = [0.0, 0.15, 0.004], q = 1.0
        let point = [100.0, 0, 0], normal = [1.0, 0, 0]
        let reference = ReferenceHelix(pos: pos, mom: mom, charge: q, bz: Self.bz)
        let expected = referenceCrossings(reference, point: point, normal: normal, sMin: 0, sMax: 5000)
        #expect(expected.count >= 6)
        var sMin = 0.0
        for sExpected in expected.prefix(6) {
            let c = helixPlane(pos, mom, q, Self.bz, point: point, normal: normal, sMin: sMin, sMax: 5000)
            #expect(c.status == WEFT_SHIM_OK)
            #expect(abs(c.s - sExpected) < 1e-6)
            #expect(abs(c.pos[0] - 100) < 1e-9)
            sMin = c.s + 1e-6
        }
        // A plane beyond the circle's reach: no crossing, found without walking through 1e7 mm of turns.
        let far = helixPlane(pos, mom, q, Self.bz, point: [600, 0, 0], normal: normal, sMax: 1e7)
        #expect(far.status == WEFT_SHIM_ERR_NO_INTERSECTION)
    }

    @Test("B = 0 and neutral tracks are straight lines", arguments: [(1.0, 0.0), (0.0, 2.0)])
    func straightLine(charge: Double, bz: Double) {
        var rng = SplitMix64(seed: 23)
        for _ in 0..<100 {
            let (pos, mom, _) = Self.randomTrack(&rng)
            let t = mom.map { $0 / norm(mom) }
            let point = (0..<3).map { pos[$0] + 500 * t[$0] + rng.uniform(-100, 100) }
            let normal = [rng.gaussian(), rng.gaussian(), rng.gaussian()]
            let sExpected = dot(normal, zip(point, pos).map { $0 - $1 }) / dot(normal, t)
            let c = helixPlane(pos, mom, charge, bz, point: point, normal: normal, sMin: -1e5, sMax: 1e5)
            #expect(c.status == WEFT_SHIM_OK)
            #expect(abs(c.s - sExpected) < 1e-9 * max(1, abs(sExpected)))
            #expect(maxAbsDifference(c.pos, (0..<3).map { pos[$0] + sExpected * t[$0] }) < 1e-8)
            #expect(maxAbsDifference(c.dir, t) < 1e-15)
        }
        // Behind the start, with a forward-only window: no crossing.
        let behind = helixPlane([0, 0, 0], [1, 0, 0], charge, bz, point: [-10, 0, 0], normal: [1, 0, 0], sMax: 1e4)
        #expect(behind.status == WEFT_SHIM_ERR_NO_INTERSECTION)
    }

    @Test("cylinder: a track from the axis reaches radius r after s = 2R asin(r / 2R) / sin(theta)")
    func cylinder() {
        var rng = SplitMix64(seed: 24)
        for _ in 0..<200 {
            let (_, mom, q) = Self.randomTrack(&rng)
            let pos = [0.0, 0, rng.gaussian() * 55]
            let pT = hypot(mom[0], mom[1]), p = norm(mom)
            let bigR = pT / (curvatureConstant * Self.bz)
            let r = rng.uniform(30, 1000)
            var c = Crossing()
            c.status = weft_shim_helix_cylinder(pos, mom, q, Self.bz, r, 0, 1e5, &c.pos, &c.dir, &c.s)
            if r > 2 * bigR {
                #expect(c.status == WEFT_SHIM_ERR_NO_INTERSECTION)
                continue
            }
            #expect(c.status == WEFT_SHIM_OK)
            let sExpected = 2 * bigR * asin(r / (2 * bigR)) * p / pT
            #expect(abs(c.s - sExpected) < 1e-9 * max(1, sExpected))
            #expect(abs(hypot(c.pos[0], c.pos[1]) - r) < 1e-9)
        }
        // Straight line from outside, heading inwards: first the entry at x = -100 (s = 200).
        var c = Crossing()
        c.status = weft_shim_helix_cylinder([-300, 0, 0], [1, 0, 0], 1, 0, 100, 0, 1e4, &c.pos, &c.dir, &c.s)
        #expect(c.status == WEFT_SHIM_OK && abs(c.s - 200) < 1e-9 && abs(c.pos[0] + 100) < 1e-9)
        c.status = weft_shim_helix_cylinder([-300, 0, 0], [1, 0, 0], 1, 0, 100, 200 + 1e-6, 1e4, &c.pos, &c.dir, &c.s)
        #expect(c.status == WEFT_SHIM_OK && abs(c.s - 400) < 1e-9)
        // Parallel to the axis, outside the cylinder: never crosses.
        c.status = weft_shim_helix_cylinder([300, 0, 0], [0, 0, 1], 0, 2, 100, 0, 1e4, &c.pos, &c.dir, &c.s)
        #expect(c.status == WEFT_SHIM_ERR_NO_INTERSECTION)
    }

    @Test("z-plane: s = (z - z0) / cos(theta) and the transverse point is on the helix")
    func zPlane() {
        var rng = SplitMix64(seed: 25)
        for _ in 0..<100 {
            let (pos, mom, q) = Self.randomTrack(&rng)
            guard abs(mom[2]) > 0.05 * norm(mom) else { continue }
            let zPlane = mom[2] > 0 ? 1500.0 : -1500.0
            var c = Crossing()
            c.status = weft_shim_helix_zplane(pos, mom, q, Self.bz, zPlane, 0, 1e5, &c.pos, &c.dir, &c.s)
            #expect(c.status == WEFT_SHIM_OK)
            let sExpected = (zPlane - pos[2]) * norm(mom) / mom[2]
            #expect(abs(c.s - sExpected) < 1e-9 * sExpected)
            let reference = ReferenceHelix(pos: pos, mom: mom, charge: q, bz: Self.bz)
            #expect(maxAbsDifference(c.pos, reference.position(sExpected)) < 1e-6)
        }
    }

    @Test("forward to a plane, then back with reversed momentum and charge, returns to the start")
    func forwardBackward() {
        var rng = SplitMix64(seed: 26)
        for _ in 0..<200 {
            var (pos, mom, q) = Self.randomTrack(&rng)
            // pT >= 0.5 GeV and s <= 1000 mm keep the arc below 90°, so the start plane is not
            // crossed on the way.
            if hypot(mom[0], mom[1]) < 0.5 { mom = mom.map { $0 * 2 } }
            let p = norm(mom), t0 = mom.map { $0 / p }
            let reference = ReferenceHelix(pos: pos, mom: mom, charge: q, bz: Self.bz)
            let sTrue = rng.uniform(50, 1000)
            let forward = helixPlane(pos, mom, q, Self.bz, point: reference.position(sTrue),
                                     normal: [rng.gaussian(), rng.gaussian(), rng.gaussian()])
            #expect(forward.status == WEFT_SHIM_OK)
            let back = helixPlane(forward.pos, forward.dir.map { -$0 * p }, -q, Self.bz,
                                  point: pos, normal: t0, sMin: 1e-6)
            #expect(back.status == WEFT_SHIM_OK)
            #expect(maxAbsDifference(back.pos, pos) < 1e-9)
            #expect(maxAbsDifference(back.dir, t0.map { -$0 }) < 1e-12)
            #expect(abs(back.s - forward.s) < 1e-9)
        }
    }

    @Test("bad input is rejected with a status code")
    func errors() {
        var c = Crossing()
        let pos = [0.0, 0, 0], mom = [1.0, 0, 0]
        #expect(weft_shim_helix_plane(pos, [0, 0, 0], 1, 2, pos, [1, 0, 0], 0, 10, &c.pos, &c.dir, &c.s)
            == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        #expect(weft_shim_helix_plane(pos, mom, 1, 2, pos, [0, 0, 0], 0, 10, &c.pos, &c.dir, &c.s)
            == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        #expect(weft_shim_helix_plane(pos, mom, 1, 2, pos, [1, 0, 0], 10, 10, &c.pos, &c.dir, &c.s)
            == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        #expect(weft_shim_helix_plane(pos, mom, .nan, 2, pos, [1, 0, 0], 0, 10, &c.pos, &c.dir, &c.s)
            == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        #expect(weft_shim_helix_plane(pos, mom, 1, 2, pos, [1, 0, 0], 0, .infinity, &c.pos, &c.dir, &c.s)
            == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        #expect(weft_shim_helix_plane(pos, mom, 1, 2, nil, [1, 0, 0], 0, 10, &c.pos, &c.dir, &c.s)
            == WEFT_SHIM_ERR_NULL_POINTER)
        #expect(weft_shim_helix_cylinder(pos, mom, 1, 2, -5, 0, 10, &c.pos, &c.dir, &c.s)
            == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        #expect(weft_shim_helix_cylinder(pos, mom, 1, 2, 5, 0, 10, &c.pos, &c.dir, nil)
            == WEFT_SHIM_ERR_NULL_POINTER)
        #expect(weft_shim_helix_advance(pos, mom, 1, 2, .nan, &c.pos, &c.dir) == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        // The window is honoured: the plane at x = 50 lies beyond s_max = 10.
        #expect(helixPlane(pos, mom, 1, 2, point: [50, 0, 0], normal: [1, 0, 0], sMax: 10).status
            == WEFT_SHIM_ERR_NO_INTERSECTION)
    }
}
