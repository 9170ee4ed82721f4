import Detector
import EdgeScoring
import EventData
import EventIO
import Foundation
import HitGraph
import TrackBuilding

/// The shipped `trackml` GNN (`Seeds/trackml/module-map.h5`, `Scoring/trackml/model.h5`) loaded with
/// the generic array store — the same reading as `Weft.ModuleMapFile` and `Weft.GNNModelFile`, which
/// this test target cannot import (it sits below the `Weft` layer).
struct ShippedGNN {
    let builder: GraphBuilder
    let network: InteractionNetwork
    let tracks: TrackBuilder

    static let packageDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let mapPath = packageDirectory.appendingPathComponent("Seeds/trackml/module-map.h5").path
    static let modelPath = packageDirectory.appendingPathComponent("Scoring/trackml/model.h5").path

    /// Whether both files are present.
    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: mapPath) && FileManager.default.fileExists(atPath: modelPath)
    }

    init(detector: Detector) throws {
        let m = try ArrayStore.read(from: Self.mapPath)
        let map = try ModuleMap(detectorName: m.attributes["detector"] ?? "",
                                moduleIDs: try m.uint64s("module_ids").values.map { GeometryID(rawValue: $0) },
                                pairOffsets: try m.int32s("pair_offsets").values, pairTargets: try m.int32s("pair_targets").values,
                                pairCounts: try m.int32s("pair_counts").values, windows: try m.floats("pair_windows").values)
        let s = try ArrayStore.read(from: Self.modelPath)
        let decoder = JSONDecoder()
        let config = try decoder.decode(InteractionNetworkConfig.self, from: Data(try s.attribute("network_config").utf8))
        let graph = try decoder.decode(GraphConfig.self, from: Data(try s.attribute("graph_config").utf8))
        let building = try decoder.decode(TrackBuildingConfig.self, from: Data(try s.attribute("track_building").utf8))
        var tensors: [String: (shape: [Int], values: [Float])] = [:]
        for name in s.arrays.keys { tensors[name] = try s.floats(name) }
        network = try InteractionNetwork(config: config, tensors: tensors)
        builder = try GraphBuilder(detector: detector, moduleMap: map, config: graph)
        tracks = TrackBuilder(config: building)
    }

    /// Graph, scores and tracks of one event.
    func run(_ event: Event, workspace: InteractionNetworkWorkspace = InteractionNetworkWorkspace())
        throws -> (graph: EventGraph, scores: [Float], tracks: TrackBuildingResult) {
        let graph = try builder.run(hits: event.hits, cells: event.cells, scratch: GraphBuilderScratch()).graph
        let scores = try network.scores(for: graph, workspace: workspace)
        return (graph, scores, try tracks.run(graph: graph, scores: scores, hits: event.hits, scratch: TrackBuildingScratch()))
    }
}
