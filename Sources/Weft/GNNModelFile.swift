import EdgeScoring
import EventIO
import Foundation
import HitGraph
import TrackBuilding

/// Reads and writes ``GNNModel`` files: an ``EventIO/ArrayStore`` (HDF5) holding every parameter
/// tensor of the network under its name (`node_encoder/layer0/weight`, shape `[inputs, outputs]`, …)
/// and the input standardisation (`normalization/…`), with root attributes `weft_format`
/// (`weft-interaction-network`), `weft_format_version` (`1`), `network_config`, `graph_config`,
/// `track_building` (JSON), optionally `rescoring` (JSON; absent: score once) and `provenance`.
public enum GNNModelFile {
    /// The `weft_format` attribute of a model file.
    public static let format = "weft-interaction-network"
    /// The format version this Weft writes and reads.
    public static let version = "1"

    /// Reads the model at `path`.
    ///
    /// - Throws: ``EventIO/EventIOError`` when the file is missing, not HDF5 or damaged;
    ///   ``GNNChainError/badModelFile(file:reason:)`` when it is not a model, lacks a tensor or an
    ///   attribute, or a tensor has the wrong shape.
    public static func read(_ path: String) throws -> GNNModel {
        let store = try ArrayStore.read(from: path)
        func bad(_ reason: String) -> GNNChainError { .badModelFile(file: path, reason: reason) }
        guard store.attributes["weft_format"] == format else {
            throw bad("attribute weft_format is \(store.attributes["weft_format"].map { "'\($0)'" } ?? "missing"), expected '\(format)'")
        }
        guard store.attributes["weft_format_version"] == version else {
            throw bad("format version \(store.attributes["weft_format_version"] ?? "missing") is not supported (this Weft reads \(version))")
        }
        func decode<T: Decodable>(_ type: T.Type, _ attribute: String) throws -> T {
            guard let text = store.attributes[attribute] else { throw bad("attribute '\(attribute)' is missing") }
            do { return try JSONDecoder().decode(T.self, from: Data(text.utf8)) } catch {
                throw bad("attribute '\(attribute)': \(error)")
            }
        }
        let config = try decode(InteractionNetworkConfig.self, "network_config")
        let graph = try decode(GraphConfig.self, "graph_config")
        let building = try decode(TrackBuildingConfig.self, "track_building")
        let rescoring = store.attributes["rescoring"] == nil ? RescoringConfig.scoreOnce : try decode(RescoringConfig.self, "rescoring")
        var tensors: [String: (shape: [Int], values: [Float])] = [:]
        for (name, array) in store.arrays {
            guard case let .float(values) = array.values else { throw bad("tensor '\(name)' holds \(array.values.typeName), expected float32") }
            tensors[name] = (array.shape, values)
        }
        let network: InteractionNetwork
        do { network = try InteractionNetwork(config: config, tensors: tensors) } catch let e as EdgeScoringError {
            throw bad(e.description)
        }
        do {
            return try GNNModel(network: network, graph: graph, trackBuilding: building, rescoring: rescoring,
                                provenance: store.attributes["provenance"] ?? "")
        } catch let e as GNNChainError { throw bad(e.description) }
    }

    /// Writes `model` to `path` atomically (a failed write leaves the old file, or nothing).
    ///
    /// - Throws: ``EventIO/EventIOError`` when the file cannot be written.
    public static func write(_ model: GNNModel, to path: String) throws {
        var arrays: [String: StoredArray] = [:]
        for (name, tensor) in model.network.storedTensors {
            arrays[name] = StoredArray(shape: tensor.shape, values: .float(tensor.values))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        var attributes = ["weft_format": format, "weft_format_version": version,
                          "network_config": try json(model.network.config), "graph_config": try json(model.graph),
                          "track_building": try json(model.trackBuilding), "provenance": model.provenance]
        if model.rescoring != .scoreOnce { attributes["rescoring"] = try json(model.rescoring) }
        try ArrayStore(arrays: arrays, attributes: attributes).write(to: path)
    }
}
