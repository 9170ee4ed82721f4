import ArgumentParser
import Foundation
import Weft

/// `weft bench`: fixed, repeatable workloads timed in this build, medians over several runs.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time fixed workloads (median and spread over runs), with the machine recorded.",
        discussion: """
        Suite 'reco' (the default; the README's performance table) simulates --events seeded tt̄ + \
        pile-up events (μ = --mu) on the embedded trackml detector once, then reconstructs every event \
        with each method --runs times after one untimed warm-up: median and spread over runs of each \
        stage's time per event (passes summed) and of the total; as the baseline of the same run, the \
        total with 1 thread when --threads is more than 1 (the ratio is the parallel speed-up). It also \
        records the peak memory during reconstruction, efficiency, fake rate, TrackML score and the \
        throughput figure of merit of the workload (identical in every run), and the load average. \
        Suite 'io' times reading the real TrackML geometry and the full-occupancy real event (event \
        1001, 93 680 hits) from CSV.gz and from an HDF5 store written for the purpose. 'all' runs both. \
        Build with -c release for meaningful figures (make bench does).
        """
    )

    @Option(help: "Workload to run: reco, io or all.")
    var suite: String = "reco"

    @Option(help: "Timed runs per workload, after one untimed warm-up run (default: reco 5, io 10).")
    var runs: Int?

    @Option(help: "reco: events in the workload.")
    var events: Int = 2

    @Option(parsing: .unconditional, help: "reco: pile-up μ of the workload's events.")
    var mu: Double = 200

    @Option(help: "reco: random seed of the workload's events.")
    var seed: UInt64 = 1

    @Option(help: "reco: reconstruction methods, comma-separated (available: \(ReconstructionMethodRunner.availableList)).")
    var methods: String = ReconstructionMethodRunner.available.map(\.rawValue).joined(separator: ",")

    @Option(help: "reco: threads (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "reco: skip the 1-thread baseline.")
    var noBaseline = false

    @Option(help: "Directory of the real TrackML data (default: $WEFT_TRACKML_DATA or ../shared/data/trackml).")
    var data: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    static let suites = ["reco", "io", "all"]

    func validate() throws {
        if let runs { guard runs >= 1 else { throw ValidationError("--runs must be at least 1") } }
        guard Self.suites.contains(suite) else { throw ValidationError("unknown suite '\(suite)' (known: \(Self.suites.joined(separator: ", ")))") }
        guard events >= 1 else { throw ValidationError("--events must be at least 1") }
        guard mu.isFinite, mu >= 0 else { throw ValidationError("--mu must be a finite number ≥ 0, got \(mu)") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        _ = try ReconstructionMethodRunner.parseList(methods)
    }

    func run() throws {
        var reports: [BenchReport] = []
        if suite == "reco" || suite == "all" { reports.append(try recoSuite(runs: runs ?? 5)) }
        if suite == "io" || suite == "all" { reports.append(try ioSuite(runs: runs ?? 10)) }
        if json {
            if reports.count == 1 { try printJSON(reports[0]) } else { try printJSON(reports) }
        } else {
            print(reports.map(\.table).joined(separator: "\n\n"))
        }
    }

    /// Times of one method over the workload: per stage group and in total, one value per timed run
    /// (the mean time per event of that run), with the last run's output and the peak memory.
    struct MethodTimes {
        var order: [String] = []
        var groups: [String: [Double]] = [:]
        var totals: [Double] = []
        var lastRuns: [MethodRun] = []
        var peakMiB: Double?
    }

    /// Runs `prepared` over `workload` `runs` + 1 times (the first untimed).
    func time(_ prepared: PreparedMethod, workload: [Event], threads: Int, runs: Int, progress: ProgressLine) throws -> MethodTimes {
        var t = MethodTimes()
        for r in 0 ... runs {
            var perGroup: [String: Double] = [:], total = 0.0
            t.lastRuns = []
            for (i, event) in workload.enumerated() {
                progress.update(done: r, detail: "\(prepared.method.rawValue), \(threads) thread(s), "
                                + (r == 0 ? "warm-up" : "run \(r)") + ", event \(i + 1)/\(workload.count)")
                let reset = PeakMemory.resetPeak()
                let run = try prepared.reconstruct(event, threads: threads)
                if reset, let p = PeakMemory.peakMiB { t.peakMiB = max(t.peakMiB ?? 0, p) }
                for s in run.stages {
                    let g = ScanRow.group(s.stage)
                    if !t.order.contains(g) { t.order.append(g) }
                    perGroup[g, default: 0] += s.seconds / Double(workload.count)
                }
                total += run.totalSeconds / Double(workload.count)
                t.lastRuns.append(run)
            }
            guard r > 0 else { continue }
            for g in t.order { t.groups[g, default: []].append(perGroup[g] ?? 0) }
            t.totals.append(total)
        }
        return t
    }

    /// The reconstruction workload: fixed seeded events, each method, several runs.
    func recoSuite(runs: Int) throws -> BenchReport {
        let machine = MachineInfo.current()
        let load = ScanCommand.loadAverage()
        let geometry = try Detector.load("trackml")
        var config = try SimulationConfig()
        config.generator.pileup = mu
        let simulation = try EventSimulation(detector: geometry, config: config)
        let workload = try (0 ..< UInt64(events)).map { try simulation.event($0, seed: seed, threads: threads) }
        let list = try ReconstructionMethodRunner.parseList(methods)
        let baselineWanted = threads > 1 && !noBaseline
        let progress = ProgressLine(total: runs, label: "bench")
        var results: [TimingSeries] = [], summaries: [BenchMethodSummary] = []
        let muText = ScanPointRecord.muText(mu)
        for method in list {
            let prepared = try method.prepare(detector: geometry, detectorName: "trackml")
            let main = try time(prepared, workload: workload, threads: threads, runs: runs, progress: progress)
            for g in main.order { results.append(TimingSeries(name: "\(method.rawValue) μ=\(muText), \(threads) thr: \(g)", seconds: main.groups[g] ?? [])) }
            let total = TimingSeries(name: "\(method.rawValue) μ=\(muText), \(threads) thr: total per event", seconds: main.totals)
            results.append(total)
            var baseline: TimingSeries?
            if baselineWanted {
                let one = try time(prepared, workload: workload, threads: 1, runs: runs, progress: progress)
                let b = TimingSeries(name: "\(method.rawValue) μ=\(muText), 1 thr: total per event (baseline)", seconds: one.totals)
                results.append(b)
                baseline = b
            }
            let reports = try zip(workload, main.lastRuns).map { event, run in
                try Evaluator().evaluate(event: event, tracks: run.tracks, secondsPerEvent: total.median)
            }
            summaries.append(BenchMethodSummary(method: method.rawValue, reports: reports, medianSeconds: total.median,
                                                baseline: baseline, peakMiB: main.peakMiB))
        }
        progress.finish()
        let hits = workload.map(\.hits.count)
        let info = BenchWorkload(detector: "trackml", mu: mu, events: events, seed: seed, threads: threads,
                                 meanHits: Double(hits.reduce(0, +)) / Double(hits.count), loadAverage: load)
        return BenchReport(suite: "reco", runs: runs, machine: machine, results: results, workload: info, methods: summaries)
    }

    /// Reading the real TrackML geometry and event from CSV.gz and HDF5.
    func ioSuite(runs: Int) throws -> BenchReport {
        let dir = data ?? SharedTrackMLData.directory
        let detectorsFile = dir + "/detectors.csv.gz"
        let prefix = dir + "/full-density/event000001001"
        var results = [TimingSeries]()

        results.append(try TimingSeries.measure("detector: load real detectors.csv.gz", runs: runs) {
            _ = try Detector.load(detectorsFile)
        })
        results.append(try TimingSeries.measure("detector: generate embedded trackml", runs: runs) {
            _ = try Detector.load("trackml")
        })
        results.append(try TimingSeries.measure("read event 1001 hits (CSV.gz)", runs: runs) {
            _ = try TrackMLEventReader.read(prefix: prefix, parts: [])
        })
        results.append(try TimingSeries.measure("read event 1001 hits+particles (CSV.gz)", runs: runs) {
            _ = try TrackMLEventReader.read(prefix: prefix, parts: [.particles])
        })
        let event = try TrackMLEventReader.read(prefix: prefix, parts: [.particles])
        let scratch = NSTemporaryDirectory() + "weft-bench-\(getpid())"
        try DataFile.makeDirectories(scratch)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let store = scratch + "/event1001.h5"
        try HDF5EventStore.write([event], to: store)
        results.append(try TimingSeries.measure("read event 1001 hits (HDF5)", runs: runs) {
            _ = try HDF5EventStore.read(path: store, eventID: event.eventID, parts: [])
        })
        results.append(try TimingSeries.measure("read event 1001 hits+particles (HDF5)", runs: runs) {
            _ = try HDF5EventStore.read(path: store, eventID: event.eventID, parts: [.particles])
        })
        results.append(try TimingSeries.measure("write event 1001 (HDF5 store)", runs: runs) {
            try HDF5EventStore.write([event], to: scratch + "/write.h5")
        })

        return BenchReport(suite: "io", runs: runs, machine: .current(), results: results)
    }
}

/// The result of one `weft bench` invocation.
struct BenchReport: Encodable {
    var suite: String
    var runs: Int
    var machine: MachineInfo
    var results: [TimingSeries]
    /// The reconstruction workload (suite `reco`).
    var workload: BenchWorkload? = nil
    /// Per-method physics and memory of the workload (suite `reco`).
    var methods: [BenchMethodSummary]? = nil

    enum CodingKeys: String, CodingKey { case suite, runs, machine, results, workload, methods }
    enum ResultKeys: String, CodingKey { case name, medianMs = "median_ms", spreadMs = "spread_ms", minMs = "min_ms", maxMs = "max_ms", runsMs = "runs_ms" }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(suite, forKey: .suite)
        try c.encode(runs, forKey: .runs)
        try c.encode(machine, forKey: .machine)
        try c.encodeIfPresent(workload, forKey: .workload)
        try c.encodeIfPresent(methods, forKey: .methods)
        var list = c.nestedUnkeyedContainer(forKey: .results)
        for r in results {
            var e = list.nestedContainer(keyedBy: ResultKeys.self)
            try e.encode(r.name, forKey: .name)
            try e.encode(r.median * 1e3, forKey: .medianMs)
            try e.encode(r.spread * 1e3, forKey: .spreadMs)
            try e.encode(r.minimum * 1e3, forKey: .minMs)
            try e.encode(r.maximum * 1e3, forKey: .maxMs)
            try e.encode(r.seconds.map { $0 * 1e3 }, forKey: .runsMs)
        }
    }

    var table: String {
        let width = results.map(\.name.count).max() ?? 10
        var lines = ["weft bench --suite \(suite): \(runs) runs each, \(machine.summary)"]
        if let w = workload {
            lines.append("workload: \(w.events) simulated tt̄ + μ=\(ScanPointRecord.muText(w.mu)) events on \(w.detector) (seed \(w.seed), "
                         + String(format: "%.0f hits per event), load average %.2f at start", w.meanHits, w.loadAverage ?? -1))
        }
        lines += [
                     "workload".padding(toLength: width, withPad: " ", startingAt: 0) + "   median ms   ±spread    min      max"]
        for r in results {
            lines.append(r.name.padding(toLength: width, withPad: " ", startingAt: 0)
                         + String(format: "  %9.2f  %8.2f  %7.2f  %7.2f", r.median * 1e3, r.spread * 1e3, r.minimum * 1e3, r.maximum * 1e3))
        }
        for m in methods ?? [] {
            func p(_ x: Double?) -> String { x.map { String(format: "%.2f %%", 100 * $0) } ?? "—" }
            var line = "\(m.method): efficiency \(p(m.efficiency)) (pT > 1 GeV), fake \(p(m.fakeRate)), duplicates \(p(m.duplicateRate)), "
                + "TrackML score " + (m.trackmlScore.map { String(format: "%.4f", $0) } ?? "—")
                + ", throughput FoM " + (m.throughputFOM.map { String(format: "%.3f", $0) } ?? "—")
                + ", peak RSS " + (m.peakMiB.map { String(format: "%.0f MiB", $0) } ?? "—")
            if let s = m.speedupOverOneThread { line += String(format: ", speed-up over 1 thread ×%.2f", s) }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

/// The fixed reconstruction workload of `weft bench --suite reco`.
struct BenchWorkload: Encodable {
    var detector: String
    var mu: Double
    var events: Int
    var seed: UInt64
    var threads: Int
    var meanHits: Double
    var loadAverage: Double?

    enum CodingKeys: String, CodingKey {
        case detector, mu, events, seed, threads, meanHits = "mean_hits", loadAverage = "load_average"
    }
}

/// What one method achieved on the bench workload (the same in every run).
struct BenchMethodSummary: Encodable {
    var method: String
    var tracksPerEvent: Double
    var efficiency: Double?
    var efficiencyPt05: Double?
    var fakeRate: Double?
    var duplicateRate: Double?
    var trackmlScore: Double?
    var throughputFOM: Double?
    var peakMiB: Double?
    var speedupOverOneThread: Double?

    enum CodingKeys: String, CodingKey {
        case method, tracksPerEvent = "tracks_per_event", efficiency, efficiencyPt05 = "efficiency_pt05", fakeRate = "fake_rate"
        case duplicateRate = "duplicate_rate", trackmlScore = "trackml_score", throughputFOM = "throughput_fom"
        case peakMiB = "peak_rss_mib", speedupOverOneThread = "speedup_over_1_thread"
    }

    /// Pools the per-event reports (efficiencies weighted by selected particles, rates by tracks).
    init(method: String, reports: [EvaluationReport], medianSeconds: Double, baseline: TimingSeries?, peakMiB: Double?) {
        self.method = method
        let n = Double(max(1, reports.count))
        tracksPerEvent = Double(reports.map(\.trackCount).reduce(0, +)) / n
        let pooled = PooledPerformance(reports.map(PooledPerformance.Event.init))
        efficiency = pooled.efficiency
        efficiencyPt05 = pooled.efficiencyPt05
        fakeRate = pooled.fakeRate
        duplicateRate = pooled.duplicateRate
        trackmlScore = pooled.trackmlScore
        throughputFOM = trackmlScore.flatMap { try? ThroughputFigureOfMerit.value(score: $0, secondsPerEvent: medianSeconds) }
        self.peakMiB = peakMiB
        speedupOverOneThread = baseline.map { $0.median / medianSeconds }
    }
}
