import ArgumentParser
import Foundation
import Simulation
import Weft

/// `weft validate-sim`: simulated TrackML μ = 200 events against the real TrackML files, quantity by
/// quantity.
struct ValidateSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-sim",
        abstract: "Compare simulated trackml events with the real TrackML data, quantity by quantity.",
        discussion: """
        Per-event counts and particle spectra are compared with the full real event 000001001 (all hits \
        and particles); per-hit quantities that need truth or cells (noise fraction, hits per particle, \
        residuals and cells per hit per volume, double hits, zero-weight hits) with the real 5 % \
        particle subset of event 000000001. A row passes when the simulated mean lies within \
        --tolerance of the real value. docs/SIMULATION.md discusses every row.
        """
    )

    @Option(help: "Simulated events to average over.")
    var events: Int = 3

    @Option(parsing: .unconditional, help: "Mean pile-up μ of the simulated events.")
    var mu: Double = 200

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Simulation configuration (JSON); default: the built-in TrackML tuning.")
    var config: String?

    @Option(help: "Directory of the real TrackML data (default: $WEFT_TRACKML_DATA or ../shared/data/trackml).")
    var data: String?

    @Option(help: "Relative tolerance of a passing row.")
    var tolerance: Double = 0.2

    @Option(help: "Threads (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        guard events >= 1 else { throw ValidationError("--events must be at least 1") }
        guard mu.isFinite, mu >= 0, mu <= GeneratorConfig.maximumPileup else { throw ValidationError("--mu must be in [0, 3000]") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        guard tolerance > 0 else { throw ValidationError("--tolerance must be > 0") }
    }

    func run() throws {
        let dir = data ?? SharedTrackMLData.directory
        let detector = try Detector.load("trackml")
        let subset = try TrackMLEventReader.read(prefix: dir + "/event000000001/event000000001", parts: .all,
                                                 required: .all)
        let full = try TrackMLEventReader.read(prefix: dir + "/full-density/event000001001", parts: [.particles],
                                               required: [.particles])
        let realSubset = EventStatistics(event: subset, detector: detector)
        let realFull = EventStatistics(event: full, detector: detector)

        var settings = try SimulateCommand.loadConfig(config)
        settings.generator.pileup = mu
        let simulation = try EventSimulation(detector: detector, config: settings)
        let progress = ProgressLine(total: events, label: "validate-sim")
        var simulated: [EventStatistics] = []
        for k in 0 ..< events {
            let event = try simulation.event(UInt64(k), seed: seed, threads: threads)
            simulated.append(EventStatistics(event: event, detector: detector))
            progress.update(done: k + 1, detail: "\(event.hits.count) hits")
        }
        progress.finish()
        let report = RealismReport(rows: Self.rows(real: realFull, subset: realSubset, simulated: simulated),
                                   tolerance: tolerance, events: events, mu: mu, seed: seed)
        if json { try printJSON(report) } else { print(report.table) }
    }

    /// The comparison rows: (group, quantity, unit, real value, one simulated value per event).
    static func rows(real: EventStatistics, subset: EventStatistics, simulated sim: [EventStatistics]) -> [RealismRow] {
        var rows: [RealismRow] = []
        func add(_ group: String, _ name: String, _ unit: String, _ realValue: Double?, _ value: (EventStatistics) -> Double?,
                 scale: Double = 1) {
            guard let r = realValue else { return }
            let values = sim.compactMap(value)
            guard !values.isEmpty else { return }
            rows.append(RealismRow(group: group, quantity: name, unit: unit, real: r * scale,
                                   simulated: values.map { $0 * scale }))
        }
        let full = "event 1001", part = "event 1 (5 % subset)"
        add(full, "hits per event", "", Double(real.hits), { Double($0.hits) })
        add(full, "particles", "", real.particles.map(Double.init), { $0.particles.map(Double.init) })
        add(full, "particles with hits", "", real.particlesWithHits.map(Double.init), { $0.particlesWithHits.map(Double.init) })
        add(full, "particles produced > 1 mm from the beam", "", real.displacedParticles.map(Double.init),
            { $0.displacedParticles.map(Double.init) })
        add(full, "pT median (particles with hits)", "GeV", real.ptMedian, { $0.ptMedian })
        add(full, "pT mean (particles with hits)", "GeV", real.ptMean, { $0.ptMean })
        add(full, "|η| median (particles with hits)", "", real.absEtaMedian, { $0.absEtaMedian })
        add(full, "hits per particle (particles with hits)", "", real.hitsPerParticle, { $0.hitsPerParticle })
        for v in real.volumes {
            add(full, "hits in volume \(v.volume)", "", Double(v.hits), { s in s.volumes.first { $0.volume == v.volume }.map { Double($0.hits) } })
        }
        add(full, "noise fraction (1 − Σ nhits / hits)", "", real.noiseFractionFromParticles, { $0.noiseFraction })
        add(part, "double-hit fraction (overlap pairs)", "", subset.doubleHitFraction, { $0.doubleHitFraction })
        add(part, "multi-hit fraction (≥ 3 on a layer)", "", subset.multiHitFraction, { $0.multiHitFraction })
        add(part, "zero-weight fraction of particle hits", "", subset.zeroWeightParticleHitFraction,
            { $0.zeroWeightParticleHitFraction })
        add(part, "zero-weight fraction of all hits", "", subset.zeroWeightFraction, { $0.zeroWeightFraction })
        for v in subset.volumes {
            func fig(_ s: EventStatistics) -> EventStatistics.VolumeFigures? { s.volumes.first { $0.volume == v.volume } }
            let second = v.isBarrel ? "z" : "r"
            // The subset samples noise and particle hits at different rates: compare how the noise is
            // shared among volumes, which sampling does not change.
            func noiseShare(_ s: EventStatistics) -> Double? {
                let total = s.volumes.compactMap(\.noiseHits).reduce(0, +)
                return total > 0 ? s.volumes.first { $0.volume == v.volume }?.noiseHits.map { Double($0) / Double(total) } : nil
            }
            add(part, "vol \(v.volume) share of the event's noise hits", "", noiseShare(subset), noiseShare)
            add(part, "vol \(v.volume) hits per particle", "", v.hitsPerParticle, { fig($0)?.hitsPerParticle })
            add(part, "vol \(v.volume) residual rφ (median)", "µm", v.residualRPhi, { fig($0)?.residualRPhi }, scale: 1000)
            let fine = (v.residualSecond ?? 1) < 0.05   // pixel-size residuals read better in µm
            add(part, "vol \(v.volume) residual \(second) (median)", fine ? "µm" : "mm",
                v.residualSecond, { fig($0)?.residualSecond }, scale: fine ? 1000 : 1)
            add(part, "vol \(v.volume) residual 3D (median)", "µm", v.residual3D, { fig($0)?.residual3D }, scale: 1000)
            add(part, "vol \(v.volume) cells per hit", "", v.cellsPerHit, { fig($0)?.cellsPerHit })
        }
        return rows
    }
}

/// One compared quantity.
struct RealismRow: Encodable {
    var group: String
    var quantity: String
    var unit: String
    var real: Double
    var simulated: [Double]

    var mean: Double { simulated.reduce(0, +) / Double(simulated.count) }
    var ratio: Double { real != 0 ? mean / real : .nan }

    enum CodingKeys: String, CodingKey { case group, quantity, unit, real, simulated, mean, ratio }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(group, forKey: .group); try c.encode(quantity, forKey: .quantity); try c.encode(unit, forKey: .unit)
        try c.encode(real, forKey: .real); try c.encode(simulated, forKey: .simulated); try c.encode(mean, forKey: .mean)
        try c.encode(ratio.isFinite ? ratio : 0, forKey: .ratio)
    }
}

/// The `validate-sim` report.
struct RealismReport: Encodable {
    var rows: [RealismRow]
    var tolerance: Double
    var events: Int
    var mu: Double
    var seed: UInt64

    var passing: Int { rows.filter { abs($0.ratio - 1) <= tolerance }.count }

    enum CodingKeys: String, CodingKey { case rows, tolerance, events, mu, seed, passing, compared }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rows, forKey: .rows); try c.encode(tolerance, forKey: .tolerance); try c.encode(events, forKey: .events)
        try c.encode(mu, forKey: .mu); try c.encode(seed, forKey: .seed); try c.encode(passing, forKey: .passing)
        try c.encode(rows.count, forKey: .compared)
    }

    var table: String {
        let width = max(40, rows.map(\.quantity.count).max() ?? 40)
        var lines = ["validate-sim: \(events) simulated trackml event(s) at μ = \(mu), seed \(seed), vs the real TrackML files",
                     "quantity".padding(toLength: width, withPad: " ", startingAt: 0) + "        real   simulated   ratio"]
        var group = ""
        for r in rows {
            if r.group != group { lines.append("— \(r.group)"); group = r.group }
            let name = (r.quantity + (r.unit.isEmpty ? "" : " [\(r.unit)]")).padding(toLength: width, withPad: " ", startingAt: 0)
            let flag = abs(r.ratio - 1) <= tolerance ? "" : "  ← outside ±\(Int(tolerance * 100)) %"
            lines.append(name + String(format: "  %10.4g  %10.4g  %6.2f", r.real, r.mean, r.ratio) + flag)
        }
        lines.append("\(passing) of \(rows.count) quantities within ±\(Int(tolerance * 100)) % of the real value")
        return lines.joined(separator: "\n")
    }
}
