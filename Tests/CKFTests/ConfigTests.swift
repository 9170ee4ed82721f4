import Detector
import Foundation
@testable import KalmanFinding
import Seeding
import Testing

@Suite("CKF configuration files")
struct ConfigTests {
    @Test("Seeds/trackml/seeding.json holds exactly the built-in seeding passes")
    func seedingFileMatchesDefaults() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.seedsDirectory + "/trackml/seeding.json"))
        let passes = try JSONDecoder().decode(SeedingPasses.self, from: data)
        #expect(passes == SeedingPasses.standard)
    }

    @Test("Seeds/trackml/ckf.json holds exactly the built-in CKF and ambiguity settings")
    func ckfFileMatchesDefaults() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.seedsDirectory + "/trackml/ckf.json"))
        #expect(try JSONDecoder().decode(TrackFindingConfig.self, from: data) == TrackFindingConfig())
    }

    @Test("Missing fields take their defaults; encoding round-trips")
    func partialAndRoundTrip() throws {
        let partial = try JSONDecoder().decode(SeedingConfig.self, from: Data(#"{"min_pt": 0.4}"#.utf8))
        var expected = SeedingConfig(); expected.minPt = 0.4
        #expect(partial == expected)
        let encoded = try JSONEncoder().encode(SeedingPasses.standard)
        #expect(try JSONDecoder().decode(SeedingPasses.self, from: encoded) == .standard)
        let options = try JSONDecoder().decode(CKFOptions.self, from: try JSONEncoder().encode(CKFOptions()))
        #expect(options == CKFOptions())
    }

    @Test("excluded_hits reads its two modes; another value is an error naming the pass, the field and the modes")
    func excludedHitsField() throws {
        #expect(try JSONDecoder().decode(SeedingConfig.self, from: Data(#"{"excluded_hits": "tracks"}"#.utf8)).excludedHits == .tracks)
        #expect(SeedingConfig().excludedHits == .candidates)
        let bad = Data(#"{"passes": [{}, {"excluded_hits": "resolved"}]}"#.utf8)
        #expect { try JSONDecoder().decode(SeedingPasses.self, from: bad) } throws: { error in
            guard case let DecodingError.dataCorrupted(context) = error else { return false }
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return path == ["passes", "1", "excluded_hits"] && context.debugDescription.contains("\"resolved\"")
                && context.debugDescription.contains("\"candidates\", \"tracks\"")
        }
    }

    @Test("middle_volumes: decoded, omitted when unset, and every volume must be a seeding volume")
    func middleVolumesField() throws {
        let pass = try JSONDecoder().decode(SeedingConfig.self, from: Data(#"{"seeding_volumes": [7, 8, 9, 13], "middle_volumes": [8]}"#.utf8))
        #expect(pass.middleVolumes == [8])
        #expect(SeedingConfig().middleVolumes == nil)
        #expect(!String(decoding: try JSONEncoder().encode(SeedingConfig()), as: UTF8.self).contains("middle_volumes"))
        var outside = SeedingConfig(); outside.middleVolumes = [8, 13]
        #expect(throws: SeedingError.invalidConfig(field: "middle_volumes", reason: "volume 13 is not one of the seeding volumes [7, 8, 9]")) {
            try SeedingDerivedConfig(config: outside, detector: Fixtures.trackml)
        }
        var empty = SeedingConfig(); empty.middleVolumes = []
        #expect(throws: SeedingError.invalidConfig(field: "middle_volumes", reason: "at least one volume is needed")) {
            try SeedingDerivedConfig(config: empty, detector: Fixtures.trackml)
        }
    }

    @Test("stepper reads its three values; another is an error naming the field and the steppers; the helix needs a uniform field")
    func stepperField() throws {
        #expect(CKFOptions().stepper == .automatic)
        for stepper in PropagationStepper.allCases {
            let options = try JSONDecoder().decode(CKFOptions.self, from: Data(#"{"stepper": "\#(stepper.rawValue)"}"#.utf8))
            #expect(options.stepper == stepper)
        }
        #expect { try JSONDecoder().decode(CKFOptions.self, from: Data(#"{"stepper": "rk4"}"#.utf8)) } throws: { error in
            guard case let DecodingError.dataCorrupted(context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["stepper"] && context.debugDescription.contains("\"rk4\"")
                && context.debugDescription.contains("\"auto\", \"helix\", \"runge_kutta\"")
        }
        // The real TrackML geometry carries the fitted solenoid field: "auto" falls back to
        // Runge–Kutta there, "helix" is refused; the generated trackml field is uniform.
        let real = try Detector.load(Fixtures.dataDirectory + "/detectors.csv.gz")
        let derived = try SeedingDerivedConfig(config: SeedingConfig(), detector: Fixtures.trackml)
        #expect(try CombinatorialKalmanFilter(options: CKFOptions(), detector: real, seeding: derived).helixBz == nil)
        #expect(try CombinatorialKalmanFilter(options: CKFOptions(), detector: Fixtures.trackml, seeding: derived).helixBz == 2)
        var helix = CKFOptions()
        helix.stepper = .helix
        #expect { try CombinatorialKalmanFilter(options: helix, detector: real, seeding: derived) } throws: { error in
            guard case let KalmanFindingError.invalidConfig(field, reason) = error else { return false }
            return field == "stepper" && reason.contains("uniform field") && reason.contains("solenoid")
        }
    }

    @Test("A seeding pass overrides the CKF's seed skipping and hole limits for its own seeds, and only those it sets")
    func passOverrides() throws {
        let pass = try JSONDecoder().decode(SeedingConfig.self, from: Data(#"{"skip_seed_used_hits": 1, "max_holes": 2, "max_consecutive_holes": 1}"#.utf8))
        #expect(pass.skipSeedUsedHits == 1 && pass.maxHoles == 2 && pass.maxConsecutiveHoles == 1)
        let options = CKFOptions().adjusted(for: pass)
        #expect(options.skipSeedUsedHits == 1 && options.maxHoles == 2 && options.maxConsecutiveHoles == 1)
        var expected = CKFOptions()
        expected.skipSeedUsedHits = 1; expected.maxHoles = 2; expected.maxConsecutiveHoles = 1
        #expect(options == expected)
        // A pass that sets nothing leaves the CKF's options as they are; encoding omits unset overrides.
        #expect(CKFOptions().adjusted(for: SeedingConfig()) == CKFOptions())
        let encoded = String(decoding: try JSONEncoder().encode(SeedingConfig()), as: UTF8.self)
        #expect(!encoded.contains("max_holes") && !encoded.contains("skip_seed_used_hits"))
        #expect(try JSONDecoder().decode(SeedingConfig.self, from: try JSONEncoder().encode(pass)) == pass)
        // The trackml schedule: passes 3 and 4 stop their branches at 2 holes, 1 in a row; the strip pass does not.
        let standard = SeedingPasses.standard.passes
        #expect(standard.allSatisfy { $0.skipSeedUsedHits == nil })
        #expect(standard[0].maxHoles == nil && standard[2].maxHoles == 2 && standard[2].maxConsecutiveHoles == 1 && standard[2].excludedHits == .tracks)
        #expect(standard[3].maxHoles == 2 && standard[3].maxConsecutiveHoles == 1 && standard[3].excludedHits == .tracks)
        #expect(standard[4].maxHoles == nil && standard[4].excludedHits == .tracks)
        var bad = SeedingConfig(); bad.maxHoles = -1
        #expect(throws: SeedingError.invalidConfig(field: "max_holes", reason: "-1 must be ≥ 0")) {
            try SeedingDerivedConfig(config: bad, detector: Fixtures.trackml)
        }
        var skip = SeedingConfig(); skip.skipSeedUsedHits = 0
        #expect(throws: SeedingError.invalidConfig(field: "skip_seed_used_hits", reason: "0 must be ≥ 1")) {
            try SeedingDerivedConfig(config: skip, detector: Fixtures.trackml)
        }
    }

    @Test("A misspelt field is an error naming it")
    func unknownField() {
        #expect { try JSONDecoder().decode(SeedingConfig.self, from: Data(#"{"min_ptt": 0.4}"#.utf8)) } throws: { error in
            "\(error)".contains("min_ptt")
        }
        #expect { try JSONDecoder().decode(TrackFindingConfig.self, from: Data(#"{"finding": {"chi2cut": 3}}"#.utf8)) } throws: { error in
            "\(error)".contains("chi2cut")
        }
    }

    @Test("Out-of-range values and unknown volumes are rejected with the field's key")
    func invalidValues() {
        var c = SeedingConfig(); c.minPt = -1
        #expect(throws: SeedingError.invalidConfig(field: "min_pt", reason: "-1.0 must be a positive finite number")) {
            try SeedingDerivedConfig(config: c, detector: Fixtures.trackml)
        }
        var v = SeedingConfig(); v.seedingVolumes = [99]
        #expect { try SeedingDerivedConfig(config: v, detector: Fixtures.trackml) } throws: { error in
            if case SeedingError.unknownVolume(field: "seeding_volumes", volume: 99, known: _) = error { return true }
            return false
        }
        var o = CKFOptions(); o.outlierChi2Cut = 1
        #expect { try o.validate() } throws: { error in
            if case KalmanFindingError.invalidConfig(field: "outlier_chi2_cut", reason: _) = error { return true }
            return false
        }
        var holes = CKFOptions(); holes.markUsedMaxHoles = -1
        #expect { try holes.validate() } throws: { error in
            if case KalmanFindingError.invalidConfig(field: "mark_used_max_holes", reason: _) = error { return true }
            return false
        }
        var chi2 = CKFOptions(); chi2.markUsedMaxChi2PerNdf = 0
        #expect { try chi2.validate() } throws: { error in
            if case KalmanFindingError.invalidConfig(field: "mark_used_max_chi2_per_ndf", reason: _) = error { return true }
            return false
        }
        var a = AmbiguityResolutionConfig(); a.minHitsAfterSharing = 0
        #expect { try GreedyAmbiguityResolution(config: a) } throws: { error in
            if case KalmanFindingError.invalidConfig(field: "min_hits_after_sharing", reason: _) = error { return true }
            return false
        }
    }
}
