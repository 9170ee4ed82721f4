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

    /// Loads the configuration of `detector`: `seedingFile` and `findingFile` when given, else
    /// `Seeds/<detector>/seeding.json` and `Seeds/<detector>/ckf.json` under `seedsDirectory` when they
    /// exist, else the built-in defaults.
    ///
    /// - Throws: ``CKFChainError/badConfig(file:reason:)`` for an unreadable or invalid file.
    public static func load(detector: String, seedsDirectory: String = "Seeds", seedingFile: String? = nil,
                            findingFile: String? = nil) throws -> CKFChainConfig {
        var config = CKFChainConfig()
        let name = detector.split(separator: "/").last.map(String.init) ?? detector
        let seeding = seedingFile ?? existing("\(seedsDirectory)/\(name)/seeding.json")
        let finding = findingFile ?? existing("\(seedsDirectory)/\(name)/ckf.json")
        if let file = seeding { config.seeding = try decode(SeedingPasses.self, file) }
        if let file = finding { config.finding = try decode(TrackFindingConfig.self, file) }
        return config
    }

    private static func existing(_ path: String) -> String? {
        FileManager.default.fileExists(atPath: path) ? path : nil
    }

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
