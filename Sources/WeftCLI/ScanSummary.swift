import Foundation
import Weft

/// One (μ, method) point of a scan, summarised over its events.
struct ScanRow: Encodable {
    var mu: Double
    var method: String
    var events: Int
    /// Means over the events.
    var hits: Double
    var noiseHits: Double
    var particlesWithHits: Double
    var seeds: Double?
    var candidates: Double?
    var graphNodes: Double?
    var graphEdges: Double?
    var tracks: Double
    /// Stage-group times (seconds per event): median and robust spread over events, in run order.
    var stages: [StageSummary]
    var total: StageSummary
    /// CPU time (user + system, all threads) per event: median and spread over events.
    var cpu: StageSummary?
    var peakRSSMiB: Double?
    /// Peak during reconstruction minus the resident memory just before it (largest over events).
    var reconstructionMiB: Double?
    /// Efficiencies pooled over events (Σ matched / Σ selected), with a binomial error.
    var efficiency: Double?
    var efficiencyError: Double?
    var efficiencyPt05: Double?
    var fakeRate: Double?
    var duplicateRate: Double?
    /// Mean TrackML score over events.
    var trackmlScore: Double?
    var throughputFOM: Double?

    struct StageSummary: Encodable {
        var stage: String
        var median: Double
        var spread: Double
        enum CodingKeys: String, CodingKey { case stage, median = "median_s", spread = "spread_s" }
    }

    var signalHits: Double { hits - noiseHits }

    enum CodingKeys: String, CodingKey {
        case mu, method, events, hits, noiseHits = "noise_hits", particlesWithHits = "particles_with_hits", seeds, candidates
        case graphNodes = "graph_nodes", graphEdges = "graph_edges", tracks, stages, total, cpu
        case peakRSSMiB = "peak_rss_mib", reconstructionMiB = "reconstruction_mib", efficiency
        case efficiencyError = "efficiency_error", efficiencyPt05 = "efficiency_pt05", fakeRate = "fake_rate"
        case duplicateRate = "duplicate_rate", trackmlScore = "trackml_score", throughputFOM = "throughput_fom"
    }

    /// The stage group of a stage name: passes of one stage are summed (`seeding pass 2` → `seeding`).
    static func group(_ stage: String) -> String {
        if let r = stage.range(of: " pass ") { return String(stage[..<r.lowerBound]) }
        return stage
    }

    init(record: ScanPointRecord) {
        let ev = record.events
        let n = Double(ev.count)
        func mean(_ f: (ScanEventRecord) -> Int) -> Double { Double(ev.map(f).reduce(0, +)) / n }
        func meanOpt(_ f: (ScanEventRecord) -> Int?) -> Double? {
            let v = ev.compactMap(f)
            return v.count == ev.count && !v.isEmpty ? Double(v.reduce(0, +)) / n : nil
        }
        mu = record.key.mu; method = record.key.method; events = ev.count
        hits = mean(\.hits); noiseHits = mean(\.noiseHits); particlesWithHits = mean(\.particlesWithHits)
        seeds = meanOpt(\.seeds); candidates = meanOpt(\.candidates)
        graphNodes = meanOpt(\.graphNodes); graphEdges = meanOpt(\.graphEdges); tracks = mean(\.tracks)
        var groups: [String] = []
        for e in ev { for s in e.stages where !groups.contains(Self.group(s.stage)) { groups.append(Self.group(s.stage)) } }
        stages = groups.map { g in
            let series = TimingSeries(name: g, seconds: ev.map { e in e.stages.filter { Self.group($0.stage) == g }.reduce(0) { $0 + $1.seconds } })
            return StageSummary(stage: g, median: series.median, spread: series.spread)
        }
        let totals = TimingSeries(name: "total", seconds: ev.map(\.totalSeconds))
        total = StageSummary(stage: "total", median: totals.median, spread: totals.spread)
        let cpus = ev.compactMap(\.cpuSeconds)
        if cpus.count == ev.count {
            let series = TimingSeries(name: "total (CPU)", seconds: cpus)
            cpu = StageSummary(stage: "total (CPU)", median: series.median, spread: series.spread)
        }
        peakRSSMiB = ev.compactMap(\.peakRSSMiB).max()
        reconstructionMiB = ev.compactMap { e in e.peakRSSMiB.flatMap { p in e.rssBeforeMiB.map { max(0, p - $0) } } }.max()
        let pooled = PooledPerformance(ev.map {
            PooledPerformance.Event(efficiency: $0.efficiency, selected: $0.selected, efficiencyPt05: $0.efficiencyPt05,
                                    selectedPt05: $0.selectedPt05, tracks: $0.tracks, fakeTracks: $0.fakeTracks,
                                    duplicateTracks: $0.duplicateTracks, trackmlScore: $0.trackmlScore)
        })
        efficiency = pooled.efficiency; efficiencyError = pooled.efficiencyError; efficiencyPt05 = pooled.efficiencyPt05
        fakeRate = pooled.fakeRate; duplicateRate = pooled.duplicateRate; trackmlScore = pooled.trackmlScore
        throughputFOM = trackmlScore.flatMap { try? ThroughputFigureOfMerit.value(score: $0, secondsPerEvent: total.median) }
    }
}

/// A power-law fit of one stage's time for one method.
struct ScanFit: Encodable {
    var method: String
    var stage: String
    /// `hits` (total hits, noise included), `signal_hits` (hits of particles: total minus noise) or `mu`.
    var variable: String
    var fit: PowerLawFit
}

/// The whole scan: configuration, machine, rows, fits; written as `scan.json` and `scan.csv`.
struct ScanSummary: Encodable {
    var command: String
    var detector: String
    var seed: UInt64
    var eventsPerPoint: Int
    var threads: Int
    var machine: MachineInfo
    var loadAverage: [Double]
    var fitRange: [Double]
    var peakMemoryIsPerEvent: Bool
    var rows: [ScanRow]
    var fits: [ScanFit]
    var fitProblems: [String]

    enum CodingKeys: String, CodingKey {
        case command, detector, seed, eventsPerPoint = "events_per_point", threads, machine
        case loadAverage = "load_average_per_point", fitRange = "fit_range_mu"
        case peakMemoryIsPerEvent = "peak_memory_is_per_event", rows, fits, fitProblems = "fit_problems"
    }

    /// Fits `t ∝ x^k` for x = N_hits, signal hits and μ, per method and stage group (and total) over μ in `range`.
    static func fits(rows: [ScanRow], range: ClosedRange<Double>) -> ([ScanFit], [String]) {
        var fits: [ScanFit] = [], problems: [String] = []
        var methods: [String] = []
        for r in rows where !methods.contains(r.method) { methods.append(r.method) }
        for m in methods {
            let inRange = rows.filter { $0.method == m && range.contains($0.mu) && $0.mu > 0 }.sorted { $0.mu < $1.mu }
            var names: [String] = []
            for r in inRange { for s in r.stages where !names.contains(s.stage) { names.append(s.stage) } }
            names += ["total", "total (CPU)"]
            for name in names {
                let pts = inRange.compactMap { r -> (row: ScanRow, t: Double)? in
                    let t = name == "total" ? r.total.median : name == "total (CPU)" ? r.cpu?.median : r.stages.first { $0.stage == name }?.median
                    guard let t, t > 0 else { return nil }
                    return (r, t)
                }
                for variable in ["hits", "signal_hits", "mu"] {
                    do {
                        let x = pts.map { variable == "hits" ? $0.row.hits : variable == "mu" ? $0.row.mu : $0.row.signalHits }
                        let fit = try PowerLawFit(x: x, y: pts.map(\.t))
                        fits.append(ScanFit(method: m, stage: name, variable: variable, fit: fit))
                    } catch {
                        problems.append("\(m) \(name) vs \(variable): \(error)")
                    }
                }
            }
        }
        return (fits, problems)
    }

    /// The CSV: one row per (method, μ); stage columns are the union of stage groups.
    var csv: String {
        var groups: [String] = []
        for r in rows { for s in r.stages where !groups.contains(s.stage) { groups.append(s.stage) } }
        func col(_ s: String) -> String { s.replacingOccurrences(of: " ", with: "_") }
        var header = ["method", "mu", "events", "hits", "noise_hits", "signal_hits", "particles_with_hits", "seeds",
                      "candidates", "graph_nodes", "graph_edges", "tracks"]
        for g in groups { header += ["t_\(col(g))_median_s", "t_\(col(g))_spread_s"] }
        header += ["t_total_median_s", "t_total_spread_s", "cpu_total_median_s", "cpu_total_spread_s", "peak_rss_mib", "reconstruction_mib", "efficiency",
                   "efficiency_error", "efficiency_pt05", "fake_rate", "duplicate_rate", "trackml_score", "throughput_fom"]
        func f(_ x: Double?) -> String { x.map { String(format: "%.6g", $0) } ?? "" }
        var lines = [header.joined(separator: ",")]
        for r in rows {
            var v = [r.method, ScanPointRecord.muText(r.mu), String(r.events), f(r.hits), f(r.noiseHits), f(r.signalHits),
                     f(r.particlesWithHits), f(r.seeds), f(r.candidates), f(r.graphNodes), f(r.graphEdges), f(r.tracks)]
            for g in groups {
                let s = r.stages.first { $0.stage == g }
                v += [f(s?.median), f(s?.spread)]
            }
            v += [f(r.total.median), f(r.total.spread), f(r.cpu?.median), f(r.cpu?.spread), f(r.peakRSSMiB), f(r.reconstructionMiB), f(r.efficiency),
                  f(r.efficiencyError), f(r.efficiencyPt05), f(r.fakeRate), f(r.duplicateRate), f(r.trackmlScore), f(r.throughputFOM)]
            lines.append(v.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table printed at the end of a scan.
    var table: String {
        func p(_ x: Double?) -> String { x.map { String(format: "%5.1f", 100 * $0) } ?? "    —" }
        var groups: [String] = []
        for r in rows { for s in r.stages where !groups.contains(s.stage) { groups.append(s.stage) } }
        // Columns as wide as the longest method name.
        let width = max(6, rows.map(\.method.count).max() ?? 0)
        var lines = ["method".padding(toLength: width, withPad: " ", startingAt: 0) + "    μ     hits   noise  seeds/1k " + groups.map { String(repeating: " ", count: max(0, 9 - min(9, $0.count))) + String($0.prefix(9)) }.joined(separator: " ")
                     + "  total s ± spread   CPU s   MiB  eff%  e0.5%  fake%  dup%  score"]
        for r in rows {
            var s = r.method.padding(toLength: width, withPad: " ", startingAt: 0)
            s += String(format: " %4@ %8.0f %7.0f %9.1f  ", ScanPointRecord.muText(r.mu) as NSString, r.hits, r.noiseHits, (r.seeds ?? 0) / 1000)
            for g in groups { s += String(format: " %9.3f", r.stages.first { $0.stage == g }?.median ?? 0) }
            s += String(format: "  %7.3f ± %5.3f %7.3f %5.0f ", r.total.median, r.total.spread, r.cpu?.median ?? 0, r.peakRSSMiB ?? 0)
            s += " \(p(r.efficiency))  \(p(r.efficiencyPt05))  \(p(r.fakeRate)) \(p(r.duplicateRate))  " + (r.trackmlScore.map { String(format: "%.3f", $0) } ?? "—")
            lines.append(s)
        }
        lines.append("")
        lines.append("power-law fits t ∝ x^k, μ ∈ [\(ScanPointRecord.muText(fitRange[0])), \(ScanPointRecord.muText(fitRange[1]))] (target: total k ≤ 1.3); N_signal = N_hits − noise hits")
        for f in fits where f.variable == "hits" {
            func other(_ v: String, _ name: String) -> String {
                fits.first { $0.method == f.method && $0.stage == f.stage && $0.variable == v }
                    .map { String(format: "   k(%@) = %.3f ± %.3f", name, $0.fit.exponent, $0.fit.exponentError) } ?? ""
            }
            lines.append("  \(f.method.padding(toLength: width, withPad: " ", startingAt: 0)) \(f.stage.padding(toLength: 12, withPad: " ", startingAt: 0))"
                         + String(format: " k(N_hits) = %.3f ± %.3f", f.fit.exponent, f.fit.exponentError)
                         + other("signal_hits", "N_signal") + other("mu", "μ")
                         + String(format: "   (%d points, rms %.0f %%)", f.fit.points, 100 * f.fit.logResidualRMS))
        }
        for problem in fitProblems { lines.append("  no fit: \(problem)") }
        return lines.joined(separator: "\n")
    }
}
