import Detector
import EventData
import EventIO
import Evaluation
import Foundation
import Simulation
import Testing
import Weft

/// The GNN chain's rescoring (``RescoringConfig``): pruning below a loose cut and scoring the edges
/// left again, and the low-pT pass's leftover round, with the shipped `trackml` files.
@Suite(.enabled(if: ShippedGNNFiles.exist, "needs the shipped module maps and models of trackml"))
struct GNNRescoringTests {
    static let detector: Detector = try! Detector.load("trackml")

    static func event(mu: Double, number: UInt64) throws -> Event {
        let simulation = try FastSimulation(detector: detector, config: SimulationConfig(generator: GeneratorConfig(pileup: mu)))
        return simulation.simulate(event: number, seed: 4243, threads: 2).event
    }

    @Test func settingsAreCheckedAndTravelWithTheModel() throws {
        #expect(throws: GNNChainError.invalidRescoring(field: "prune_cut", reason: "0.0 is not in (0, 1)")) { try RescoringConfig(pruneCut: 0) }
        #expect(throws: GNNChainError.invalidRescoring(field: "prune_cut", reason: "1.0 is not in (0, 1)")) { try RescoringConfig(pruneCut: 1) }
        #expect(throws: GNNChainError.invalidRescoring(field: "leftover_rounds", reason: "5 is not in 0 … 4")) {
            try RescoringConfig(leftoverRounds: 5)
        }
        let decoded = try JSONDecoder().decode(RescoringConfig.self, from: Data(#"{"prune_cut": 0.1, "leftover_rounds": 2}"#.utf8))
        #expect(decoded == (try RescoringConfig(pruneCut: 0.1, leftoverRounds: 2)))
        #expect(try JSONDecoder().decode(RescoringConfig.self, from: Data("{}".utf8)) == .scoreOnce)
        #expect(throws: GNNChainError.self) { try JSONDecoder().decode(RescoringConfig.self, from: Data(#"{"prune_cut": -1}"#.utf8)) }

        // The shipped models carry their settings; a file without the attribute scores once, and a
        // bad attribute is named.
        let config = GNNChainConfig()
        let model = try GNNModelFile.read(config.modelPath(detector: "trackml"))
        #expect(model.rescoring.pruneCut != nil)
        #expect(try GNNModelFile.read(config.lowPtModelPath(detector: "trackml")).rescoring.leftoverRounds >= 1)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("weft-rescoring-\(getpid())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var once = model
        once.rescoring = .scoreOnce
        try GNNModelFile.write(once, to: directory + "/once.h5")
        #expect(try ArrayStore.read(from: directory + "/once.h5").attributes["rescoring"] == nil)
        #expect(try GNNModelFile.read(directory + "/once.h5").rescoring == .scoreOnce)
        var twice = model
        twice.rescoring = try RescoringConfig(pruneCut: 0.2, leftoverRounds: 3)
        try GNNModelFile.write(twice, to: directory + "/twice.h5")
        #expect(try GNNModelFile.read(directory + "/twice.h5").rescoring == twice.rescoring)
        var store = try ArrayStore.read(from: directory + "/twice.h5")
        store.attributes["rescoring"] = #"{"prune_cut": 2}"#
        try store.write(to: directory + "/bad.h5")
        #expect {
            try GNNModelFile.read(directory + "/bad.h5")
        } throws: { error in
            guard case let GNNChainError.badModelFile(file, reason) = error else { return false }
            return file == directory + "/bad.h5" && reason.contains("'rescoring'") && reason.contains("prune_cut")
        }
    }

    @Test func prunedEdgesAreScoredAgainAndTheOthersKeepTheirScore() throws {
        let event = try Self.event(mu: 20, number: 5)
        let rescored = try GNNChain(detector: Self.detector, detectorName: "trackml", config: GNNChainConfig())
        let once = try GNNChain(detector: Self.detector, detectorName: "trackml", config: GNNChainConfig(rescoring: false))
        let cut = try #require(rescored.firstPass.rescoring.pruneCut)
        #expect(once.firstPass.rescoring == .scoreOnce)
        let a = try rescored.run(hits: event.hits, cells: event.cells), b = try once.run(hits: event.hits, cells: event.cells)
        #expect(b.rescoring == nil && a.source == b.source && a.target == b.target)
        // Every edge the first scoring put below the cut keeps that score; the others were scored
        // again over the pruned graph, where their neighbourhoods changed.
        let kept = b.scores.indices.filter { b.scores[$0] >= cut }
        #expect(a.rescoring?.keptEdges == kept.count)
        #expect(b.scores.indices.allSatisfy { b.scores[$0] >= cut || a.scores[$0] == b.scores[$0] })
        #expect(kept.filter { a.scores[$0] != b.scores[$0] }.count > kept.count / 2)
        // Stages: no leftover round in the first pass.
        #expect(a.timings.map(\.stage) == ["graph construction", "edge scoring", "track building"])
        // The true edges of particles above 1 GeV stay above the track-building cut.
        let truth = try TruthIndex(event: event)
        let cutA = try EdgeMetrics(source: a.source, target: a.target, scores: a.scores, cut: a.scoreCut, truth: truth,
                                   hits: event.hits, config: EvaluationConfig())
        let cutB = try EdgeMetrics(source: b.source, target: b.target, scores: b.scores, cut: b.scoreCut, truth: truth,
                                   hits: event.hits, config: EvaluationConfig())
        #expect(try #require(cutA.selectedEfficiency.value) >= #require(cutB.selectedEfficiency.value) - 0.01)
    }

    @Test func leftoverRoundBuildsOnlyFromFreeHits() throws {
        let event = try Self.event(mu: 20, number: 6)
        let both = try GNNChain(detector: Self.detector, detectorName: "trackml", config: GNNChainConfig(lowPtPass: true))
        let plain = try GNNChain(detector: Self.detector, detectorName: "trackml", config: GNNChainConfig(lowPtPass: true, rescoring: false))
        let rounds = try #require(both.lowPtPass?.rescoring.leftoverRounds)
        #expect(rounds >= 1 && plain.lowPtPass?.rescoring == RescoringConfig.scoreOnce)
        let a = try both.run(hits: event.hits, cells: event.cells), b = try plain.run(hits: event.hits, cells: event.cells)
        let summary = try #require(a.lowPtPass?.rescoring)
        #expect(summary.leftoverEdges.count == rounds && summary.leftoverTracks.count == rounds)
        #expect(summary.leftoverEdges[0] <= summary.keptEdges && summary.leftoverTracks[0] > 0)
        // Every hit is in at most one track (the leftover round saw only hits no track held).
        #expect(a.tracks.trackOfHit(hitCount: event.hits.count) != nil)
        let pass = try #require(a.lowPtPass)
        #expect(a.tracks.count == (a.building.tracks + pass.building.tracks + summary.leftoverTracks.reduce(0, +) - pass.mergesAcrossPasses))
        #expect(a.timings.map(\.stage) == ["graph construction", "edge scoring", "track building", "hit selection pass 2",
                                           "graph construction pass 2", "edge scoring pass 2", "track building pass 2",
                                           "leftover rounds pass 2", "merge and end refinement"])
        // At μ = 20 the graphs are clean and rescoring changes little: 10 events of this seed score
        // 0.8686 with it and 0.8689 without, single events moving by up to 0.02 either way (its gain
        // is at μ = 200: Scoring/trackml/MODEL-LOWPT.md). Here: the chain's score stays above the
        // issue's target and within that spread of scoring once, and adds no fakes.
        let truth = try TruthIndex(event: event)
        let ra = try Evaluator().evaluate(event: event, truth: truth, tracks: a.tracks)
        let rb = try Evaluator().evaluate(event: event, truth: truth, tracks: b.tracks)
        let score = try #require(ra.trackmlScore), once = try #require(rb.trackmlScore)
        #expect(score >= 0.80 && score >= once - 0.03, "score \(once) → \(score)")
        #expect(try #require(ra.fakeRate) <= 0.02)
    }
}
