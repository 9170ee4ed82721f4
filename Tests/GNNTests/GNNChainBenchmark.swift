import Detector
import EdgeScoring
import EventData
import EventIO
import Evaluation
import Foundation
import GeometryShim
import HitGraph
import Simulation
import Testing
import TrackBuilding

/// The shipped `trackml` GNN on simulated μ = 200 events and on the real TrackML data: per-stage
/// times, graph sizes, edge and track metrics, peak memory.
///
/// Not a pass/fail timing assertion (DESIGN §9): it runs only with `WEFT_BENCH=1` and prints figures.
/// Measure in release: `WEFT_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter GNNChainBenchmark`
/// (`WEFT_BENCH_EVENTS` sets the number of simulated events, default 5).
@Suite("GNN chain benchmark", .serialized,
       .enabled(if: ProcessInfo.processInfo.environment["WEFT_BENCH"] == "1" && ShippedGNN.isAvailable))
struct GNNChainBenchmark {
    static let detector = HitGraphFixtures.trackml
    static var realData: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data/trackml")
    }

    /// Runs the chain stage by stage, timing each.
    static func timed(_ gnn: ShippedGNN, _ event: Event, _ ws: InteractionNetworkWorkspace, _ scratch: GraphBuilderScratch)
        throws -> (graph: GraphBuildResult, scores: [Float], tracks: TrackBuildingResult, seconds: [Double]) {
        var t = Date()
        let graph = try gnn.builder.run(hits: event.hits, cells: event.cells, scratch: scratch)
        let tGraph = Date().timeIntervalSince(t); t = Date()
        let scores = try gnn.network.scores(for: graph.graph, workspace: ws)
        let tScore = Date().timeIntervalSince(t); t = Date()
        let tracks = try gnn.tracks.run(graph: graph.graph, scores: scores, hits: event.hits, scratch: TrackBuildingScratch())
        return (graph, scores, tracks, [tGraph, tScore, Date().timeIntervalSince(t)])
    }

    static func peakMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    static func line(_ label: String, _ event: Event, _ r: (graph: GraphBuildResult, scores: [Float], tracks: TrackBuildingResult, seconds: [Double]),
                     _ report: EvaluationReport?) -> String {
        var s = String(format: "%@: %d hits, %d doublets, %d edges, %d kept, %d tracks; graph %.3f s, scoring %.3f s, tracks %.3f s, total %.3f s",
                       label, event.hits.count, r.graph.statistics.doublets, r.graph.statistics.edges, r.tracks.statistics.keptEdges,
                       r.tracks.tracks.count, r.seconds[0], r.seconds[1], r.seconds[2], r.seconds.reduce(0, +))
        if let report {
            s += String(format: "; efficiency %.4f (pT > 0.5: %.4f), fake %.4f, duplicate %.4f, TrackML score %.4f",
                        report.efficiency ?? .nan, report.efficiencyPt05 ?? .nan, report.fakeRate ?? .nan,
                        report.duplicateRate ?? .nan, report.trackmlScore ?? .nan)
        }
        return s
    }

    @Test func simulatedMu200() throws {
        let gnn = try ShippedGNN(detector: Self.detector)
        let events = Int(ProcessInfo.processInfo.environment["WEFT_BENCH_EVENTS"] ?? "5") ?? 5
        let simulation = try FastSimulation(detector: Self.detector, config: SimulationConfig())
        let ws = InteractionNetworkWorkspace(), scratch = GraphBuilderScratch()
        let cut = gnn.tracks.config.scoreCut
        for i in 0 ..< events {
            // The simulation leaves the truth weights 0: the evaluator recomputes the TrackML weights.
            let event = simulation.simulate(event: UInt64(i), seed: 7, threads: 2).event
            let r = try Self.timed(gnn, event, ws, scratch)
            let truth = try TruthIndex(event: event)
            let report = try Evaluator().evaluate(event: event, truth: truth, tracks: r.tracks.tracks)
            let edges = try EdgeMetrics(source: r.graph.graph.source, target: r.graph.graph.target, scores: r.scores, cut: cut,
                                        truth: truth, hits: event.hits, config: try EvaluationConfig())
            print("GNNChainBenchmark " + Self.line("mu200 event \(i)", event, r, report)
                  + String(format: "; edge efficiency (pT > 1) %.4f, edge purity %.4f", edges.selectedEfficiency.value ?? .nan, edges.purity.value ?? .nan))
        }
        print("GNNChainBenchmark peak RSS \(Self.peakMegabytes()) MB, network workspace \(ws.bytesHeld / 1_000_000) MB")
    }

    @Test func realEvents() throws {
        let gnn = try ShippedGNN(detector: Self.detector)
        let ws = InteractionNetworkWorkspace(), scratch = GraphBuilderScratch()
        let known: (GeometryID) -> Bool = { Self.detector.moduleIndex(of: $0) != nil }
        let subset = try TrackMLEventReader.read(prefix: Self.realData.appendingPathComponent("event000000001/event000000001").path,
                                                 parts: .all, required: [.particles, .truth], isKnownModule: known)
        let r1 = try Self.timed(gnn, subset, ws, scratch)
        let report = try Evaluator().evaluate(event: subset, tracks: r1.tracks.tracks)
        print("GNNChainBenchmark " + Self.line("real event000000001 (5 % subset, original weights)", subset, r1, report))
        let full = try TrackMLEventReader.read(prefix: Self.realData.appendingPathComponent("full-density/event000001001").path,
                                               parts: [], required: [], isKnownModule: known)
        for run in 0 ..< 3 {
            let r = try Self.timed(gnn, full, ws, scratch)
            print("GNNChainBenchmark " + Self.line("real full-density event000001001 run \(run)", full, r, nil))
        }
        print("GNNChainBenchmark peak RSS \(Self.peakMegabytes()) MB")
    }
}
