import ArgumentParser
import Dispatch
import Foundation
import Weft

/// `weft demo`: the main job in one command — simulate a pile-up event, find its tracks, judge them.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Simulate a tt̄ + pile-up event, reconstruct it, evaluate it, and plot the result.",
        discussion: """
        Simulates one event on the embedded trackml detector (default μ = 200), writes it as TrackML \
        files into --output, reconstructs it with each method, evaluates every result against the \
        truth and prints them side by side: efficiency, fake and duplicate rates, TrackML score, time \
        per stage and the TrackML throughput figure of merit. Writes each method's submission and \
        comparison plots (PNG and the CSV behind each) into --output.
        """
    )

    @Option(help: "Detector: a name under Detectors/ or a description file.")
    var detector: String = "trackml"

    @Option(parsing: .unconditional, help: "Mean number of pile-up interactions μ.")
    var mu: Double = 200

    @Option(help: "Random seed of the simulated event.")
    var seed: UInt64 = 1

    @Option(help: "Reconstruction methods, comma-separated (available: \(ReconstructionMethodRunner.availableList)).")
    var methods: String = ReconstructionMethodRunner.available.map(\.rawValue).joined(separator: ",")

    @Option(help: "Output directory (created when missing).")
    var output: String = "out/demo"

    @Option(help: "Threads (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Skip the plots (no Python needed).")
    var noPlots = false

    func validate() throws {
        guard mu.isFinite, mu >= 0 else { throw ValidationError("--mu must be a finite number ≥ 0, got \(mu)") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        _ = try chosenMethods()
    }

    func chosenMethods() throws -> [ReconstructionMethodRunner] {
        try ReconstructionMethodRunner.parseList(methods)
    }

    func run() throws {
        let machine = MachineInfo.current()
        print("Weft demo — \(detector), tt̄ + μ = \(mu) pile-up, seed \(seed), \(threads) thread(s) on \(machine.summary)")
        try DataFile.makeDirectories(output)

        let geometry = try Detector.load(detector)
        var config = try SimulationConfig()
        config.generator.pileup = mu
        let simStart = DispatchTime.now().uptimeNanoseconds
        let event = try EventSimulation(detector: geometry, config: config).event(0, seed: seed, threads: threads)
        let simSeconds = Self.since(simStart)
        let prefix = output + "/" + EventSimulation.filePrefix(0)
        try TrackMLEventWriter.write(event, prefix: prefix, compressed: true)
        let summary = EventSummary(event)
        print(String(format: "simulated  %d hits (%d noise), %d particles with hits in %.2f s → %@-*.csv.gz",
                     summary.hits, summary.noiseHits, summary.particlesWithHits, simSeconds, prefix as NSString))

        var rows: [DemoResult] = []
        for method in try chosenMethods() {
            let run = try method.reconstruct(event: event, detector: geometry, detectorName: detector, threads: threads)
            let report = try Evaluator().evaluate(event: event, tracks: run.tracks, secondsPerEvent: run.totalSeconds)
            try Submission(tracks: run.tracks, hits: event.hits, eventID: event.eventID)
                .write(to: output + "/\(method.rawValue)-submission.csv")
            print(String(format: "%@  %d tracks in %.2f s", method.label.padding(toLength: 10, withPad: " ", startingAt: 0) as NSString,
                         run.tracks.count, run.totalSeconds))
            rows.append(DemoResult(method: method, run: run, report: report))
        }
        print("")
        print(DemoTable(results: rows).text)
        if !noPlots {
            let pngs = try DemoPlots.write(results: rows, directory: output + "/plots")
            print("plots: \(pngs.count) PNG files (and the CSV behind each) in \(output)/plots")
        }
    }

    static func since(_ start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9 }
}
