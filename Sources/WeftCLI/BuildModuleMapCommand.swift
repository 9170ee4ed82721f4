import ArgumentParser
import Foundation
import GeometryShim
import HitGraph
import Simulation
import Weft

/// `weft build-module-map`: learns the GNN module map of a detector from simulated truth and writes
/// `Seeds/<detector>/module-map.h5`.
struct BuildModuleMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-module-map",
        abstract: "Learn the GNN module map of a detector (module pairs and their doublet windows) from simulated truth.",
        discussion: """
        Every pair of consecutive hits (flight order) of a particle above --pt-min produced near the beam line \
        adds its module pair; the windows (Δφ, z0, φ-slope, Δη) are pooled over the rings of rotated module \
        copies and widened by margins, and pairs that are rotated copies of seen ones are added \
        (docs/GNN.md). The events come from --events DIR (TrackML CSV prefixes and HDF5 stores, with truth) \
        or are simulated in memory with --simulate N (tt̄ + pile-up μ = --mu, seed --seed), which needs no \
        disk and is reproducible. --config reads a JSON ModuleMapConfig (pt_min, max_vertex_radius, \
        min_count, pooling, complete_pairs, relative_margin, count_margin, absolute_margin). The output \
        defaults to Seeds/<detector>/module-map.h5.
        """
    )

    @Option(help: "Detector: an embedded name (default trackml), a description directory or a detectors.csv[.gz] file.")
    var detector: String = "trackml"

    @OptionGroup var sample: TruthEventSample

    @Option(help: "Module-map settings (JSON ModuleMapConfig).")
    var config: String?

    @Option(help: "Override the configuration's minimum particle pT in GeV.")
    var ptMin: Double?

    @Option(help: "Output file (default Seeds/<detector>/module-map.h5).")
    var output: String?

    @Option(help: "Threads (default: all cores; the map does not depend on it).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print a JSON summary.")
    var json = false

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        if let p = ptMin, !(p >= 0) { throw ValidationError("--pt-min must be ≥ 0 GeV") }
    }

    /// The JSON summary.
    struct Summary: Encodable {
        var detector: String
        var output: String
        var events: Int
        var particles: Int
        var doublets: Int
        var pairs: Int
        var completedPairs: Int
        var fileBytes: Int
        var seconds: Double
        var config: ModuleMapConfig

        enum CodingKeys: String, CodingKey {
            case detector, output, events, particles, doublets, pairs, completedPairs = "completed_pairs"
            case fileBytes = "file_bytes", seconds, config
        }
    }

    func run() throws {
        _ = weft_shim_set_max_threads(Int32(threads))
        let started = Date()
        let geometry = try Detector.load(detector)
        var settings = try Self.loadJSON(ModuleMapConfig.self, config) ?? ModuleMapConfig()
        if let ptMin { settings.ptMin = ptMin }
        var builder = ModuleMapBuilder(detector: geometry, config: settings)
        let sources = try sample.events.map { try EventCollection.sources(in: $0) } ?? []
        if let dir = sample.events, sources.isEmpty { throw InputError("no events in \(dir)") }
        let simulation = try sample.simulate.map { _ in
            try FastSimulation(detector: geometry, config: SimulationConfig(generator: GeneratorConfig(pileup: sample.mu)))
        }
        let count = sample.simulate ?? sources.count
        let progress = ProgressLine(total: count, label: "module map")
        for k in 0 ..< count {
            let event = try simulation.map { $0.simulate(event: sample.firstEvent + UInt64(k), seed: sample.seed, threads: threads).event }
                ?? sources[k].load(parts: [.particles, .truth], required: [.truth], detector: geometry)
            try builder.add(event)
            progress.update(done: k + 1, detail: "\(event.hits.count) hits, \(builder.doubletCount) doublets")
        }
        progress.finish()
        let map = builder.build()
        let path = output ?? GNNChainConfig().moduleMapPath(detector: detector)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." :
                                                    (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let provenance = Provenance(detector: geometry.name, source: sample.events.map { "events in \($0)" }
                                        ?? sample.simulatedDescription(count: count),
                                    events: builder.eventCount, particles: builder.particleCount, doublets: builder.doubletCount,
                                    config: settings, weftVersion: WeftVersion.string,
                                    command: CommandLine.arguments.joined(separator: " "))
        try ModuleMapFile.write(map, provenance: try Self.jsonText(provenance), to: path)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let summary = Summary(detector: geometry.name, output: path, events: builder.eventCount, particles: builder.particleCount,
                              doublets: builder.doubletCount, pairs: map.pairCount,
                              completedPairs: map.pairCounts.filter { $0 == 0 }.count, fileBytes: bytes,
                              seconds: Date().timeIntervalSince(started), config: settings)
        if json { try printJSON(summary) } else {
            print("module map of \(summary.detector): \(summary.pairs) module pairs (\(summary.completedPairs) completed by symmetry) "
                  + "from \(summary.doublets) truth doublets of \(summary.particles) particles in \(summary.events) events")
            print(String(format: "wrote %@ (%.1f MB) in %.1f s", path, Double(bytes) / 1e6, summary.seconds))
        }
    }

    /// What the file records about how it was made.
    struct Provenance: Encodable {
        var detector: String, source: String
        var events: Int, particles: Int, doublets: Int
        var config: ModuleMapConfig
        var weftVersion: String, command: String
        enum CodingKeys: String, CodingKey {
            case detector, source, events, particles, doublets, config, weftVersion = "weft_version", command
        }
    }

    /// Decodes `path` as JSON `T`, or nil without a path.
    static func loadJSON<T: Decodable>(_ type: T.Type, _ path: String?) throws -> T? {
        guard let path else { return nil }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputError("cannot read \(path): \(error.localizedDescription)")
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch {
            throw InputError("\(path): \(error)")
        }
    }

    /// Compact, key-sorted JSON text.
    static func jsonText<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
