import Detector
import EventData
import Testing

/// Every hit of the real event lies on the module its id names, in both geometries.
@Suite struct HitsOnModulesTests {
    /// Fraction of hits inside their module: |w| ≤ t/2 + 0.01 mm and (u, v) inside the outline + 0.1 mm.
    func check(_ detector: Detector, _ label: String) throws {
        let hits = try Fixtures.readRealHits()
        #expect(hits.id.count == 5_527)
        var inside = 0, unknown = 0
        var worstW = -Double.infinity, worstOutline = -Double.infinity
        for k in 0 ..< hits.id.count {
            guard let m = detector.moduleIndex(of: hits.id[k]) else { unknown += 1; continue }
            let local = detector.globalToLocal(SIMD3(hits.x[k], hits.y[k], hits.z[k]), module: m)
            let module = detector.modules[Int(m)]
            let wOK = abs(local.z) <= module.thickness / 2 + 0.01
            let uvOK = detector.contains(u: local.x, v: local.y, module: m, tolerance: 0.1)
            if wOK && uvOK { inside += 1 }
            worstW = max(worstW, abs(local.z) - module.thickness / 2)
            let halfU = module.minHalfU + (module.maxHalfU - module.minHalfU) * (local.y + module.halfV) / (2 * module.halfV)
            worstOutline = max(worstOutline, max(abs(local.y) - module.halfV, abs(local.x) - halfU))
        }
        let fraction = Double(inside) / Double(hits.id.count)
        let summary = "\(label): \(inside)/\(hits.id.count) hits on their module (\(fraction)); unknown ids \(unknown); "
            + "largest |w| − t/2 = \(worstW) mm; largest distance outside the outline \(worstOutline) mm (negative: inside)"
        print(summary)
        #expect(unknown == 0, Comment(rawValue: summary))
        #expect(fraction >= 0.999, Comment(rawValue: summary))
    }

    @Test func realGeometry() throws { try check(try Fixtures.real.get(), "detectors.csv.gz") }

    @Test func generatedGeometry() throws { try check(try Fixtures.generated.get(), "generated trackml") }
}
