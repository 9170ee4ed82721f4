import Detector
import Dispatch
import EdgeScoring
import EventData
import Foundation
import HitGraph
import TrackBuilding

/// The GNN reconstruction chain: module-map graph construction, Interaction Network edge scoring,
/// track building (connected components and walkthrough), and optionally the same three stages again
/// — the low-pT pass — over the hits the first pass left. Every stage is timed.
///
/// Why two passes: a module map wide enough for 0.2 GeV tracks gives ≈ 2.5 M edges over a whole
/// μ = 200 event, but ≈ 1 M over the hits left once the tracks above ≈ 0.5 GeV are taken out, and
/// particles between 0.2 and 0.5 GeV carry about a third of the TrackML score's weight.
///
/// Immutable once built; one chain may serve any number of events and threads (each thread with its
/// own ``GNNChainScratch``). The stages parallelise through the shim's TBB pool, whose size the front
/// door caps once (`weft_shim_set_max_threads`); results do not depend on it.
public struct GNNChain: Sendable {
    /// The detector.
    public let detector: Detector
    /// The first pass over all hits.
    public let firstPass: GNNChainPass
    /// The low-pT pass over the hits the first pass left, when configured.
    public let lowPtPass: GNNChainPass?
    /// With a low-pT pass, the builder of the chain's last steps over the tracks of both passes —
    /// the merge across passes and the end refinement — with the low-pT model's settings (the passes
    /// themselves build without end refinement).
    public let finishing: TrackBuilder?

    /// The first pass's model.
    public var model: GNNModel { firstPass.model }
    /// The first pass's graph builder.
    public var graphBuilder: GraphBuilder { firstPass.graphBuilder }
    /// The first pass's track builder (effective settings).
    public var trackBuilder: TrackBuilder { firstPass.trackBuilder }

    /// A chain from loaded parts; `overrides` replaces the first pass's score cut, minimum hits and
    /// minimum pT when set. `lowPt` (module map and model) adds the low-pT pass, with its model's own
    /// track-building settings.
    ///
    /// - Throws: ``HitGraph/HitGraphError/detectorMismatch(mapDetector:detector:)`` when a map
    ///   belongs to another detector; ``TrackBuilding/TrackBuildingError`` for invalid overrides.
    public init(detector: Detector, moduleMap: ModuleMap, model: GNNModel, overrides: GNNChainConfig = GNNChainConfig(),
                lowPt: (moduleMap: ModuleMap, model: GNNModel)? = nil) throws {
        self.detector = detector
        // Every other setting (helix cuts, joins) comes from the model as it is.
        let building = try model.trackBuilding.overriding(scoreCut: overrides.scoreCut, minHits: overrides.minHits,
                                                          minPt: overrides.minPt.map { $0 > 0 ? $0 : nil })
        // With a later pass, the end refinement waits for the end of the chain: the first pass's
        // tracks would otherwise take, at their ends, hits of the soft particles the later pass
        // follows (measured: the chain's score then gains nothing).
        firstPass = try GNNChainPass(detector: detector, moduleMap: moduleMap, model: model,
                                     building: lowPt == nil ? building : building.withoutEndRefinement)
        lowPtPass = try lowPt.map {
            try GNNChainPass(detector: detector, moduleMap: $0.moduleMap, model: $0.model, building: $0.model.trackBuilding.withoutEndRefinement)
        }
        finishing = lowPt.map { TrackBuilder(config: $0.model.trackBuilding) }
    }

    /// A chain for `detector` from the files `config` names (or the default `Seeds/<detector>/module-map.h5`
    /// and `Scoring/<detector>/model.h5`); `detectorName` is the name or path the detector was loaded from.
    /// The low-pT pass is added when ``GNNChainConfig/lowPtPass`` is true.
    ///
    /// - Throws: ``GNNChainError`` for missing or unusable files, ``EventIO/EventIOError`` for
    ///   unreadable ones, and the errors of ``init(detector:moduleMap:model:overrides:lowPt:)``.
    public init(detector: Detector, detectorName: String, config: GNNChainConfig) throws {
        let mapPath = config.moduleMapPath(detector: detectorName), modelPath = config.modelPath(detector: detectorName)
        var files = [("module map", mapPath), ("GNN model", modelPath)]
        let lowPtMapPath = config.lowPtModuleMapPath(detector: detectorName), lowPtModelPath = config.lowPtModelPath(detector: detectorName)
        let useLowPt = config.lowPtPass ?? false
        if useLowPt { files += [("low-pT module map", lowPtMapPath), ("low-pT GNN model", lowPtModelPath)] }
        for (what, path) in files where !FileManager.default.fileExists(atPath: path) {
            throw GNNChainError.missingFile(what: what, path: path)
        }
        let map = try ModuleMapFile.read(mapPath).map
        let model = try GNNModelFile.read(modelPath)
        let lowPtMap = try useLowPt ? ModuleMapFile.read(lowPtMapPath).map : nil
        let lowPtModel = try useLowPt ? GNNModelFile.read(lowPtModelPath) : nil
        do {
            try self.init(detector: detector, moduleMap: map, model: model, overrides: config,
                          lowPt: lowPtMap.flatMap { m in lowPtModel.map { (m, $0) } })
        } catch let e as HitGraphError {
            throw GNNChainError.badModuleMap(file: useLowPt ? "\(mapPath) or \(lowPtMapPath)" : mapPath, reason: e.description)
        }
    }

    /// Reconstructs the tracks of `hits` (and `cells`, when the models' graph features need them).
    ///
    /// - Throws: ``HitGraph/HitGraphError`` for hits the graph builder cannot use (unknown module,
    ///   non-finite coordinate, missing cells); ``EdgeScoring/EdgeScoringError`` when a model does not
    ///   fit its graph.
    public func run(hits: Hits, cells: Cells? = nil, scratch: GNNChainScratch = GNNChainScratch()) throws -> GNNChainResult {
        var timings: [StageTiming] = []
        func timed<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let value = try body()
            timings.append(StageTiming(stage: stage, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9))
            return value
        }
        let first = firstPass
        let built = try timed("graph construction") { try first.graphBuilder.run(hits: hits, cells: cells, scratch: scratch.graph) }
        let scores = try timed("edge scoring") { try first.model.network.scores(for: built.graph, workspace: scratch.network) }
        let tracks = try timed("track building") {
            try first.trackBuilder.run(graph: built.graph, scores: scores, hits: hits, scratch: scratch.building)
        }
        var all = tracks.tracks
        var lowPtSummary: GNNPassSummary?
        if let pass = lowPtPass, let finishing {
            // The low-pT pass sees only the hits no first-pass track holds, renumbered; its tracks are
            // mapped back to the event's rows.
            let (rows, left, built2) = try timed("graph construction pass 2") { () -> ([Int32], Hits, GraphBuildResult) in
                let rows = tracks.tracks.freeRows(hitCount: hits.count), left = hits.selecting(rows: rows)
                let cellsLeft = cells?.selecting(hitRows: rows, hitCount: hits.count)
                return (rows, left, try pass.graphBuilder.run(hits: left, cells: cellsLeft, scratch: scratch.graph))
            }
            let scores2 = try timed("edge scoring pass 2") { try pass.model.network.scores(for: built2.graph, workspace: scratch.network) }
            // Tracks of the two passes that are parts of one particle are then merged by the pass's merge
            // step, and the ends of all tracks refined by its end refinement.
            let (tracks2, merges, refined) = try timed("track building pass 2") {
                () -> (TrackBuildingResult, Int, (tracks: Tracks, dropped: Int, added: Int)) in
                let built = try pass.trackBuilder.run(graph: built2.graph, scores: scores2, hits: left, scratch: scratch.building)
                for t in 0 ..< built.tracks.count { all.append(hits: built.tracks.hits(of: t).map { rows[Int($0)] }) }
                let merged = finishing.merge(all, hits: hits, scratch: scratch.building)
                return (built, merged.merges, finishing.refineEnds(merged.tracks, hits: hits, scratch: scratch.building))
            }
            all = refined.tracks
            lowPtSummary = GNNPassSummary(hits: rows.count, graph: built2.statistics, building: tracks2.statistics,
                                          mergesAcrossPasses: merges, endHitsDropped: refined.dropped, endHitsAdded: refined.added)
        }
        return GNNChainResult(tracks: all, source: built.graph.source, target: built.graph.target, scores: scores,
                              graph: built.statistics, building: tracks.statistics, scoreCut: first.trackBuilder.config.scoreCut,
                              lowPtPass: lowPtSummary, timings: timings)
    }
}
