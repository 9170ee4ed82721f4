import Foundation
import KalmanFinding
import Seeding
import Testing
import Weft

/// How `CKFChainConfig.load` finds a detector's cut set (what `weft reconstruct` and the C API use).
@Suite("CKF cut-set lookup per detector")
struct ChainConfigLoadingTests {
    @Test("itk-like, by name or by description path, reads Seeds/itk-like")
    func itkLikeFiles() throws {
        let shipped = try Fixtures.shippedCutSet("itk-like")
        for name in ["itk-like", "Detectors/itk-like", "Detectors/itk-like/", "/some/where/itk-like/detector.json"] {
            let config = try CKFChainConfig.load(detector: name, seedsDirectory: Fixtures.seedsDirectory)
            #expect(config.seeding == shipped.passes, "\(name)")
            #expect(config.finding == shipped.finding, "\(name)")
            #expect(config.seeding.passes.allSatisfy { $0.seedingVolumes == [1, 2, 3] })
        }
    }

    @Test("A detector without its own cut set is an error naming the missing file, not trackml's cuts")
    func missingFilesAreAnError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("weft-empty-seeds-\(getpid())").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(throws: CKFChainError.missingConfig(file: empty + "/telescope/seeding.json", detector: "telescope")) {
            try CKFChainConfig.load(detector: "telescope", seedsDirectory: empty)
        }
        // With the seeding passes named explicitly, the missing ckf.json is the one named.
        let seeding = Fixtures.seedsDirectory + "/itk-like/seeding.json"
        #expect(throws: CKFChainError.missingConfig(file: empty + "/telescope/ckf.json", detector: "telescope")) {
            try CKFChainConfig.load(detector: "telescope", seedsDirectory: empty, seedingFile: seeding)
        }
        let message = "\(CKFChainError.missingConfig(file: "Seeds/telescope/seeding.json", detector: "telescope"))"
        #expect(message.contains("Seeds/telescope/seeding.json") && message.contains("--seeding-config"))
        // trackml alone has built-in defaults (equal to Seeds/trackml, see ConfigTests), also for a
        // TrackML detectors.csv.
        for name in ["trackml", "../data/detectors.csv.gz"] {
            let config = try CKFChainConfig.load(detector: name, seedsDirectory: empty)
            #expect(config == CKFChainConfig())
        }
    }
}
