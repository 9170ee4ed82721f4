import ArgumentParser
import Dispatch
import Foundation
import Weft

/// `weft scan`: the pile-up scaling study — time, memory and physics performance from μ = 0 to 300.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Pile-up scaling study: time per stage, memory and performance vs μ, with power-law fits.",
        discussion: """
        For each μ, simulates --events seeded events on the detector (the same event indices and seed at \
        every μ) and reconstructs each with every method: hits, particles, seeds, wall time per stage \
        (median and spread over events) and the reconstruction's CPU time (user + system, all threads: \
        robust against other load on the machine), peak resident memory during reconstruction (the Linux high-water \
        mark, reset before each event), efficiency, fake and duplicate rates and TrackML score. Fits \
        t ∝ N_hits^k (and t ∝ μ^k) per stage and in total by least squares in log–log space, with the \
        exponent's standard error from the scatter about the line, over μ in --fit-range; the CPU time is \
        fitted too (stage 'total (CPU)').

        Writes DIR/points/mu<μ>-<method>.json as each point finishes (atomically), then DIR/scan.json, \
        DIR/scan.csv and the plots in DIR/plots. Run the same command again to resume an interrupted \
        scan: points already done with the same detector, seed and event count are reused (--fresh \
        recomputes them). Timings need a release build and a quiet machine; the load average is recorded.
        """
    )

    @Option(help: "Detector: a name under Detectors/ or a description file.")
    var detector: String = "trackml"

    @Option(parsing: .unconditional, help: "Pile-up values μ, comma-separated (each ≥ 0).")
    var mu: String = "0,10,20,50,100,140,200,300"

    @Option(help: "Events per μ point.")
    var events: Int = 3

    @Option(help: "Reconstruction methods, comma-separated (available: \(ReconstructionMethodRunner.availableList)).")
    var methods: String = ReconstructionMethodRunner.available.map(\.rawValue).joined(separator: ",")

    @Option(help: "Output directory (created when missing).")
    var output: String = "out/scan"

    @Option(help: "Threads (default: all cores). Results do not depend on it; times do.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Random seed of the simulated events.")
    var seed: UInt64 = 1

    @Option(help: "μ range of the power-law fits, 'low,high'.")
    var fitRange: String = "20,300"

    @Flag(help: "Recompute every point, ignoring results already in the output directory.")
    var fresh = false

    @Flag(help: "Skip the plots (no Python needed).")
    var noPlots = false

    @Flag(help: "Print scan.json on standard output instead of the table.")
    var json = false

    func validate() throws {
        _ = try muValues()
        _ = try fitBounds()
        guard events >= 1 else { throw ValidationError("--events must be at least 1, got \(events)") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1, got \(threads)") }
        _ = try ReconstructionMethodRunner.parseList(methods)
    }

    /// The μ list: sorted, unique, each finite and ≥ 0.
    func muValues() throws -> [Double] {
        let parts = mu.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.contains(where: { !$0.isEmpty }) else { throw ValidationError("--mu is empty: give pile-up values such as 0,20,200") }
        var values: [Double] = []
        for p in parts where !p.isEmpty {
            guard let v = Double(p), v.isFinite else { throw ValidationError("--mu: '\(p)' is not a number") }
            guard v >= 0 else { throw ValidationError("--mu: pile-up cannot be negative, got \(p)") }
            if !values.contains(v) { values.append(v) }
        }
        return values.sorted()
    }

    func fitBounds() throws -> ClosedRange<Double> {
        let parts = fitRange.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, parts[0] >= 0, parts[0] < parts[1] else {
            throw ValidationError("--fit-range must be 'low,high' with 0 ≤ low < high, got '\(fitRange)'")
        }
        return parts[0] ... parts[1]
    }

    func run() throws {
        let muList = try muValues(), methodList = try ReconstructionMethodRunner.parseList(methods)
        let range = try fitBounds()
        try Self.checkWritable(output)
        let machine = MachineInfo.current()
        let log = json ? FileHandle.standardError : FileHandle.standardOutput
        func say(_ s: String) { log.write(Data((s + "\n").utf8)) }
        say("Weft scan — \(detector), μ = \(muList.map(ScanPointRecord.muText).joined(separator: ", ")), \(events) event(s) per point, "
            + "methods \(methodList.map(\.rawValue).joined(separator: ", ")), seed \(seed), \(threads) thread(s) on \(machine.summary), "
            + String(format: "load %.2f", Self.loadAverage() ?? -1))

        let geometry = try Detector.load(detector)
        let prepared = try methodList.map { try $0.prepare(detector: geometry, detectorName: detector) }
        var records: [String: ScanPointRecord] = [:]
        func key(_ mu: Double, _ m: ReconstructionMethodRunner) -> ScanPointRecord.Key {
            .init(detector: detector, mu: mu, method: m.rawValue, seed: seed, events: events)
        }
        var reused = 0
        if !fresh {
            for mu in muList { for m in methodList {
                let k = key(mu, m)
                if let r = ScanPointRecord.load(path: ScanPointRecord.path(directory: output, key: k), key: k) {
                    records[ScanPointRecord.path(directory: output, key: k)] = r
                    reused += 1
                }
            } }
        }
        if reused > 0 { say("resuming: \(reused) of \(muList.count * methodList.count) point(s) already done in \(output)/points") }

        let todo = muList.filter { mu in methodList.contains { records[ScanPointRecord.path(directory: output, key: key(mu, $0))] == nil } }
        let progress = ProgressLine(total: todo.count * events, label: "scan")
        var done = 0
        var perEventPeak = true
        for mu in todo {
            let pending = prepared.filter { records[ScanPointRecord.path(directory: output, key: key(mu, $0.method))] == nil }
            var config = try SimulationConfig()
            config.generator.pileup = mu
            let simulation = try EventSimulation(detector: geometry, config: config)
            let load = Self.loadAverage()
            var perMethod = [[ScanEventRecord]](repeating: [], count: pending.count)
            for index in 0 ..< UInt64(events) {
                let event = try simulation.event(index, seed: seed, threads: threads)
                let summary = EventSummary(event)
                var detail: [String] = []
                for (j, method) in pending.enumerated() {
                    let reset = PeakMemory.resetPeak()
                    perEventPeak = perEventPeak && reset
                    let before = PeakMemory.residentMiB
                    let cpuStart = PeakMemory.processCPUSeconds
                    let run = try method.reconstruct(event, threads: threads)
                    let cpu = PeakMemory.processCPUSeconds - cpuStart
                    let peak = PeakMemory.peakMiB
                    let report = try Evaluator().evaluate(event: event, tracks: run.tracks, secondsPerEvent: run.totalSeconds)
                    perMethod[j].append(ScanEventRecord(
                        index: index, hits: summary.hits, noiseHits: summary.noiseHits, particlesWithHits: summary.particlesWithHits,
                        seeds: run.seeds, candidates: run.candidates, graphNodes: run.graphNodes, graphEdges: run.graphEdges,
                        tracks: run.tracks.count, stages: run.stages, cpuSeconds: cpu, rssBeforeMiB: before, peakRSSMiB: peak,
                        efficiency: report.efficiency, efficiencyPt05: report.efficiencyPt05,
                        selected: report.selectedParticleCount, selectedPt05: report.selectedParticleCountPt05,
                        fakeTracks: report.fakeTrackCount, duplicateTracks: report.duplicateTrackCount, trackmlScore: report.trackmlScore))
                    detail.append(String(format: "%@ %.2f s", method.method.rawValue, run.totalSeconds))
                }
                done += 1
                progress.update(done: done, detail: "μ=\(ScanPointRecord.muText(mu)) event \(index + 1)/\(events): \(summary.hits) hits, " + detail.joined(separator: ", "))
            }
            for (j, method) in pending.enumerated() {
                let k = key(mu, method.method)
                let record = ScanPointRecord(key: k, threads: threads, peakMemoryIsPerEvent: perEventPeak, machine: machine,
                                             loadAverage: load, finished: ISO8601DateFormatter().string(from: Date()), events: perMethod[j])
                let path = ScanPointRecord.path(directory: output, key: k)
                try record.write(path: path)
                records[path] = record
            }
        }
        progress.finish()

        // Rows in (method, μ) order from the records of this command's points only.
        var rows: [ScanRow] = [], loads: [Double] = []
        var memoryPerEvent = true
        for m in methodList { for mu in muList {
            guard let r = records[ScanPointRecord.path(directory: output, key: key(mu, m))] else { continue }
            rows.append(ScanRow(record: r))
            if let l = r.loadAverage { loads.append(l) }
            memoryPerEvent = memoryPerEvent && r.peakMemoryIsPerEvent
        } }
        let (fits, problems) = ScanSummary.fits(rows: rows, range: range)
        let summary = ScanSummary(command: CommandLine.arguments.joined(separator: " "), detector: detector, seed: seed,
                                  eventsPerPoint: events, threads: threads, machine: machine, loadAverage: loads,
                                  fitRange: [range.lowerBound, range.upperBound], peakMemoryIsPerEvent: memoryPerEvent,
                                  rows: rows, fits: fits, fitProblems: problems)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let jsonBytes = Array(try encoder.encode(summary))
        try DataFile.write(jsonBytes, to: output + "/scan.json")
        try DataFile.write(Array(summary.csv.utf8), to: output + "/scan.csv")
        if json { print(String(decoding: jsonBytes, as: UTF8.self)) } else { print(""); print(summary.table) }
        say("wrote \(output)/scan.json, \(output)/scan.csv, \(output)/points/")
        if !noPlots {
            do {
                let pngs = try ScanPlots.write(scanJSON: output + "/scan.json", directory: output + "/plots")
                say("plots: \(pngs.map(\.lastPathComponent).joined(separator: ", ")) in \(output)/plots")
            } catch {
                throw InputError("the scan is saved, but the plots failed: \(error) (rerun with --no-plots, or install the plotting dependencies: make pydeps)")
            }
        }
    }

    /// The 1-minute load average, or nil when unknown.
    static func loadAverage() -> Double? {
        var l = [Double](repeating: 0, count: 3)
        return getloadavg(&l, 3) >= 1 ? l[0] : nil
    }

    /// Creates `directory` (and `points/`) and proves it writable with a probe file, or throws a clear error.
    static func checkWritable(_ directory: String) throws {
        do {
            try DataFile.makeDirectories(directory + "/points")
            let probe = directory + "/.weft-scan-probe-\(getpid())"
            try DataFile.write(Array("ok".utf8), to: probe)
            unlink(probe)
        } catch {
            throw InputError("cannot write to the output directory '\(directory)': \(error)")
        }
    }
}
