import Detector
import EventData
import Testing

/// The O(1) geometry-id lookup.
@Suite struct ModuleLookupTests {
    @Test func everyModuleIsFound() throws {
        for detector in [try Fixtures.real.get(), try Fixtures.generated.get()] {
            var wrong = 0
            for i in 0 ..< detector.modules.count where detector.moduleIndex(of: detector.modules.id[i]) != Int32(i) {
                wrong += 1
            }
            #expect(wrong == 0)
        }
    }

    @Test func unknownIDsGiveNil() throws {
        let d = try Fixtures.generated.get()
        let unknown: [GeometryID] = [
            GeometryID(volume: 8, layer: 2, module: 225),      // one past the last module of the layer
            GeometryID(volume: 8, layer: 2, module: 0),        // the layer id itself
            GeometryID(volume: 8, layer: 3, module: 1),        // odd layer
            GeometryID(volume: 10, layer: 2, module: 1),       // no volume 10
            GeometryID(volume: 255, layer: 4095, module: 0xfffff),
            GeometryID(volume: 0, layer: 0, module: 0),
            GeometryID(rawValue: GeometryID(volume: 8, layer: 2, module: 1).rawValue | 1),  // bits outside the fields
        ]
        for id in unknown { #expect(d.moduleIndex(of: id) == nil, "\(id) should be unknown") }
        #expect(d.moduleIndex(of: GeometryID(volume: 18, layer: 12, module: 98)) == Int32(d.modules.count - 1))
        #expect(d.layerIndex(of: GeometryID(volume: 8, layer: 2, module: 17)).map { d.layers[Int($0)].id }
                == GeometryID(volume: 8, layer: 2, module: 0))
        #expect(d.layerIndex(of: GeometryID(volume: 8, layer: 3, module: 0)) == nil)
    }

    @Test func sparseIDsStillWork() throws {
        // Module numbers near the top of the range: the dense tables would be huge, so the index
        // falls back to binary search; answers must be the same.
        var table = ModuleTable()
        let numbers: [Int32] = [1, 70_000, 1_000_000]
        for (k, n) in numbers.enumerated() {
            table.append(Module(id: GeometryID(volume: 3, layer: 2, module: n),
                                center: SIMD3(100, Double(k) * 50, 0),
                                rotation: Rotation3(u: SIMD3(0, 1, 0), v: SIMD3(0, 0, 1), w: SIMD3(1, 0, 0)),
                                thickness: 0.3, minHalfU: 10, maxHalfU: 10, halfV: 20, pitchU: 0.1, pitchV: 0.1))
        }
        let d = try Detector(name: "sparse", modules: table, field: .uniform(bz: 0))
        for (k, n) in numbers.enumerated() {
            #expect(d.moduleIndex(of: GeometryID(volume: 3, layer: 2, module: n)) == Int32(k))
        }
        #expect(d.moduleIndex(of: GeometryID(volume: 3, layer: 2, module: 2)) == nil)
        #expect(d.layers.count == 1 && d.layers[0].kind == .barrel)
        #expect(d.layers[0].materialX0 == 0.3 / Detector.siliconRadiationLength)
    }
}
