import EventData
import EventIO
import Foundation
import Testing
import WeftTestSupport
@testable import Evaluation

/// End-to-end checks on the real TrackML subsets in `../shared/data/trackml/`.
@Suite("Real TrackML events", .enabled(if: RealData.available))
struct RealEventTests {
    @Test("event 1 (5 % subset, shipped weights summing to 0.0513): a perfect submission scores 1")
    func perfectEvent1() throws {
        let event = try RealData.event1()
        let weightSum = event.truth!.weight.reduce(0.0) { $0 + Double($1) }
        #expect(abs(weightSum - 0.0513) < 0.0001)
        let report = try Evaluator().evaluate(event: event, tracks: RealData.perfectTracks(event))
        #expect(report.weightSource == .truth)
        #expect(abs(try #require(report.trackmlScore) - 1) < 1e-9)
        #expect(report.efficiency == 1 && report.efficiencyPt05 == 1)
        #expect(report.fakeRate == 0 && report.duplicateRate == 0)
        #expect(report.hitCount == 5527 && report.noiseHitCount == 829 && report.particleCount == 468)
        #expect(report.selectedParticleCount > 50)
        // Recomputed weights (normalised over the subset) give 1 too.
        let recomputed = try Evaluator(config: try EvaluationConfig(weights: .recomputed))
            .evaluate(event: event, tracks: RealData.perfectTracks(event))
        #expect(recomputed.weightSource == .recomputed)
        #expect(abs(try #require(recomputed.trackmlScore) - 1) < 1e-12)
    }

    @Test("event 1: every hit its own track scores 0, and nothing is found")
    func singletonsEvent1() throws {
        let event = try RealData.event1()
        let tracks = Tracks(hitLists: (0 ..< Int32(event.hits.count)).map { [$0] })
        let report = try Evaluator().evaluate(event: event, tracks: tracks)
        #expect(report.trackmlScore == 0)
        #expect(report.efficiency == 0)
    }

    @Test("event 1: a perfect submission survives the CSV round trip; a bad one gets a clear error")
    func submissionRoundTrip() throws {
        let event = try RealData.event1()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("weft-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("submission.csv").path
        try Submission(tracks: RealData.perfectTracks(event), hits: event.hits, eventID: event.eventID).write(to: path)
        let read = try Submission.read(path: path, eventID: event.eventID).tracks(for: event.hits, eventID: event.eventID)
        #expect(abs(try #require(try Evaluator().evaluate(event: event, tracks: read).trackmlScore) - 1) < 1e-9)

        let bad = dir.appendingPathComponent("bad.csv").path
        try "event_id,hit_id,track_id\n1,6,1\n1,999999999,1\n".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(throws: EventIOError.self) { try Submission.read(path: bad).tracks(for: event.hits) }
    }

    /// Shuffles hits between tracks of the real event and checks the score against bounds counted
    /// directly from the shipped weights (see ``ScoreTests``).
    @Test("event 1: randomly corrupted submissions score between directly counted bounds", arguments: [11, 12, 13] as [UInt64])
    func corruptedEvent1(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let event = try RealData.event1()
        let truth = try TruthIndex(event: event)
        let w = event.truth!.weight.map(Double.init)
        let total = w.reduce(0, +)
        let perfect = RealData.perfectTracks(event)
        var lists = (0 ..< perfect.count).map { Array(perfect.hits(of: $0)) }
        var touched = [Bool](repeating: false, count: lists.count)
        var singletons = [[Int32]]()
        for t in lists.indices where Int.random(in: 0 ..< 4, using: &rng) == 0 {
            let k = Int.random(in: 1 ... lists[t].count, using: &rng)
            for _ in 0 ..< k { singletons.append([lists[t].remove(at: Int.random(in: 0 ..< lists[t].count, using: &rng))]) }
            touched[t] = true
        }
        let submitted = lists.filter { !$0.isEmpty } + singletons
        let score = try #require(try Evaluator().evaluate(event: event, tracks: Tracks(hitLists: submitted)).trackmlScore)
        // Each particle's track keeps only its own hits: lower = untouched particles, upper = every
        // particle's remaining hits (singletons of particles with < 4 hits weigh 0).
        var lower = 0.0, upper = 0.0
        for t in lists.indices {
            let remaining = lists[t].reduce(0.0) { $0 + w[Int($1)] }
            upper += remaining
            if !touched[t] { lower += remaining }
        }
        #expect(score >= lower / total - 1e-9 && score <= upper / total + 1e-9)
        #expect(score < 1)
        _ = truth
    }

    @Test("event 1000 (barrel subset, rewritten weights): a perfect submission scores 1")
    func perfectEvent1000() throws {
        let event = try RealData.event1000()
        let report = try Evaluator().evaluate(event: event, tracks: RealData.perfectTracks(event))
        #expect(abs(try #require(report.trackmlScore) - 1) < 1e-9)
        #expect(report.efficiency == 1)
        #expect(Set(report.binned.efficiencyVsVolume.bins.map { Int($0.low) }).isSubset(of: [8, 13, 17]))
    }
}
