import Foundation
import KalmanFinding
import Seeding

/// Everything a ``ReconstructionEngine`` is built from; the C API receives it as JSON
/// (`weft_engine_create`), the CLI from its options.
///
/// ```json
/// {"detector": "trackml", "method": "ckf", "threads": 1,
///  "ckf": {"seeding": {"passes": [{"min_pt": 0.6}, {"min_pt": 0.15}]}, "finding": {"finding": {}, "ambiguity": {}}},
///  "gnn": {"module_map": "Seeds/trackml/module-map.h5", "model": "Scoring/trackml/model.h5"}}
/// ```
/// Every field is optional; unknown fields are an error.
public struct ReconstructionConfig: Sendable, Equatable {
    /// The detector: an embedded name (`"trackml"`, …) or the path of a description directory,
    /// description `.json` or TrackML `detectors.csv[.gz]` (see ``Detector/load(_:)``). Default `"trackml"`.
    public var detector: String = "trackml"
    /// The track-finding method. Default ``ReconstructionMethod/ckf``.
    public var method: ReconstructionMethod = .ckf
    /// Worker threads each reconstruction call may use: 1…``maximumThreads``, or 0 for one per
    /// available core (the engine stores the resolved number). Default 1. Results do not depend on it.
    public var threads: Int = 1
    /// Settings of the CKF chain (method `ckf`): JSON `"ckf": {"seeding": …, "finding": …}`, the two
    /// objects having the layout of `Seeds/<detector>/seeding.json` and `Seeds/<detector>/ckf.json`
    /// (`Seeds/README.md`). A part not given is the detector's cut set, as `weft reconstruct` uses it.
    public var ckf: CKFSettings = CKFSettings()
    /// Settings of the GNN chain (method `gnn`): JSON `"gnn": {"module_map": PATH, "model": PATH,
    /// "score_cut": 0.5, "min_hits": 5}`, every field optional. Default: the module map
    /// `Seeds/<detector>/module-map.h5` and model `Scoring/<detector>/model.h5` (looked up in the
    /// working directory, then in the source package the library was built from), with the model's
    /// own track-building settings. Hosts of the C API should name both files.
    public var gnn: GNNChainConfig = GNNChainConfig()

    /// The largest accepted `threads`.
    public static let maximumThreads = 256

    /// The defaults documented on each field.
    public init() {}

    /// A configuration with the given fields, the others at their defaults.
    public init(detector: String = "trackml", method: ReconstructionMethod = .ckf, threads: Int = 1,
                ckf: CKFSettings = CKFSettings(), gnn: GNNChainConfig = GNNChainConfig()) {
        self.detector = detector; self.method = method; self.threads = threads; self.ckf = ckf; self.gnn = gnn
    }
}

extension ReconstructionConfig: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case detector, method, threads, ckf, gnn }
    enum CKFKeys: String, CodingKey, CaseIterable { case seeding, finding }

    /// Decodes a JSON object; missing fields take their defaults, unknown fields are an error.
    public init(from decoder: Decoder) throws {
        try Self.rejectUnknownKeys(decoder, known: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        detector = try c.decodeIfPresent(String.self, forKey: .detector) ?? detector
        method = try c.decodeIfPresent(ReconstructionMethod.self, forKey: .method) ?? method
        threads = try c.decodeIfPresent(Int.self, forKey: .threads) ?? threads
        if try c.contains(.ckf) && !c.decodeNil(forKey: .ckf) {
            let section = try c.superDecoder(forKey: .ckf)
            try Self.rejectUnknownKeys(section, known: CKFKeys.allCases.map(\.rawValue))
            let k = try section.container(keyedBy: CKFKeys.self)
            ckf.seeding = try k.decodeIfPresent(SeedingPasses.self, forKey: .seeding)
            ckf.finding = try k.decodeIfPresent(TrackFindingConfig.self, forKey: .finding)
        }
        if try c.contains(.gnn) && !c.decodeNil(forKey: .gnn) {
            try Self.rejectUnknownKeys(try c.superDecoder(forKey: .gnn), known: Self.gnnKeys)
            gnn = try c.decode(GNNChainConfig.self, forKey: .gnn)
        }
    }

    /// The JSON keys of ``GNNChainConfig`` (those it writes with every field set).
    private static let gnnKeys: [String] = {
        /// The keys of a JSON object.
        struct Keys: Decodable {
            var names: [String]
            init(from decoder: Decoder) throws {
                names = try decoder.container(keyedBy: UnknownKeyCheck.self).allKeys.map(\.stringValue)
            }
        }
        let full = GNNChainConfig(moduleMap: "", model: "", scoreCut: 0, minHits: 0, minPt: 0, lowPtPass: false, lowPtModuleMap: "", lowPtModel: "",
                                  rescoring: true)
        guard let data = try? JSONEncoder().encode(full), let keys = try? JSONDecoder().decode(Keys.self, from: data) else {
            return []
        }
        return keys.names.sorted()
    }()

    /// Throws ``ReconstructionError/invalidConfig(field:reason:)`` for the first key (in sorted
    /// order) of the object at `decoder` that is not in `known`.
    private static func rejectUnknownKeys(_ decoder: Decoder, known: [String]) throws {
        let container = try decoder.container(keyedBy: UnknownKeyCheck.self)
        let allowed = Set(known)
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !allowed.contains(key.stringValue) {
            let field = (decoder.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw ReconstructionError.invalidConfig(
                field: field, reason: "unknown field (known: \(known.sorted().joined(separator: ", ")))")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(detector, forKey: .detector)
        try c.encode(method, forKey: .method)
        try c.encode(threads, forKey: .threads)
        var k = c.nestedContainer(keyedBy: CKFKeys.self, forKey: .ckf)
        try k.encodeIfPresent(ckf.seeding, forKey: .seeding)
        try k.encodeIfPresent(ckf.finding, forKey: .finding)
        try c.encode(gnn, forKey: .gnn)
    }
}
