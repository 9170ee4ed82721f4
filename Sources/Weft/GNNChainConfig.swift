import Foundation

/// Where the GNN chain's learned inputs live and which track-building settings override the
/// model's own. JSON keys are snake_case; every field is optional.
///
/// ```json
/// {"module_map": "Seeds/trackml/module-map.h5", "model": "Scoring/trackml/model.h5", "score_cut": 0.5,
///  "low_pt_pass": true, "rescoring": false}
/// ```
public struct GNNChainConfig: Codable, Sendable, Equatable {
    /// The module map (`weft build-module-map` output); default `Seeds/<detector>/module-map.h5`.
    public var moduleMap: String?
    /// The trained model (`weft train` output); default `Scoring/<detector>/model.h5`.
    public var model: String?
    /// Edge-score cut of track building (dimensionless in [0, 1]); default: the model's own.
    public var scoreCut: Float?
    /// Shortest track kept, in hits; default: the model's own.
    public var minHits: Int?
    /// Lowest estimated track pT kept, GeV (0 keeps all); default: the model's own.
    public var minPt: Float?
    /// Whether to run the low-pT pass over the hits the first pass left (its files must exist);
    /// default false.
    public var lowPtPass: Bool?
    /// The low-pT pass's module map; default `Seeds/<detector>/module-map-lowpt.h5`.
    public var lowPtModuleMap: String?
    /// The low-pT pass's model; default `Scoring/<detector>/model-lowpt.h5`.
    public var lowPtModel: String?
    /// Whether the passes rescore as their models say (``RescoringConfig``); false scores each graph
    /// once, without leftover rounds. Default true.
    public var rescoring: Bool?

    public init(moduleMap: String? = nil, model: String? = nil, scoreCut: Float? = nil, minHits: Int? = nil, minPt: Float? = nil,
                lowPtPass: Bool? = nil, lowPtModuleMap: String? = nil, lowPtModel: String? = nil, rescoring: Bool? = nil) {
        self.moduleMap = moduleMap; self.model = model; self.scoreCut = scoreCut; self.minHits = minHits; self.minPt = minPt
        self.lowPtPass = lowPtPass; self.lowPtModuleMap = lowPtModuleMap; self.lowPtModel = lowPtModel; self.rescoring = rescoring
    }

    enum CodingKeys: String, CodingKey {
        case moduleMap = "module_map", model, scoreCut = "score_cut", minHits = "min_hits", minPt = "min_pt"
        case lowPtPass = "low_pt_pass", lowPtModuleMap = "low_pt_module_map", lowPtModel = "low_pt_model", rescoring
    }

    /// The module-map path for `detector` (a name, or a path whose last component names the detector's
    /// folder; a `detectors.csv[.gz]` file uses `trackml`).
    public func moduleMapPath(detector: String, seedsDirectory: String = "Seeds") -> String {
        moduleMap ?? Self.locate("\(seedsDirectory)/\(Self.folder(detector))/module-map.h5")
    }

    /// The model path for `detector`.
    public func modelPath(detector: String, scoringDirectory: String = "Scoring") -> String {
        model ?? Self.locate("\(scoringDirectory)/\(Self.folder(detector))/model.h5")
    }

    /// The low-pT pass's module-map path for `detector`.
    public func lowPtModuleMapPath(detector: String, seedsDirectory: String = "Seeds") -> String {
        lowPtModuleMap ?? Self.locate("\(seedsDirectory)/\(Self.folder(detector))/module-map-lowpt.h5")
    }

    /// The low-pT pass's model path for `detector`.
    public func lowPtModelPath(detector: String, scoringDirectory: String = "Scoring") -> String {
        lowPtModel ?? Self.locate("\(scoringDirectory)/\(Self.folder(detector))/model-lowpt.h5")
    }

    /// The `Seeds/` and `Scoring/` folder name of a detector argument: an embedded name as it is;
    /// a description directory (`Detectors/itk-like`) or its `detector.json` by the directory's name;
    /// another `.json` file by its name without the extension; a TrackML `detectors.csv[.gz]` is
    /// `trackml`.
    public static func folder(_ detector: String) -> String {
        let parts = detector.split(separator: "/").map(String.init)
        let last = parts.last ?? detector
        if last.hasPrefix("detectors.csv") { return "trackml" }
        if last == "detector.json" || last == "detector.json.gz", parts.count >= 2 { return parts[parts.count - 2] }
        if last.hasSuffix(".json.gz") { return String(last.dropLast(8)) }
        return last.hasSuffix(".json") ? String(last.dropLast(5)) : last
    }

    /// `path` relative to the working directory when it exists there, else relative to the package
    /// this binary was built from (so that `weft` finds the shipped files from any directory).
    static func locate(_ path: String) -> String {
        if path.hasPrefix("/") || FileManager.default.fileExists(atPath: path) { return path }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidate = package.appendingPathComponent(path).path
        return FileManager.default.fileExists(atPath: candidate) ? candidate : path
    }
}
