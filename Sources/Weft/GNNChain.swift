import Detector
import Dispatch
import EdgeScoring
import EventData
import Foundation
import HitGraph
import TrackBuilding

/// The GNN reconstruction chain: module-map graph construction, Interaction Network edge scoring,
/// track building (connected components and walkthrough). Every stage is timed.
///
/// Immutable once built; one chain may serve any number of events and threads (each thread with its
/// own ``GNNChainScratch``). The stages parallelise through the shim's TBB pool, whose size the front
/// door caps once (`weft_shim_set_max_threads`); results do not depend on it.
public struct GNNChain: Sendable {
    /// The detector.
    public let detector: Detector
    /// The model (network, graph features, default track-building settings).
    public let model: GNNModel
    /// The graph builder (detector, module map, features).
    public let graphBuilder: GraphBuilder
    /// The track builder (effective settings).
    public let trackBuilder: TrackBuilder

    /// A chain from loaded parts; `overrides` replaces the model's score cut and minimum hits when set.
    ///
    /// - Throws: ``HitGraph/HitGraphError/detectorMismatch(mapDetector:detector:)`` when the map
    ///   belongs to another detector; ``TrackBuilding/TrackBuildingError`` for invalid overrides.
    public init(detector: Detector, moduleMap: ModuleMap, model: GNNModel, overrides: GNNChainConfig = GNNChainConfig()) throws {
        self.detector = detector
        self.model = model
        graphBuilder = try GraphBuilder(detector: detector, moduleMap: moduleMap, config: model.graph)
        // Every other setting (helix cuts, joins) comes from the model as it is.
        let building = try model.trackBuilding.overriding(scoreCut: overrides.scoreCut, minHits: overrides.minHits,
                                                          minPt: overrides.minPt.map { $0 > 0 ? $0 : nil })
        trackBuilder = TrackBuilder(config: building)
    }

    /// A chain for `detector` from the files `config` names (or the default `Seeds/<detector>/module-map.h5`
    /// and `Scoring/<detector>/model.h5`); `detectorName` is the name or path the detector was loaded from.
    ///
    /// - Throws: ``GNNChainError`` for missing or unusable files, ``EventIO/EventIOError`` for
    ///   unreadable ones, and the errors of ``init(detector:moduleMap:model:overrides:)``.
    public init(detector: Detector, detectorName: String, config: GNNChainConfig) throws {
        let mapPath = config.moduleMapPath(detector: detectorName), modelPath = config.modelPath(detector: detectorName)
        let files = [("module map", mapPath), ("GNN model", modelPath)]
        for (what, path) in files where !FileManager.default.fileExists(atPath: path) {
            throw GNNChainError.missingFile(what: what, path: path)
        }
        let map = try ModuleMapFile.read(mapPath).map
        let model = try GNNModelFile.read(modelPath)
        do {
            try self.init(detector: detector, moduleMap: map, model: model, overrides: config)
        } catch let e as HitGraphError {
            throw GNNChainError.badModuleMap(file: mapPath, reason: e.description)
        }
    }

    /// Reconstructs the tracks of `hits` (and `cells`, when the model's graph features need them).
    ///
    /// - Throws: ``HitGraph/HitGraphError`` for hits the graph builder cannot use (unknown module,
    ///   non-finite coordinate, missing cells); ``EdgeScoring/EdgeScoringError`` when the model does not
    ///   fit the graph.
    public func run(hits: Hits, cells: Cells? = nil, scratch: GNNChainScratch = GNNChainScratch()) throws -> GNNChainResult {
        var timings: [StageTiming] = []
        func timed<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let value = try body()
            timings.append(StageTiming(stage: stage, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9))
            return value
        }
        let built = try timed("graph construction") { try graphBuilder.run(hits: hits, cells: cells, scratch: scratch.graph) }
        let scores = try timed("edge scoring") { try model.network.scores(for: built.graph, workspace: scratch.network) }
        let tracks = try timed("track building") { try trackBuilder.run(graph: built.graph, scores: scores, hits: hits, scratch: scratch.building) }
        return GNNChainResult(tracks: tracks.tracks, source: built.graph.source, target: built.graph.target, scores: scores,
                              graph: built.statistics, building: tracks.statistics, scoreCut: trackBuilder.config.scoreCut,
                              timings: timings)
    }
}
