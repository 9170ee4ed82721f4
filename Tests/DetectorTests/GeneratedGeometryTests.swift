import Detector
import EventData
import FileSupport
import Testing

/// The geometry generated from `Detectors/trackml` against the real `detectors.csv.gz`.
@Suite struct GeneratedGeometryTests {
    @Test func sameModuleIDsInTheSameOrder() throws {
        let real = try Fixtures.real.get(), generated = try Fixtures.generated.get()
        #expect(real.modules.count == 18_728)
        #expect(generated.modules.count == real.modules.count)
        #expect(generated.modules.id == real.modules.id, "the generated id set (and numbering) differs from the real one")
    }

    @Test func centresAndRotationsMatch() throws {
        let real = try Fixtures.real.get(), generated = try Fixtures.generated.get()
        try #require(generated.modules.id == real.modules.id)
        var centreOK = 0, rotationOK = 0, sizesOK = 0
        var worstCentre = (0.0, GeometryID(rawValue: 0)), worstAngle = (0.0, GeometryID(rawValue: 0))
        for i in 0 ..< real.modules.count {
            let a = real.modules[i], b = generated.modules[i]
            let d = a.center - b.center
            let distance = (d * d).sum().squareRoot()
            let angle = a.rotation.angle(to: b.rotation)
            if distance <= 1.0 { centreOK += 1 }
            if angle <= 1e-3 { rotationOK += 1 }
            if distance > worstCentre.0 { worstCentre = (distance, a.id) }
            if angle > worstAngle.0 { worstAngle = (angle, a.id) }
            if a.thickness == b.thickness && a.minHalfU == b.minHalfU && a.maxHalfU == b.maxHalfU
                && a.halfV == b.halfV && a.pitchU == b.pitchU && a.pitchV == b.pitchV { sizesOK += 1 }
        }
        let n = Double(real.modules.count)
        let summary = "centre within 1 mm: \(Double(centreOK) / n), worst \(worstCentre.0) mm at \(worstCentre.1); "
            + "rotation within 1 mrad: \(Double(rotationOK) / n), worst \(worstAngle.0 * 1e3) mrad at \(worstAngle.1); "
            + "identical sizes and pitches: \(Double(sizesOK) / n)"
        print("generated trackml vs detectors.csv.gz: " + summary)
        #expect(Double(centreOK) / n >= 0.99, Comment(rawValue: summary))
        #expect(Double(rotationOK) / n >= 0.99, Comment(rawValue: summary))
        #expect(sizesOK == real.modules.count, Comment(rawValue: summary))
    }

    @Test func layersAndVolumesAgree() throws {
        let real = try Fixtures.real.get(), generated = try Fixtures.generated.get()
        #expect(generated.layers.map(\.id) == real.layers.map(\.id))
        #expect(generated.layers.map(\.kind) == real.layers.map(\.kind))
        #expect(generated.layers.map(\.modules) == real.layers.map(\.modules))
        #expect(generated.volumes.map(\.id) == [7, 8, 9, 12, 13, 14, 16, 17, 18])
        #expect(real.layers.count == 48)
        for (a, b) in zip(real.layers, generated.layers) {
            #expect(abs(a.position - b.position) < 0.01, "layer \(a.id): \(a.position) vs \(b.position)")
            // The CSV loader takes material from the trackml description, except where the real
            // events measure otherwise (TrackMLRealConditionsTests).
            #expect(a.materialX0 == (TrackMLRealConditions.materialX0(volume: a.volume) ?? b.materialX0), "layer \(a.id)")
        }
        let barrelRadii = generated.layers.filter { $0.volume == 8 }.map { ($0.position * 10).rounded() / 10 }
        #expect(barrelRadii == [32, 72, 116, 172])
        #expect(generated.field == .uniform(bz: 2.0))
        #expect(generated.layers.allSatisfy { $0.materialX0 > 0 && $0.materialX0 < 0.1 })
    }

    @Test func embeddedDescriptionIsTheFileInDetectors() throws {
        let file = try DetectorDescription(parsing: Array(try String(contentsOfFile: Fixtures.packageRoot + "/Detectors/trackml/detector.json").utf8),
                                           file: "detector.json")
        #expect(try Detector.embeddedDescription("trackml") == file)
        #expect(Detector.embeddedNames.contains("trackml"))
        let fromDirectory = try Detector.load(Fixtures.packageRoot + "/Detectors/trackml")
        #expect(fromDirectory.modules == (try Fixtures.generated.get()).modules)
    }
}

extension String {
    /// Reads a UTF-8 file (test helper; the library itself needs no Foundation).
    init(contentsOfFile path: String) throws {
        self = String(decoding: try DataFile.read(path), as: UTF8.self)
    }
}
