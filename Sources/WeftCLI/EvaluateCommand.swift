import ArgumentParser
import Foundation
import Weft

/// `weft evaluate`: scores a TrackML submission against an event's truth.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score tracks against truth: TrackML score, efficiency, fake and duplicate rates, plots.",
        discussion: """
        EVENT is a TrackML path prefix (dir/event000001000 reads dir/event000001000-hits.csv[.gz], \
        -truth and -particles). TRACKS is a submission CSV (event_id,hit_id,track_id, plain or .gz); \
        track_id 0 means "in no track". Definitions: docs/DESIGN §4 (double-majority matching, TrackML \
        weights). The TrackML score uses the truth file's weights unless --recompute-weights is given \
        or the file has none. Efficiencies carry Clopper-Pearson 68.27 % intervals. With --plots DIR, \
        the CSV behind each plot, the PNG plots (needs the plotting environment: make pydeps) and \
        report.json are written to DIR. Evaluation runs on one thread; --threads is accepted for \
        uniformity with the other commands.
        """
    )

    @Option(help: "TrackML path prefix of the event, with truth (dir/event000001000).")
    var event: String

    @Option(help: "Submission CSV: event_id,hit_id,track_id (plain or .gz).")
    var tracks: String

    @Flag(help: "Print the report as JSON instead of a table.")
    var json = false

    @Option(help: "Directory for plots: one CSV and one PNG per plot, and report.json.")
    var plots: String?

    @Flag(help: "Recompute the TrackML weights from truth and particles instead of using the truth file's.")
    var recomputeWeights = false

    @Option(help: "pT cut of the headline efficiency in GeV (default 1).")
    var ptMin: Double?

    @Option(help: "pT cut of the second efficiency (efficiency_pt05) in GeV (default 0.5).")
    var lowPtMin: Double?

    @Option(help: "|η| cut of the efficiency selection (default 4).")
    var etaMax: Double?

    @Option(help: "Minimum number of truth hits of a selected particle (default 3).")
    var minHits: Int?

    @Option(help: "Reconstruction time per event in seconds: adds the throughput figure of merit.")
    var secondsPerEvent: Double?

    @Option(help: "Evaluation configuration JSON (selection, bins, weights, field); options above override it.")
    var config: String?

    @Option(help: "Threads (evaluation is serial; accepted for uniformity).")
    var threads: Int = 1

    func validate() throws {
        if let p = ptMin, !(p >= 0) { throw ValidationError("--pt-min must be ≥ 0 GeV") }
        if let p = lowPtMin, !(p >= 0) { throw ValidationError("--low-pt-min must be ≥ 0 GeV") }
        if let e = etaMax, !(e > 0) { throw ValidationError("--eta-max must be > 0") }
        if let n = minHits, n < 0 { throw ValidationError("--min-hits must be ≥ 0") }
        if let t = secondsPerEvent, !(t > 0 && t.isFinite) { throw ValidationError("--seconds-per-event must be > 0") }
        if threads < 1 { throw ValidationError("--threads must be ≥ 1") }
    }

    /// The configuration: the --config file (or defaults) with the command-line overrides applied.
    func evaluationConfig() throws -> EvaluationConfig {
        var base = try EvaluationConfig()
        if let path = config {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw ValidationError("cannot read --config \(path): \(error.localizedDescription)")
            }
            do { base = try JSONDecoder().decode(EvaluationConfig.self, from: data) } catch let e as EvaluationError {
                throw ValidationError("--config \(path): \(e.description)")
            } catch {
                throw ValidationError("--config \(path) is not a valid evaluation configuration: \(error)")
            }
        }
        var selection = base.selection
        if let p = ptMin { selection.ptMin = p }
        if let e = etaMax { selection.absEtaMax = e }
        if let n = minHits { selection.minHits = n }
        return try EvaluationConfig(selection: selection, lowPtCut: lowPtMin ?? base.lowPtCut,
                                    ptBinning: base.ptBinning, etaBinning: base.etaBinning,
                                    weights: recomputeWeights ? .recomputed : base.weights,
                                    magneticField: base.magneticField, confidenceLevel: base.confidenceLevel)
    }

    func run() throws {
        let evaluator = Evaluator(config: try evaluationConfig())
        let loaded = try TrackMLEventReader.read(prefix: event, parts: [.particles, .truth], required: [.truth])
        let submission = try Submission.read(path: tracks, eventID: loaded.eventID)
        let found = try submission.tracks(for: loaded.hits, eventID: loaded.eventID)
        let report = try evaluator.evaluate(event: loaded, tracks: found, secondsPerEvent: secondsPerEvent)

        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.formattedSummary(), terminator: "")
        }

        if let dir = plots {
            let url = URL(fileURLWithPath: dir)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try PlotWriter.writeAtomically(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n",
                                           to: url.appendingPathComponent("report.json"))
            try PlotWriter(directory: url).write(report: report)
            let pngs = try PlotRunner().run(inputDirectory: url)
            if !json {
                print("plots: \(pngs.count) PNG files and their CSVs in \(url.path)")
            }
        }
    }
}
