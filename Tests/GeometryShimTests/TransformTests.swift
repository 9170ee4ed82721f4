import GeometryShim
import Testing

@Suite("Global <-> local transforms")
struct TransformTests {
    /// n random modules (centres within the TrackML envelope, random rotations) and n points near them.
    static func randomModules(_ n: Int, seed: UInt64) -> (centres: [Double], rotations: [Double], points: [Double]) {
        var rng = SplitMix64(seed: seed)
        var centres: [Double] = [], rotations: [Double] = [], points: [Double] = []
        for _ in 0..<n {
            let c = [rng.uniform(-1000, 1000), rng.uniform(-1000, 1000), rng.uniform(-3000, 3000)]
            centres += c
            rotations += rng.rotation()
            points += c.map { $0 + rng.uniform(-50, 50) }
        }
        return (centres, rotations, points)
    }

    @Test("global -> local -> global returns every point to 1e-9 mm", arguments: [100, 50_000])
    func roundTrip(count: Int) {
        let (centres, rotations, points) = Self.randomModules(count, seed: 7)
        var local = [Double](repeating: .nan, count: 3 * count)
        var back = [Double](repeating: .nan, count: 3 * count)
        #expect(weft_shim_global_to_local(count, centres, rotations, points, &local) == WEFT_SHIM_OK)
        #expect(weft_shim_local_to_global(count, centres, rotations, local, &back) == WEFT_SHIM_OK)
        #expect(maxAbsDifference(points, back) < 1e-9)
        // A rotation preserves distances to the module centre.
        for i in stride(from: 0, to: count, by: 97) {
            let d = (0..<3).map { points[3 * i + $0] - centres[3 * i + $0] }
            #expect(abs(norm(d) - norm(Array(local[(3 * i)..<(3 * i + 3)]))) < 1e-9)
        }
    }

    @Test("a point c + a u + b v of the module plane has local (a, b, 0)")
    func pointOnPlane() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<200 {
            let c = [rng.uniform(-500, 500), rng.uniform(-500, 500), rng.uniform(-500, 500)]
            let r = rng.rotation()
            let (a, b) = (rng.uniform(-40, 40), rng.uniform(-40, 40))
            // Columns of the row-major rotation are the local axes.
            let point = (0..<3).map { c[$0] + a * r[3 * $0] + b * r[3 * $0 + 1] }
            var local = [Double](repeating: .nan, count: 3)
            #expect(weft_shim_global_to_local(1, c, r, point, &local) == WEFT_SHIM_OK)
            #expect(abs(local[0] - a) < 1e-9 && abs(local[1] - b) < 1e-9)
            #expect(abs(local[2]) < 1e-9)
        }
    }

    @Test("TrackML convention: global = c + R local with R rows (rot_xu rot_xv rot_xw) ...")
    func trackmlConvention() {
        // A barrel-like module at phi = 90°: u along -x, v along z, w along +y (radially out).
        let centre = [0.0, 32.0, 10.0]
        let rotation = [-1.0, 0, 0, 0, 0, 1, 0, 1, 0]
        var global = [Double](repeating: 0, count: 3)
        #expect(weft_shim_local_to_global(1, centre, rotation, [2.0, 3.0, 0.5], &global) == WEFT_SHIM_OK)
        #expect(global == [-2.0, 32.5, 13.0])
    }

    @Test("outputs may alias inputs")
    func aliasing() {
        let (centres, rotations, points) = Self.randomModules(10, seed: 3)
        var buffer = points
        #expect(weft_shim_global_to_local(10, centres, rotations, buffer, &buffer) == WEFT_SHIM_OK)
        #expect(weft_shim_local_to_global(10, centres, rotations, buffer, &buffer) == WEFT_SHIM_OK)
        #expect(maxAbsDifference(points, buffer) < 1e-9)
    }

    @Test("indexed SoA float variant agrees with the double transform and round-trips",
          arguments: [1_000, 120_000])
    func indexed(count: Int) {
        let modules = 500
        let (centres, rotations, _) = Self.randomModules(modules, seed: 5)
        let cx = (0..<modules).map { centres[3 * $0] }
        let cy = (0..<modules).map { centres[3 * $0 + 1] }
        let cz = (0..<modules).map { centres[3 * $0 + 2] }
        var rng = SplitMix64(seed: 9)
        let index = (0..<count).map { _ in Int32(rng.next() % UInt64(modules)) }
        let x = index.map { Float(cx[Int($0)] + rng.uniform(-30, 30)) }
        let y = index.map { Float(cy[Int($0)] + rng.uniform(-30, 30)) }
        let z = index.map { Float(cz[Int($0)] + rng.uniform(-30, 30)) }
        var u = [Float](repeating: .nan, count: count), v = u, w = u
        #expect(weft_shim_global_to_local_indexed(count, x, y, z, index, modules, cx, cy, cz, rotations,
                                                  &u, &v, &w) == WEFT_SHIM_OK)
        // Reference: the per-point double transform on the same float inputs.
        for i in stride(from: 0, to: count, by: 101) {
            let m = Int(index[i])
            var local = [Double](repeating: .nan, count: 3)
            _ = weft_shim_global_to_local(1, [cx[m], cy[m], cz[m]], Array(rotations[(9 * m)..<(9 * m + 9)]),
                                          [Double(x[i]), Double(y[i]), Double(z[i])], &local)
            // Only the float rounding of the output differs: local coordinates are below ~60 mm.
            #expect(abs(Double(u[i]) - local[0]) < 1e-5 && abs(Double(v[i]) - local[1]) < 1e-5
                && abs(Double(w[i]) - local[2]) < 1e-5)
        }
        var gx = [Float](repeating: .nan, count: count), gy = gx, gz = gx
        #expect(weft_shim_local_to_global_indexed(count, u, v, w, index, modules, cx, cy, cz, rotations,
                                                  &gx, &gy, &gz) == WEFT_SHIM_OK)
        // Float storage at |coordinate| <= 3000 mm: a few ulps of 2.4e-4 mm.
        let worst = (0..<count).map { max(abs(gx[$0] - x[$0]), abs(gy[$0] - y[$0]), abs(gz[$0] - z[$0])) }.max()!
        #expect(worst < 1e-3)
    }

    @Test("bad input: NULL pointers, out-of-range module index (outputs untouched), empty batch")
    func errors() {
        let c = [0.0, 0, 0], r = identity(3)
        var out = [Double](repeating: 0, count: 3)
        #expect(weft_shim_global_to_local(1, nil, r, c, &out) == WEFT_SHIM_ERR_NULL_POINTER)
        #expect(weft_shim_local_to_global(1, c, r, c, nil) == WEFT_SHIM_ERR_NULL_POINTER)
        #expect(weft_shim_global_to_local(0, nil, nil, nil, nil) == WEFT_SHIM_OK)
        let x: [Float] = [1, 2], y: [Float] = [3, 4], z: [Float] = [5, 6]
        var u: [Float] = [-7, -7], v = u, w = u
        for bad: [Int32] in [[0, 1], [0, -1]] {
            #expect(weft_shim_global_to_local_indexed(2, x, y, z, bad, 1, [0], [0], [0], r, &u, &v, &w)
                == WEFT_SHIM_ERR_INDEX_OUT_OF_RANGE)
        }
        #expect(u == [-7, -7] && v == [-7, -7] && w == [-7, -7])
        #expect(weft_shim_local_to_global_indexed(2, x, y, z, [0, 0], 1, nil, [0], [0], r, &u, &v, &w)
            == WEFT_SHIM_ERR_NULL_POINTER)
        #expect(weft_shim_global_to_local_indexed(2, x, y, z, [0, 0], 1, [0], [0], [0], r, &u, &v, &w)
            == WEFT_SHIM_OK)
        #expect(u == [1, 2] && v == [3, 4] && w == [5, 6])
    }

    @Test("status messages and version")
    func statusAndVersion() {
        #expect(String(cString: weft_shim_status_message(WEFT_SHIM_OK)) == "ok")
        #expect(String(cString: weft_shim_status_message(WEFT_SHIM_ERR_SINGULAR)).contains("singular"))
        #expect(String(cString: weft_shim_status_message(42)) == "unknown status")
        let version = String(cString: weft_shim_version())
        #expect(version.hasPrefix("weft-shim") && version.contains("Eigen 3.") && version.contains("oneTBB"))
    }
}
