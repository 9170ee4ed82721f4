import EventData
import EventIO
import Foundation
import HitGraph

/// Reads and writes ``HitGraph/ModuleMap`` files (`Seeds/<detector>/module-map.h5`): an
/// ``EventIO/ArrayStore`` with the arrays `module_ids` (uint64, the detector's geometry ids in module
/// order), `pair_offsets` (int32, modules + 1), `pair_targets` and `pair_counts` (int32, one per pair)
/// and `pair_windows` (float32, pairs × 8: min and max of Δφ [rad], z0 [mm], φ-slope [rad/mm], Δη);
/// optionally the triplet windows `module_rings` (int32, one ring per module), `triplet_rings` (int32,
/// triplets × 3) and `triplet_windows` (float32, triplets × 4: min and max of Δ(φ-slope) [rad/mm], Δθ [rad]);
/// and root attributes `weft_format` (`weft-module-map`), `weft_format_version` (`1`), `detector`
/// and `provenance` (JSON text).
public enum ModuleMapFile {
    /// The `weft_format` attribute of a module-map file.
    public static let format = "weft-module-map"
    /// The format version this Weft writes and reads.
    public static let version = "1"

    /// Reads the module map at `path` (and its provenance).
    ///
    /// - Throws: ``EventIO/EventIOError`` when the file is missing, not HDF5 or damaged;
    ///   ``GNNChainError/badModuleMap(file:reason:)`` when an array or attribute is missing, of the
    ///   wrong type or shape, or the arrays are inconsistent.
    public static func read(_ path: String) throws -> (map: ModuleMap, provenance: String) {
        let store = try ArrayStore.read(from: path)
        func bad(_ reason: String) -> GNNChainError { .badModuleMap(file: path, reason: reason) }
        guard store.attributes["weft_format"] == format else {
            throw bad("attribute weft_format is \(store.attributes["weft_format"].map { "'\($0)'" } ?? "missing"), expected '\(format)'")
        }
        guard store.attributes["weft_format_version"] == version else {
            throw bad("format version \(store.attributes["weft_format_version"] ?? "missing") is not supported (this Weft reads \(version))")
        }
        do {
            let ids = try store.uint64s("module_ids").values.map { GeometryID(rawValue: $0) }
            let windows = try store.floats("pair_windows")
            let pairs = try store.int32s("pair_targets").values
            guard windows.shape == [pairs.count, ModuleMap.windowStride] else {
                throw bad("pair_windows has shape \(windows.shape), expected [\(pairs.count), \(ModuleMap.windowStride)]")
            }
            var rings: [Int32] = [], tripletRings: [Int32] = [], tripletWindows: [Float] = []
            if store.arrays["triplet_rings"] != nil {
                rings = try store.int32s("module_rings").values
                let t = try store.int32s("triplet_rings"), w = try store.floats("triplet_windows")
                guard t.shape.count == 2, t.shape[1] == 3, w.shape == [t.shape[0], 4] else {
                    throw bad("triplet_rings has shape \(t.shape) and triplet_windows \(w.shape), expected [n, 3] and [n, 4]")
                }
                tripletRings = t.values; tripletWindows = w.values
            }
            let map = try ModuleMap(detectorName: store.attributes["detector"] ?? "", moduleIDs: ids,
                                    pairOffsets: try store.int32s("pair_offsets").values, pairTargets: pairs,
                                    pairCounts: try store.int32s("pair_counts").values, windows: windows.values,
                                    moduleRings: rings, tripletRings: tripletRings, tripletWindows: tripletWindows)
            return (map, store.attributes["provenance"] ?? "")
        } catch let e as EventIOError {
            throw bad(e.description)
        } catch let e as HitGraphError {
            throw bad(e.description)
        }
    }

    /// Writes `map` to `path` atomically.
    ///
    /// - Throws: ``EventIO/EventIOError`` when the file cannot be written.
    public static func write(_ map: ModuleMap, provenance: String, to path: String) throws {
        var arrays: [String: StoredArray] = [
            "module_ids": StoredArray(map.moduleIDs.map(\.rawValue)),
            "pair_offsets": StoredArray(map.pairOffsets),
            "pair_targets": StoredArray(map.pairTargets),
            "pair_counts": StoredArray(map.pairCounts),
            "pair_windows": StoredArray(shape: [map.pairCount, ModuleMap.windowStride], values: .float(map.windows)),
        ]
        if map.hasTriplets {
            arrays["module_rings"] = StoredArray(map.moduleRings)
            arrays["triplet_rings"] = StoredArray(shape: [map.tripletCount, 3], values: .int32(map.tripletRings))
            arrays["triplet_windows"] = StoredArray(shape: [map.tripletCount, 4], values: .float(map.tripletWindows))
        }
        let attributes = ["weft_format": format, "weft_format_version": version, "detector": map.detectorName,
                          "provenance": provenance]
        try ArrayStore(arrays: arrays, attributes: attributes).write(to: path)
    }
}
