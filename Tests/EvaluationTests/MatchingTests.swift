import EventData
import Testing
@testable import Evaluation

@Suite("Majority and double-majority matching")
struct MatchingTests {
    @Test("ties in hit count go to the smaller particle id")
    func tieGoesToSmallerID() throws {
        var b = EventBuilder()
        let p9 = b.particle(9, hits: 4), p3 = b.particle(3, hits: 4)
        let event = b.event()
        let truth = try TruthIndex(event: event)
        // Listed larger id first, to show that order in the track does not matter.
        let tracks = Tracks(hitLists: [[p9[0], p9[1], p3[0], p3[1]], [p3[2], p9[2]]])
        let m = try TrackMatching(tracks: tracks, truth: truth)
        #expect(truth.particleIDs[Int(m.majorityParticle[0])] == 3)
        #expect(truth.particleIDs[Int(m.majorityParticle[1])] == 3)
        #expect(m.majorityHitCount[0] == 2)
        // A tie is never more than half of the track.
        #expect(!m.isDoubleMajority[0] && !m.isDoubleMajority[1])
    }

    @Test("noise can be the majority; it counts for the TrackML rule but matches no particle")
    func noiseMajority() throws {
        var b = EventBuilder()
        let p = b.particle(5, hits: 4)
        let noise = b.noise(3)
        let truth = try TruthIndex(event: b.event())
        let tracks = Tracks(hitLists: [noise + [p[0]], Array(p[1...])])
        let m = try TrackMatching(tracks: tracks, truth: truth)
        #expect(m.majorityParticle[0] == truth.noiseParticle)
        #expect(m.isDoubleMajority[0])                     // 3 of 4 track hits, 3 of 3 noise hits
        #expect(m.matchedParticle(0, truth: truth) == nil)
        #expect(m.matchedParticle(1, truth: truth) == truth.denseIndex(of: 5))   // 3 of 4 hits of 5
    }

    @Test("exactly half of the track's hits is not enough")
    func halfOfTrackNotEnough() throws {
        var b = EventBuilder()
        let p = b.particle(1, hits: 2), q = b.particle(2, hits: 6)
        let truth = try TruthIndex(event: b.event())
        let m = try TrackMatching(tracks: Tracks(hitLists: [[p[0], p[1], q[0], q[1]]]), truth: truth)
        #expect(truth.particleIDs[Int(m.majorityParticle[0])] == 1)   // tie 2–2, smaller id
        #expect(!m.isDoubleMajority[0])                                // 2/4 of the track
    }

    @Test("exactly half of the particle's hits is not enough")
    func halfOfParticleNotEnough() throws {
        var b = EventBuilder()
        let p = b.particle(1, hits: 4)
        let truth = try TruthIndex(event: b.event())
        let m = try TrackMatching(tracks: Tracks(hitLists: [[p[0], p[1]], [p[2], p[3]]]), truth: truth)
        #expect(!m.isDoubleMajority[0] && !m.isDoubleMajority[1])   // 2/2 of the track, 2/4 of the particle
        let m3 = try TrackMatching(tracks: Tracks(hitLists: [[p[0], p[1], p[2]], [p[3]]]), truth: truth)
        #expect(m3.isDoubleMajority[0] && !m3.isDoubleMajority[1])
    }

    @Test("a hit listed twice in one track or out of range is an error naming it; shared hits are counted")
    func invalidTracks() throws {
        var b = EventBuilder()
        let p = b.particle(1, hits: 4)
        let truth = try TruthIndex(event: b.event())
        #expect(throws: EvaluationError.duplicateHitInTrack(track: 1, hit: p[2])) {
            try TrackMatching(tracks: Tracks(hitLists: [[p[0]], [p[2], p[1], p[2]]]), truth: truth)
        }
        let shared = try TrackMatching(tracks: Tracks(hitLists: [[p[0], p[1], p[2]], [p[1], p[2], p[3]], [p[1]]]), truth: truth)
        #expect(shared.sharedHitCount == 2)
        #expect(shared.isDoubleMajority == [true, true, false])
        #expect(throws: EvaluationError.hitOutOfRange(track: 0, hit: 4, hitCount: 4)) {
            try TrackMatching(tracks: Tracks(hitLists: [[p[0], 4]]), truth: truth)
        }
        #expect(throws: EvaluationError.hitOutOfRange(track: 0, hit: -1, hitCount: 4)) {
            try TrackMatching(tracks: Tracks(hitLists: [[-1]]), truth: truth)
        }
    }

    @Test("an event without truth, or with truth of another length, is refused")
    func missingTruth() throws {
        var b = EventBuilder()
        b.particle(1, hits: 4)
        var e = b.event()
        e.truth = nil
        #expect(throws: EvaluationError.missingTruth) { try TruthIndex(event: e) }
        e = b.event()
        e.truth!.particleID.removeLast()
        #expect(throws: EvaluationError.truthNotAligned(hits: 4, truth: 3)) { try TruthIndex(event: e) }
    }

    @Test("truth index: dense ids in increasing order, hits in flight order by |z − vz|")
    func truthIndexOrder() throws {
        var b = EventBuilder()
        b.noise(2)
        let p = b.particle(77, hits: 5, eta: -1.2, vz: 40)
        b.particle(12, hits: 3)
        // Store the particle's hits in scrambled row order to check the sort.
        var event = b.event()
        let perm: [Int] = [0, 1, 5, 3, 6, 2, 4, 7, 8, 9]
        func permute<T>(_ a: [T]) -> [T] { perm.map { a[$0] } }
        event.hits = Hits(hitID: permute(event.hits.hitID), x: permute(event.hits.x), y: permute(event.hits.y),
                          z: permute(event.hits.z), geometryID: permute(event.hits.geometryID))
        var t = event.truth!
        t.particleID = permute(t.particleID); t.tx = permute(t.tx); t.ty = permute(t.ty); t.tz = permute(t.tz)
        t.tpx = permute(t.tpx); t.tpy = permute(t.tpy); t.tpz = permute(t.tpz); t.weight = permute(t.weight)
        event.truth = t
        let truth = try TruthIndex(event: event)
        #expect(truth.particleIDs == [0, 12, 77])
        #expect(truth.noiseParticle == 0)
        let along = truth.hits(ofParticle: 2).map { event.hits.hitID[Int($0)] }
        #expect(along == p.map { Int64($0) + 1 })   // hit ids were row + 1 before the permutation
        #expect(truth.firstHitVolume[2] == 8)
        #expect(truth.hitCount(ofParticle: 1) == 3)
    }
}
