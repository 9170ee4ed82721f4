import ArgumentParser
import Foundation
import Simulation
import Weft

/// `weft simulate`: TrackML-like tt̄ + pile-up events from the fast simulation, written as TrackML
/// CSV files or one HDF5 event store.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate tt̄ + pile-up events through a detector (hits, cells, particles, truth).",
        discussion: """
        Events are generated, propagated with multiple scattering, energy loss and nuclear interactions, \
        digitised into cells and clustered hits, and given noise and TrackML truth weights. Event k of a \
        run depends only on --seed and k: the output is bit-identical whatever --threads. \
        CSV output goes to DIR/event<9 digits>-{hits,cells,particles,truth}.csv.gz; HDF5 output to \
        DIR/events.h5. --config reads a JSON SimulationConfig (generator, physics, digitization; \
        see docs/SIMULATION.md); --mu overrides its pile-up. The field is the detector's own (its \
        description's "field"); --field solenoid replaces it by a finite-solenoid map (2 T at the centre, \
        coil radius 1250 mm, half-length 2900 mm), followed by Runge–Kutta.
        """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, hdf5 }

    /// Field choices.
    enum FieldChoice: String, ExpressibleByArgument, CaseIterable { case detector, solenoid }

    @Option(help: "Detector: a name under Detectors/ (default trackml), a description directory or .json file.")
    var detector: String = "trackml"

    @Option(parsing: .unconditional, help: "Mean number of pile-up interactions μ (≥ 0).")
    var mu: Double = 200

    @Option(help: "Number of events.")
    var events: Int = 1

    @Option(help: "Number of the first event (events are numbered first, first+1, …).")
    var firstEvent: UInt64 = 0

    @Option(help: "Random seed of the run.")
    var seed: UInt64 = 1

    @Option(help: "Output directory (created when missing).")
    var output: String

    @Option(help: "Output format: csv (TrackML files, gzip) or hdf5 (DIR/events.h5).")
    var format: Format = .csv

    @Flag(help: "Write plain .csv instead of .csv.gz.")
    var uncompressed = false

    @Option(help: "Simulation configuration (JSON); the defaults reproduce the real TrackML events.")
    var config: String?

    @Option(help: "Magnetic field: detector (the description's own) or solenoid (a TrackML-like finite-coil map).")
    var field: FieldChoice = .detector

    @Option(help: "Threads (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print a JSON summary instead of a table.")
    var json = false

    func validate() throws {
        guard mu.isFinite, mu >= 0 else { throw ValidationError("--mu must be a finite number ≥ 0, got \(mu)") }
        guard mu <= GeneratorConfig.maximumPileup else {
            throw ValidationError("--mu must be ≤ \(Int(GeneratorConfig.maximumPileup)) (particle ids hold 4 095 vertices)")
        }
        guard events >= 1 else { throw ValidationError("--events must be at least 1") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        guard firstEvent <= 999_999_999 - UInt64(events - 1) else {
            throw ValidationError("event numbers must fit the 9 digits of TrackML file names")
        }
    }

    func run() throws {
        var geometry = try Detector.load(detector)
        if field == .solenoid {
            // A coil enclosing the TrackML volume (r ≤ 1.03 m, |z| ≤ 3 m) with 2 T at its centre: the
            // field drops to about 1 T at the coil ends, which the outer end-cap discs reach.
            geometry = geometry.withField(.solenoid(try SolenoidField(centralBz: 2.0, radius: 1250, halfLength: 2900)))
        }
        var settings = try Self.loadConfig(config)
        settings.generator.pileup = mu   // range-checked in validate()
        let simulation = try EventSimulation(detector: geometry, config: settings)
        try Self.prepareOutputDirectory(output)

        let progress = ProgressLine(total: events, label: "simulate")
        var summary = SimulationRunSummary(detector: geometry.name, mu: mu, seed: seed, events: events, threads: threads,
                                           format: format.rawValue, output: output)
        var pending: [Event] = []
        let store = output + "/events.h5"
        var storeStarted = false
        func flush() throws {
            guard !pending.isEmpty else { return }
            if storeStarted { try HDF5EventStore.append(pending, to: store) } else { try HDF5EventStore.write(pending, to: store) }
            storeStarted = true
            pending.removeAll()
        }
        for k in 0 ..< events {
            let index = firstEvent + UInt64(k)
            let start = Date()
            let event = try simulation.event(index, seed: seed, threads: threads)
            let seconds = Date().timeIntervalSince(start)
            switch format {
            case .csv:
                try TrackMLEventWriter.write(event, prefix: output + "/" + EventSimulation.filePrefix(index), compressed: !uncompressed)
            case .hdf5:
                pending.append(event)
                if pending.count == 16 { try flush() }
            }
            summary.add(EventSummary(event), seconds: seconds)
            progress.update(done: k + 1, detail: String(format: "%d hits, %.2f s", event.hits.count, seconds))
        }
        try flush()
        progress.finish()
        if json { try printJSON(summary) } else { print(summary.table) }
    }

    /// Reads a JSON simulation configuration, or the defaults when `path` is nil.
    static func loadConfig(_ path: String?) throws -> SimulationConfig {
        guard let path else { return try SimulationConfig() }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputError("cannot read the configuration file \(path): \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(SimulationConfig.self, from: data)
        } catch let e as SimulationError {
            throw InputError("\(path): \(e)")
        } catch let DecodingError.dataCorrupted(context) {
            throw InputError("\(path): \(context.debugDescription) at \(Self.codingPath(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw InputError("\(path): \(context.debugDescription) at \(Self.codingPath(context.codingPath))")
        } catch let DecodingError.valueNotFound(_, context) {
            throw InputError("\(path): \(context.debugDescription) at \(Self.codingPath(context.codingPath))")
        } catch let DecodingError.keyNotFound(key, context) {
            throw InputError("\(path): missing field '\(key.stringValue)' at \(Self.codingPath(context.codingPath))")
        } catch {
            throw InputError("\(path): \(error)")
        }
    }

    static func codingPath(_ path: [CodingKey]) -> String {
        path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    /// Creates `directory` when missing and checks that a file can be created in it, before any
    /// simulation work, so that an unwritable output fails at once and leaves nothing behind.
    static func prepareOutputDirectory(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw InputError("--output \(directory) exists and is not a directory") }
        } else {
            do { try DataFile.makeDirectories(directory) } catch {
                throw InputError("cannot create the output directory \(directory): \(error)")
            }
        }
        let probe = directory + "/.weft-write-test-\(getpid())"
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else {
            throw InputError("the output directory \(directory) is not writable")
        }
        try? FileManager.default.removeItem(atPath: probe)
    }
}

/// Figures of one `weft simulate` run.
struct SimulationRunSummary: Encodable {
    var detector: String
    var mu: Double
    var seed: UInt64
    var events: Int
    var threads: Int
    var format: String
    var output: String
    var hits: [Int] = []
    var particlesWithHits: [Int] = []
    var noiseHits: [Int] = []
    var cells: [Int] = []
    var seconds: [Double] = []

    enum CodingKeys: String, CodingKey {
        case detector, mu, seed, events, threads, format, output, hits, cells, seconds
        case particlesWithHits = "particles_with_hits", noiseHits = "noise_hits"
    }

    mutating func add(_ s: EventSummary, seconds t: Double) {
        hits.append(s.hits); particlesWithHits.append(s.particlesWithHits); noiseHits.append(s.noiseHits)
        cells.append(s.cells); seconds.append(t)
    }

    var table: String {
        func mean(_ a: [Int]) -> Double { a.isEmpty ? 0 : Double(a.reduce(0, +)) / Double(a.count) }
        let sorted = seconds.sorted()
        let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        return [
            "simulated \(events) event(s), detector \(detector), μ = \(mu), seed \(seed), \(threads) thread(s) → \(output) (\(format))",
            String(format: "  hits/event            %.0f", mean(hits)),
            String(format: "  particles with hits   %.0f", mean(particlesWithHits)),
            String(format: "  noise hits/event      %.0f", mean(noiseHits)),
            String(format: "  cells/event           %.0f", mean(cells)),
            String(format: "  seconds/event         %.3f (median, simulation only)", median),
        ].joined(separator: "\n")
    }
}

