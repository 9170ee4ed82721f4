import Foundation
import KalmanFinding
import Seeding

/// Everything the CKF chain needs besides the detector: the seeding passes
/// (`Seeds/<detector>/seeding.json`) and the finding and ambiguity settings (`Seeds/<detector>/ckf.json`).
public struct CKFChainConfig: Sendable, Equatable {
    /// The seeding passes.
    public var seeding: SeedingPasses
    /// The CKF and ambiguity-resolution settings.
    public var finding: TrackFindingConfig

    /// The built-in defaults (the `trackml` cut set).
    public init(seeding: SeedingPasses = .standard, finding: TrackFindingConfig = TrackFindingConfig()) {
        self.seeding = seeding; self.finding = finding
    }

    /// Loads the configuration of `detector` (a name, or a path whose last component names its
    /// `Seeds/` folder, see ``GNNChainConfig/folder(_:)``): `seedingFile` and `findingFile` when given,
    /// else `Seeds/<detector>/seeding.json` and `Seeds/<detector>/ckf.json` under `seedsDirectory`
    /// (default: `Seeds` in the working directory, else in the package this library was built from).
    ///
    /// Only `trackml` may do without the files: the built-in defaults are its cut set (a test keeps
    /// them equal to `Seeds/trackml/`), so hosts without the package directory still run it. Every
    /// other detector must have its own files — TrackML's seeding volumes, radii and cuts mean
    /// nothing elsewhere, and a silent fallback would give wrong tracks or none.
    ///
    /// - Throws: ``CKFChainError/missingConfig(file:detector:)`` for a detector other than `trackml`
    ///   without its file; ``CKFChainError/badConfig(file:reason:)`` for an unreadable or invalid file.
    public static func load(detector: String, seedsDirectory: String? = nil, seedingFile: String? = nil,
                            findingFile: String? = nil) throws -> CKFChainConfig {
        var config = CKFChainConfig()
        if let part = try part(SeedingPasses.self, file: seedingFile, base: "seeding.json", detector: detector,
                               seedsDirectory: seedsDirectory) { config.seeding = part }
        if let part = try part(TrackFindingConfig.self, file: findingFile, base: "ckf.json", detector: detector,
                               seedsDirectory: seedsDirectory) { config.finding = part }
        return config
    }

    /// One part of the configuration: decoded from `file` when given, else from `base` in the
    /// detector's folder under `seedsDirectory`; `nil` (the built-in defaults) only for `trackml`
    /// without that file.
    ///
    /// - Throws: as ``load(detector:seedsDirectory:seedingFile:findingFile:)``.
    static func part<T: Decodable>(_ type: T.Type, file: String?, base: String, detector: String,
                                   seedsDirectory: String?) throws -> T? {
        if let file { return try decode(type, file) }
        let name = GNNChainConfig.folder(detector)
        let path = "\(seedsDirectory ?? ShippedFiles.directory("Seeds"))/\(name)/\(base)"
        if FileManager.default.fileExists(atPath: path) { return try decode(type, path) }
        guard name == builtInDetector else { throw CKFChainError.missingConfig(file: path, detector: name) }
        return nil
    }

    /// The detector whose cut set the built-in defaults are.
    public static let builtInDetector = "trackml"

    private static func decode<T: Decodable>(_ type: T.Type, _ file: String) throws -> T {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw CKFChainError.badConfig(file: file, reason: "cannot read it: \(error.localizedDescription)")
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch let error as DecodingError {
            throw CKFChainError.badConfig(file: file, reason: Self.describe(error))
        } catch {
            throw CKFChainError.badConfig(file: file, reason: "\(error)")
        }
    }

    /// A one-line description of a decoding error with its JSON path.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case let .typeMismatch(_, c), let .valueNotFound(_, c):
            return "field '\(path(c.codingPath))': \(c.debugDescription)"
        case let .keyNotFound(key, c):
            return "field '\(path(c.codingPath + [key]))' is missing"
        case let .dataCorrupted(c):
            return c.codingPath.isEmpty ? c.debugDescription : "field '\(path(c.codingPath))': \(c.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
