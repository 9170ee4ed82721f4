import Detector
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
    /// minimum pT when set, and turns the rescoring of both passes off when its `rescoring` is false.
    /// `lowPt` (module map and model) adds the low-pT pass, with its model's own track-building settings.
    ///
    /// - Throws: ``HitGraph/HitGraphError/detectorMismatch(mapDetector:detector:)`` when a map
    ///   belongs to another detector; ``TrackBuilding/TrackBuildingError`` for invalid overrides.
    public init(detector: Detector, moduleMap: ModuleMap, model: GNNModel, overrides: GNNChainConfig = GNNChainConfig(),
                lowPt: (moduleMap: ModuleMap, model: GNNModel)? = nil) throws {
        self.detector = detector
        // Every other setting (helix cuts, joins) comes from the model as it is.
        let building = try model.trackBuilding.overriding(scoreCut: overrides.scoreCut, minHits: overrides.minHits,
                                                          minPt: overrides.minPt.map { $0 > 0 ? $0 : nil })
        // With a later pass, the end refinement waits for the end of the chain (``GNNChainPass/followed``).
        let rescoring: RescoringConfig? = overrides.rescoring == false ? RescoringConfig.scoreOnce : nil
        firstPass = try lowPt == nil
            ? GNNChainPass(detector: detector, moduleMap: moduleMap, model: model, building: building, rescoring: rescoring)
            : .followed(detector: detector, moduleMap: moduleMap, model: model, building: building, rescoring: rescoring)
        lowPtPass = try lowPt.map { try .followed(detector: detector, moduleMap: $0.moduleMap, model: $0.model, rescoring: rescoring) }
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
        let clock = StageClock()
        let first = try firstPass.run(hits: hits, cells: cells, scratch: scratch, clock: clock, suffix: "")
        var all = first.tracks
        var lowPtSummary: GNNPassSummary?
        if let pass = lowPtPass, let finishing {
            // The low-pT pass sees only the hits no first-pass track holds, renumbered; its tracks are
            // mapped back to the event's rows.
            let (rows, left, cellsLeft) = clock.time("hit selection pass 2") { () -> ([Int32], Hits, Cells?) in
                let rows = first.tracks.freeRows(hitCount: hits.count)
                return (rows, hits.selecting(rows: rows), cells?.selecting(hitRows: rows, hitCount: hits.count))
            }
            let second = try pass.run(hits: left, cells: cellsLeft, scratch: scratch, clock: clock, suffix: " pass 2")
            // Tracks of the two passes that are parts of one particle are then merged by the pass's merge
            // step, and the ends of all tracks refined by its end refinement.
            let (merges, refined) = clock.time("merge and end refinement") { () -> (Int, (tracks: Tracks, dropped: Int, added: Int)) in
                for t in 0 ..< second.tracks.count { all.append(hits: second.tracks.hits(of: t).map { rows[Int($0)] }) }
                let merged = finishing.merge(all, hits: hits, scratch: scratch.building)
                return (merged.merges, finishing.refineEnds(merged.tracks, hits: hits, scratch: scratch.building))
            }
            all = refined.tracks
            lowPtSummary = GNNPassSummary(hits: rows.count, graph: second.built.statistics, building: second.building,
                                          rescoring: second.rescoring, mergesAcrossPasses: merges,
                                          endHitsDropped: refined.dropped, endHitsAdded: refined.added)
        }
        let graph = first.built.graph
        return GNNChainResult(tracks: all, source: graph.source, target: graph.target, scores: first.scores,
                              graph: first.built.statistics, building: first.building, rescoring: first.rescoring,
                              scoreCut: firstPass.trackBuilder.config.scoreCut, lowPtPass: lowPtSummary, timings: clock.timings)
    }
}
