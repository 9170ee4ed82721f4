import Testing
import EventData

@Suite struct GeometryIDTests {
    @Test func fieldsRoundTripThroughThePackedValue() {
        for (v, l, m) in [(7, 2, 1), (18, 12, 1008), (255, 4095, 0xfffff), (0, 0, 0)] as [(Int32, Int32, Int32)] {
            let g = GeometryID(volume: v, layer: l, module: m)
            #expect(g.volume == v && g.layer == l && g.module == m)
            #expect(g.layerID == GeometryID(volume: v, layer: l, module: 0))
        }
    }

    @Test func layoutIsTheACTSOne() {
        // ACTS GeometryIdentifier: volume bits 56-63, layer bits 36-47, sensitive bits 8-27.
        #expect(GeometryID(volume: 8, layer: 2, module: 5).rawValue == 0x0800_0020_0000_0500)
    }

    @Test func rangeCheckRejectsFieldsThatDoNotFit() {
        #expect(!GeometryID.isRepresentable(volume: 256, layer: 0, module: 0))
        #expect(!GeometryID.isRepresentable(volume: 1, layer: -2, module: 0))
        #expect(!GeometryID.isRepresentable(volume: 1, layer: 2, module: 0x100000))
        #expect(GeometryID.isRepresentable(volume: 255, layer: 4095, module: 0xfffff))
    }

    @Test func orderIsVolumeThenLayerThenModule() {
        let a = GeometryID(volume: 7, layer: 14, module: 900)
        let b = GeometryID(volume: 8, layer: 2, module: 1)
        let c = GeometryID(volume: 8, layer: 2, module: 2)
        #expect(a < b && b < c)
    }
}

@Suite struct TracksTests {
    @Test func compressedRowsHoldEachTrack() {
        let t = Tracks(hitLists: [[0, 3, 5], [], [2]])
        #expect(t.count == 3)
        #expect(Array(t.hits(of: 0)) == [0, 3, 5])
        #expect(t.hits(of: 1).isEmpty)
        #expect(Array(t.hits(of: 2)) == [2])
    }

    @Test func trackOfHitDetectsSharedAndOutOfRangeHits() {
        #expect(Tracks(hitLists: [[0, 1], [3]]).trackOfHit(hitCount: 4) == [0, 0, -1, 1])
        #expect(Tracks(hitLists: [[0, 1], [1]]).trackOfHit(hitCount: 4) == nil)
        #expect(Tracks(hitLists: [[0, 7]]).trackOfHit(hitCount: 4) == nil)
    }

    @Test func labelsGroupHitsInOrderOfFirstAppearance() {
        let t = Tracks(trackLabels: [9, 4, 9, 0, 4, 4], unassigned: [0])
        #expect(t.count == 2)
        #expect(Array(t.hits(of: 0)) == [0, 2])
        #expect(Array(t.hits(of: 1)) == [1, 4, 5])
    }
}

@Suite struct EventSummaryTests {
    @Test func countsHitsNoiseParticlesAndVolumes() {
        var hits = Hits()
        let ids: [(Int32, Int32, Int32)] = [(8, 2, 1), (8, 2, 1), (8, 4, 7), (13, 2, 3)]
        for (i, g) in ids.enumerated() {
            hits.append(hitID: Int64(i + 1), x: 1, y: 2, z: 3, geometryID: GeometryID(volume: g.0, layer: g.1, module: g.2))
        }
        var truth = Truth()
        for p: UInt64 in [5, 0, 5, 6] { truth.append(particleID: p, tx: 0, ty: 0, tz: 0, tpx: 0, tpy: 0, tpz: 0, weight: 0) }
        let s = EventSummary(Event(eventID: 42, hits: hits, truth: truth))
        #expect(s.hits == 4 && s.noiseHits == 1 && s.particlesWithHits == 2 && s.modulesHit == 3)
        #expect(s.hitsPerVolume == ["8": 3, "13": 1])
        #expect(s.hasTruth && !s.hasCells && !s.hasParticles)
    }

    @Test func physicsHelpersUseNativeUnits() {
        // A 1 GeV track in 2 T curls with a radius of 1.668 m.
        #expect(abs(PhysicsConstants.curvatureRadius(pT: 1, bz: 2) - 1667.8205) < 1e-3)
        var p = Particles()
        p.append(id: 1, type: 211, vx: 0, vy: 0, vz: 0, px: 3, py: 4, pz: 0, charge: 1, nHits: 10)
        #expect(p.pT(0) == 5)
        #expect(abs(p.eta(0)) < 1e-12)
    }
}

@Suite struct EventSelectionTests {
    @Test func selectingRowsKeepsHitsTruthAndCellsTogether() {
        var hits = Hits(), truth = Truth(), cells = Cells()
        for i in 0 ..< 5 {
            hits.append(hitID: Int64(10 + i), x: Float(i), y: 0, z: Float(-i), geometryID: GeometryID(volume: 8, layer: 2, module: Int32(i + 1)))
            truth.append(particleID: UInt64(100 + i), tx: Float(i), ty: 0, tz: 0, tpx: 1, tpy: 0, tpz: 0, weight: Float(i) * 0.1)
        }
        // Two cells for hit 3, one for hits 0 and 4, none for the others.
        for (h, c) in [(3, 7), (0, 1), (3, 8), (4, 9)] { cells.append(hitIndex: Int32(h), channel0: Int32(c), channel1: 0, value: 1) }
        let event = Event(eventID: 5, hits: hits, cells: cells, truth: truth)
        let picked = event.selecting(rows: [1, 3, 4])
        #expect(picked.eventID == 5)
        #expect(picked.hits.hitID == [11, 13, 14] && picked.hits.x == [1, 3, 4] && picked.hits.z == [-1, -3, -4])
        #expect(picked.hits.geometryID.map(\.module) == [2, 4, 5])
        #expect(picked.truth?.particleID == [101, 103, 104] && picked.truth?.weight == [0.1, 0.3, 0.4])
        // Hit 3 is row 1 of the selection, hit 4 row 2; hit 0's cell is dropped.
        #expect(picked.cells?.hitIndex == [1, 1, 2] && picked.cells?.channel0 == [7, 8, 9])
        #expect(event.selecting(rows: []).hits.isEmpty)
    }

    @Test func freeRowsAreTheHitsOfNoTrack() {
        let tracks = Tracks(hitLists: [[4, 1], [2]])
        #expect(tracks.freeRows(hitCount: 6) == [0, 3, 5])
        #expect(Tracks().freeRows(hitCount: 2) == [0, 1])
    }
}
