import Foundation
import Weft

/// What the C API's results are compared with: the same engine called in-process from Swift, and
/// the `weft` CLI.
enum Reference {
    /// The real TrackML events the tests use (5 527 and 5 587 hits).
    static var subsetEvent: String { SharedTrackMLData.subsetEvent }
    static var barrelEvent: String { SharedTrackMLData.barrelEvent }

    /// The engine configuration the CLI uses when run from the package root: the CKF settings of
    /// `Seeds/trackml/seeding.json` and `Seeds/trackml/ckf.json` when they exist, else the built-in
    /// defaults (an empty object).
    static func cliEquivalentConfigJSON(detector: String = "trackml") throws -> String {
        let seeds = CAPIBuild.packageRoot + "/Seeds/trackml/"
        var sections: [String] = []
        for (key, file) in [("seeding", "seeding.json"), ("finding", "ckf.json")]
        where FileManager.default.fileExists(atPath: seeds + file) {
            sections.append("\"\(key)\": " + (try String(contentsOfFile: seeds + file, encoding: .utf8)))
        }
        let ckf = sections.isEmpty ? "" : ", \"ckf\": {" + sections.joined(separator: ", ") + "}"
        return "{\"detector\": \"\(detector)\"\(ckf)}"
    }

    /// The submission the in-process Swift engine writes for `prefix` with `configJSON`.
    static func inProcessSubmission(prefix: String, configJSON: String, cells: Bool = false) throws -> String {
        let engine = try ReconstructionEngine(config: try ReconstructionConfig(json: Array(configJSON.utf8)))
        let event = try EventSource.trackML(prefix: prefix).load(parts: cells ? [.cells] : [], detector: engine.detector)
        let result = try engine.reconstruct(hits: event.hits, cells: cells ? event.cells : nil)
        let path = try CAPIBuild.work.get() + "/swift-\(event.eventID)-\(UUID().uuidString).csv"
        try Submission(tracks: result.tracks, hits: event.hits, eventID: event.eventID).write(to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Whether the `weft` CLI of this build has the `reconstruct` subcommand.
    static let cliReconstructs: Bool = {
        guard FileManager.default.isExecutableFile(atPath: CAPIBuild.cli),
              let r = try? Command.run([CAPIBuild.cli, "reconstruct", "--help"]) else { return false }
        return r.status == 0
    }()
}
