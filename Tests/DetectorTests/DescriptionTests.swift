import Detector
import EventData
import FileSupport
import Testing

/// Detector descriptions: loading by name, directory and file; malformed descriptions.
@Suite struct DescriptionTests {
    /// A small valid description: one barrel layer and one end-cap pair with two discs.
    static let valid = """
    {
      "format": "weft-detector/1",
      "name": "mini",
      "field": {"model": "uniform", "bz": 1.5},
      "volumes": [
        {"kind": "barrel", "id": 2, "name": "barrel", "tilt": 0.1, "modulesZ": 3, "zStep": 100,
         "module": {"halfU": 10, "halfV": 50, "thickness": 0.2, "pitchU": 0.05, "pitchV": 0.1},
         "materialX0": 0.01,
         "layers": [{"id": 2, "radius": 50, "modulesPhi": 8}]},
        {"kind": "endcaps", "negativeID": 1, "positiveID": 3, "materialX0": 0.02,
         "rings": [{"radius": 60, "modulesPhi": 12, "phiStagger": 2,
                    "module": {"minHalfU": 8, "maxHalfU": 12, "halfV": 30, "thickness": 0.2, "pitchU": 0.05, "pitchV": 0.1}}],
         "discs": [{"z": 400}, {"z": 500, "materialX0": 0.03}]}
      ]
    }
    """

    /// Loads description text from a scratch file; returns the detector or the error.
    static func load(_ text: String) throws -> Result<Detector, DetectorError> {
        let dir = try Fixtures.scratchDirectory("desc")
        defer { Fixtures.remove(dir) }
        let path = try Fixtures.write(text, to: dir, "detector.json")
        do { return .success(try Detector.load(path)) } catch let e as DetectorError { return .failure(e) }
    }

    /// Expects `text` to fail on `line` with a field path containing `field` and a reason containing `reason`.
    static func expectFailure(_ text: String, line: Int, field: String, reason: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard case .failure(let e) = try load(text) else {
            Issue.record("expected an error", sourceLocation: sourceLocation); return
        }
        guard case .malformedDescription(let file, let l, let f, let r) = e else {
            Issue.record("unexpected error \(e)", sourceLocation: sourceLocation); return
        }
        #expect(file.hasSuffix("detector.json"), sourceLocation: sourceLocation)
        #expect(l == line, "line: \(e)", sourceLocation: sourceLocation)
        #expect(f.contains(field), "field: \(e)", sourceLocation: sourceLocation)
        #expect(r.contains(reason), "reason: \(e)", sourceLocation: sourceLocation)
        #expect(e.description.contains("line \(line)"), sourceLocation: sourceLocation)
    }

    @Test func validDescriptionGenerates() throws {
        let d = try Self.load(Self.valid).get()
        #expect(d.name == "mini")
        #expect(d.field == .uniform(bz: 1.5))
        #expect(d.modules.count == 24 + 2 * 2 * 12)
        #expect(d.volumes.map(\.id) == [1, 2, 3])
        #expect(d.volumes.map(\.kind) == [.endcap, .barrel, .endcap])
        // On −z the farthest disc is layer 2; on +z the nearest.
        let negative = d.layers.filter { $0.volume == 1 }, positive = d.layers.filter { $0.volume == 3 }
        #expect(negative.map(\.layer) == [2, 4] && negative.map { ($0.position).rounded() } == [-500, -400])
        #expect(positive.map(\.layer) == [2, 4] && positive.map { ($0.position).rounded() } == [400, 500])
        #expect(negative.map(\.materialX0) == [0.03, 0.02] && positive.map(\.materialX0) == [0.02, 0.03])
        // Even modules sit 1 mm farther from the interaction point than odd ones.
        let first = d.modules[Int(d.layers.first { $0.volume == 3 }!.modules.lowerBound)]
        #expect(first.center.z == 401)
        #expect(first.rotation.w == SIMD3(0, 0, 1))
        let barrel = d.layers.first { $0.volume == 2 }!
        #expect(barrel.kind == .barrel && barrel.materialX0 == 0.01)
        #expect(d.modules[Int(barrel.modules.lowerBound)].center.z == -100)
    }

    @Test func unknownNameListsKnownDetectors() {
        #expect {
            try Detector.load("no-such-detector")
        } throws: { error in
            guard let e = error as? DetectorError, case .unknownDetector("no-such-detector", let known) = e else { return false }
            return known.contains("trackml") && e.description.contains("trackml")
        }
        #expect(throws: DetectorError.self) { try Detector.load("/nonexistent/detectors.csv") }
    }

    @Test func syntaxErrorsNameTheLine() throws {
        try Self.expectFailure("{\n  \"format\": \"weft-detector/1\",\n  \"name\": \"x\"\n  \"field\": {}\n}",
                               line: 4, field: "", reason: "expected ',' or '}'")
        try Self.expectFailure("{\n\"a\": [1, 2,\n]\n}", line: 3, field: "", reason: "unexpected character ']'")
        try Self.expectFailure("{\"a\": 1, \"a\": 2}", line: 1, field: "", reason: "appears twice")
        try Self.expectFailure("{\n\n\"a\": \"open", line: 3, field: "", reason: "unterminated string")
        try Self.expectFailure("", line: 1, field: "", reason: "end of file")
    }

    @Test func fieldErrorsNameLineAndPath() throws {
        func variant(_ a: String, _ b: String) -> String { Self.valid.replacingOccurrences(a, b) }
        try Self.expectFailure(variant("\"radius\": 50,", "\"radious\": 50,"), line: 9,
                               field: "volumes[0].layers[0].radius", reason: "missing required field")
        try Self.expectFailure(variant("\"tilt\": 0.1,", "\"tilt\": 0.1, \"tlit\": 0,"), line: 6,
                               field: "volumes[0].tlit", reason: "unknown field")
        try Self.expectFailure(variant("\"modulesPhi\": 8", "\"modulesPhi\": 8.5"), line: 9,
                               field: "volumes[0].layers[0].modulesPhi", reason: "expected an integer")
        try Self.expectFailure(variant("\"halfV\": 50, \"thickness\": 0.2", "\"halfV\": 50, \"thickness\": -0.2"),
                               line: 7, field: "volumes[0].module.thickness", reason: "outside the allowed range")
        try Self.expectFailure(variant("\"kind\": \"barrel\"", "\"kind\": \"cylinder\""), line: 6,
                               field: "volumes[0].kind", reason: "unknown volume kind 'cylinder' (known: barrel, endcaps)")
        try Self.expectFailure(variant("\"model\": \"uniform\"", "\"model\": \"map\""), line: 4,
                               field: "field.model", reason: "unknown field model")
        try Self.expectFailure(variant("\"negativeID\": 1", "\"negativeID\": 2"), line: 10,
                               field: "volumes[1]", reason: "volume id 2 is already used")
        try Self.expectFailure(variant("{\"z\": 400}, {\"z\": 500", "{\"z\": 500}, {\"z\": 400"), line: 13,
                               field: "volumes[1].discs[1].z", reason: "increasing |z|")
        try Self.expectFailure(variant("\"bz\": 1.5", "\"bz\": \"1.5\""), line: 4,
                               field: "field.bz", reason: "expected a number, found a string")
        try Self.expectFailure(variant("\"format\": \"weft-detector/1\"", "\"format\": \"weft-detector/9\""), line: 2,
                               field: "format", reason: "unsupported format")
        try Self.expectFailure(variant("\"materialX0\": 0.01,", ""), line: 9,
                               field: "volumes[0].layers[0].materialX0", reason: "missing")
    }

    @Test func solenoidFieldModelIsSelectedByTheDescription() throws {
        let text = Self.valid.replacingOccurrences("{\"model\": \"uniform\", \"bz\": 1.5}",
            "{\"model\": \"solenoid\", \"centralBz\": 2, \"radius\": 1250, \"halfLength\": 2900}")
        let d = try Self.load(text).get()
        guard case .solenoid(let coil) = d.field else { Issue.record("expected a solenoid, got \(d.field)"); return }
        #expect(coil.radius == 1250 && coil.halfLength == 2900)
        #expect(!d.field.isUniform && d.field.nominalBz == 2)
        // Uniform at the centre, weaker with a radial component toward the coil end.
        #expect(abs(d.field.field(at: .zero).z - 2) < 1e-12)
        let endcap = d.field.field(at: SIMD3(500, 0, 2500))
        #expect(endcap.z < 1.9 && endcap.x > 0.05)
        try Self.expectFailure(text.replacingOccurrences("\"radius\": 1250", "\"radius\": -1"), line: 4,
                               field: "field.radius", reason: "outside the allowed range")
        try Self.expectFailure(text.replacingOccurrences(", \"halfLength\": 2900", ""), line: 4,
                               field: "field.halfLength", reason: "missing")
    }

    @Test func duplicateModulesFromADescription() throws {
        // Two barrel layers with the same id.
        let text = Self.valid.replacingOccurrences("[{\"id\": 2, \"radius\": 50, \"modulesPhi\": 8}]",
                                                   "[{\"id\": 2, \"radius\": 50, \"modulesPhi\": 8},\n{\"id\": 2, \"radius\": 90, \"modulesPhi\": 8}]")
        try Self.expectFailure(text, line: 10, field: "volumes[0].layers[1].id", reason: "already used on line 9")
    }
}
