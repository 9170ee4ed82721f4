import Foundation
import Weft

/// One event of a scan point: sizes, per-stage times, memory and physics performance.
struct ScanEventRecord: Codable {
    var index: UInt64
    var hits: Int
    var noiseHits: Int
    var particlesWithHits: Int
    var seeds: Int?
    var candidates: Int?
    var graphNodes: Int?
    var graphEdges: Int?
    var tracks: Int
    /// Wall time per stage in seconds, in run order.
    var stages: [StageTiming]
    /// CPU time (user + system, all threads) of the reconstruction, seconds.
    var cpuSeconds: Double?
    /// Resident memory just before reconstruction, MiB (detector, chain, event, allocator state).
    var rssBeforeMiB: Double?
    /// Peak resident memory during reconstruction, MiB (high-water mark reset before it when possible).
    var peakRSSMiB: Double?
    var efficiency: Double?
    var efficiencyPt05: Double?
    var selected: Int
    var selectedPt05: Int
    var fakeTracks: Int
    var duplicateTracks: Int
    var trackmlScore: Double?

    var totalSeconds: Double { stages.reduce(0) { $0 + $1.seconds } }

    enum CodingKeys: String, CodingKey {
        case index, hits, noiseHits = "noise_hits", particlesWithHits = "particles_with_hits", seeds, candidates
        case graphNodes = "graph_nodes", graphEdges = "graph_edges", tracks, stages, cpuSeconds = "cpu_s"
        case rssBeforeMiB = "rss_before_mib", peakRSSMiB = "peak_rss_mib"
        case efficiency, efficiencyPt05 = "efficiency_pt05", selected, selectedPt05 = "selected_pt05"
        case fakeTracks = "fake_tracks", duplicateTracks = "duplicate_tracks", trackmlScore = "trackml_score"
    }
}

/// The raw result of one (μ, method) point of a scan: written atomically to
/// `DIR/points/mu<μ>-<method>.json` when all its events are done, and reused by a resumed scan when its
/// key (detector, μ, method, seed, events) matches.
struct ScanPointRecord: Codable {
    var key: Key
    /// Threads used (timings depend on it; results do not).
    var threads: Int
    /// True when the peak memory is per event (high-water mark reset); false: process-lifetime mark.
    var peakMemoryIsPerEvent: Bool
    var machine: MachineInfo
    /// Load average (1 min) when the point started: other work on the machine inflates times.
    var loadAverage: Double?
    var finished: String
    var events: [ScanEventRecord]

    /// What makes two points the same measurement.
    struct Key: Codable, Equatable {
        var detector: String
        var mu: Double
        var method: String
        var seed: UInt64
        var events: Int
    }

    enum CodingKeys: String, CodingKey {
        case key, threads, peakMemoryIsPerEvent = "peak_memory_is_per_event", machine
        case loadAverage = "load_average", finished, events
    }

    /// The file of the point with `key` under `directory`.
    static func path(directory: String, key: Key) -> String {
        directory + "/points/mu\(ScanPointRecord.muText(key.mu))-\(key.method).json"
    }

    /// μ written without a needless `.0` (200, 0.5).
    static func muText(_ mu: Double) -> String {
        mu == mu.rounded() && abs(mu) < 1e9 ? String(Int(mu)) : String(mu)
    }

    /// Loads the record at `path` when it exists, parses, and has `key`; nil otherwise (recompute it).
    static func load(path: String, key: Key) -> ScanPointRecord? {
        guard let bytes = try? DataFile.readRaw(path),
              let record = try? JSONDecoder().decode(ScanPointRecord.self, from: Data(bytes)),
              record.key == key, record.events.count == key.events else { return nil }
        return record
    }

    /// Writes the record atomically.
    func write(path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try DataFile.write(Array(try encoder.encode(self)), to: path)
    }
}
