import EventData

/// Judges a set of tracks against an event's truth: TrackML score, efficiency, fake and duplicate rates,
/// binned tables and, when given, the throughput figure of merit (DESIGN §4).
///
/// The evaluator is immutable and thread-safe; it reads no files.
public struct Evaluator: Sendable {
    /// What to measure and how to bin it.
    public let config: EvaluationConfig

    /// An evaluator with `config`.
    public init(config: EvaluationConfig) { self.config = config }

    /// An evaluator with the default configuration.
    public init() { config = try! EvaluationConfig() }

    /// Evaluates `tracks` on `event`.
    ///
    /// - Parameter secondsPerEvent: reconstruction time in seconds; fills ``EvaluationReport/throughput``.
    /// - Throws: ``EvaluationError`` for missing truth, tracks naming bad hit rows or one hit twice, or
    ///   recomputed weights without a particle table. Tracks may share hits (see ``TrackMatching``);
    ///   the TrackML score is then nil.
    /// - Complexity: O(H log H + T) for H hits and T track hits.
    public func evaluate(event: Event, tracks: Tracks, secondsPerEvent: Double? = nil) throws -> EvaluationReport {
        let truth = try TruthIndex(event: event)
        return try evaluate(event: event, truth: truth, tracks: tracks, secondsPerEvent: secondsPerEvent)
    }

    /// Evaluates `tracks` on `event` whose truth was already indexed (reuse `truth` across track sets).
    ///
    /// - Precondition: `truth` was built from `event`.
    /// - Complexity: O(H + T + P log B) for H hits, T track hits, P particles and B bins.
    public func evaluate(event: Event, truth: TruthIndex, tracks: Tracks,
                         secondsPerEvent: Double? = nil) throws -> EvaluationReport {
        precondition(truth.hitCount == event.hits.count, "truth index built from another event")
        let matching = try TrackMatching(tracks: tracks, truth: truth)
        let (weights, source) = try hitWeights(event: event, truth: truth)
        let score = TrackMLScore.score(tracks: tracks, matching: matching, truth: truth, weights: weights)

        let cl = config.confidenceLevel
        let nParticles = truth.particleCount
        let nTracks = tracks.count

        // Matching tracks per particle and the "original" (most majority hits, then lowest index).
        var matchCount = [Int32](repeating: 0, count: nParticles)
        var original = [Int32](repeating: -1, count: nParticles)
        var originalHits = [Int32](repeating: 0, count: nParticles)
        var matchedParticle = [Int32](repeating: -1, count: nTracks)
        for t in 0 ..< nTracks {
            guard let p = matching.matchedParticle(t, truth: truth) else { continue }
            matchedParticle[t] = Int32(p)
            matchCount[p] += 1
            if matching.majorityHitCount[t] > originalHits[p] {
                originalHits[p] = matching.majorityHitCount[t]; original[p] = Int32(t)
            }
        }

        // Particle side: efficiencies.
        let sel = config.selection, low = config.lowPtSelection
        let ptBins = config.ptBinning, etaBins = config.etaBinning
        let volumes = truth.volumes
        var eff = Counter(), effLow = Counter()
        var effPt = BinCounter(ptBins.count), effEta = BinCounter(etaBins.count)
        var effLowEta = BinCounter(etaBins.count), effVolume = BinCounter(volumes.count)
        var particleCount = 0
        for p in 0 ..< nParticles where !truth.isNoise(p) {
            particleCount += 1
            guard truth.particleRow[p] >= 0 else { continue }
            let pt = truth.pT[p], eta = truth.eta[p], nh = truth.hitCount(ofParticle: p)
            let found = matchCount[p] > 0
            if sel.acceptsIgnoringPt(eta: eta, hitCount: nh), let b = ptBins.index(of: pt) {
                effPt.add(b, found)
            }
            if sel.accepts(pT: pt, eta: eta, hitCount: nh) {
                eff.add(found)
                if let b = etaBins.index(of: eta) { effEta.add(b, found) }
                if let b = Self.categoryIndex(volumes, truth.firstHitVolume[p]) { effVolume.add(b, found) }
            }
            if low.accepts(pT: pt, eta: eta, hitCount: nh) {
                effLow.add(found)
                if let b = etaBins.index(of: eta) { effLowEta.add(b, found) }
            }
        }

        // Track side: fakes and duplicates.
        let kinematics = TrackKinematics(tracks: tracks, hits: event.hits, magneticField: config.magneticField)
        var fakes = 0, duplicates = 0
        var fakePt = BinCounter(ptBins.count), fakeEta = BinCounter(etaBins.count), fakeVolume = BinCounter(volumes.count)
        var dupPt = BinCounter(ptBins.count), dupEta = BinCounter(etaBins.count), dupVolume = BinCounter(volumes.count)
        for t in 0 ..< nTracks {
            let p = Int(matchedParticle[t])
            let isFake = p < 0
            let isDuplicate = !isFake && original[p] != Int32(t)
            if isFake { fakes += 1 }
            if isDuplicate { duplicates += 1 }
            if let b = ptBins.index(of: kinematics.pT[t]) { fakePt.add(b, isFake); dupPt.add(b, isDuplicate) }
            if let b = etaBins.index(of: kinematics.eta[t]) { fakeEta.add(b, isFake); dupEta.add(b, isDuplicate) }
            if let b = Self.categoryIndex(volumes, kinematics.innermostVolume[t]) {
                fakeVolume.add(b, isFake); dupVolume.add(b, isDuplicate)
            }
        }

        func table(_ c: BinCounter, _ variable: String, _ what: String) -> RateTable {
            variable == "volume"
                ? RateTable(variable: variable, unit: "", description: what, categories: volumes,
                            passed: c.passed, total: c.total, confidenceLevel: cl)
                : RateTable(variable: variable, unit: variable == "pt" ? "GeV" : "", description: what,
                            binning: variable == "pt" ? ptBins : etaBins,
                            passed: c.passed, total: c.total, confidenceLevel: cl)
        }
        let binned = BinnedRates(
            efficiencyVsPt: table(effPt, "pt", "efficiency, \(sel.labelWithoutPt)"),
            efficiencyVsEta: table(effEta, "eta", "efficiency, \(sel.label)"),
            efficiencyPt05VsEta: table(effLowEta, "eta", "efficiency, \(low.label)"),
            efficiencyVsVolume: table(effVolume, "volume", "efficiency, \(sel.label), volume of the first hit"),
            fakeRateVsPt: table(fakePt, "pt", "fake rate, estimated track pT"),
            fakeRateVsEta: table(fakeEta, "eta", "fake rate, estimated track η"),
            fakeRateVsVolume: table(fakeVolume, "volume", "fake rate, volume of the innermost hit"),
            duplicateRateVsPt: table(dupPt, "pt", "duplicate rate, estimated track pT"),
            duplicateRateVsEta: table(dupEta, "eta", "duplicate rate, estimated track η"),
            duplicateRateVsVolume: table(dupVolume, "volume", "duplicate rate, volume of the innermost hit"))

        let rates = RateSummary(
            efficiency: Rate(passed: eff.passed, total: eff.total, confidenceLevel: cl),
            efficiencyPt05: Rate(passed: effLow.passed, total: effLow.total, confidenceLevel: cl),
            fakeRate: Rate(passed: fakes, total: nTracks, confidenceLevel: cl),
            duplicateRate: Rate(passed: duplicates, total: nTracks, confidenceLevel: cl))

        var throughput: Throughput? = nil
        if let t = secondsPerEvent {
            throughput = Throughput(secondsPerEvent: t,
                                    figureOfMerit: try ThroughputFigureOfMerit.value(score: score ?? 0, secondsPerEvent: t))
        }

        return EvaluationReport(
            eventID: event.eventID, trackmlScore: score, weightSource: source,
            efficiency: rates.efficiency.value, efficiencyPt05: rates.efficiencyPt05.value,
            fakeRate: rates.fakeRate.value, duplicateRate: rates.duplicateRate.value,
            trackCount: nTracks, selectedParticleCount: eff.total, selectedParticleCountPt05: effLow.total,
            matchedParticleCount: eff.passed, fakeTrackCount: fakes, duplicateTrackCount: duplicates,
            hitCount: truth.hitCount,
            noiseHitCount: truth.noiseParticle >= 0 ? truth.hitCount(ofParticle: Int(truth.noiseParticle)) : 0,
            assignedHitCount: tracks.hitIndices.count, sharedHitCount: matching.sharedHitCount,
            particleCount: particleCount,
            selection: sel, selectionPt05: low, confidenceLevel: cl,
            rates: rates, binned: binned, edges: nil, throughput: throughput)
    }

    /// The per-hit TrackML weights the configuration asks for, and where they came from.
    ///
    /// - Throws: ``EvaluationError/missingParticles(needed:)`` when weights must be recomputed without a
    ///   particle table.
    /// - Complexity: O(hits).
    public func hitWeights(event: Event, truth: TruthIndex) throws -> ([Double], WeightSource) {
        guard let t = event.truth else { throw EvaluationError.missingTruth }
        let truthSum = t.weight.reduce(0.0) { $0 + Double($1) }
        let recompute: Bool
        switch config.weights {
        case .truth: recompute = false
        case .recomputed: recompute = true
        case .automatic: recompute = !(truthSum > 0)
        }
        if recompute {
            guard event.particles != nil else { throw EvaluationError.missingParticles(needed: "recomputing TrackML weights") }
            return (TrackMLWeights.weights(truth: truth), .recomputed)
        }
        return (t.weight.map { Double($0) }, .truth)
    }

    /// Index of `value` in the increasing `categories`, or nil.
    static func categoryIndex(_ categories: [Int32], _ value: Int32) -> Int? {
        var lo = 0, hi = categories.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if categories[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < categories.count && categories[lo] == value ? lo : nil
    }

    /// A pass/total counter.
    struct Counter {
        var passed = 0, total = 0
        mutating func add(_ pass: Bool) { total += 1; if pass { passed += 1 } }
    }

    /// Per-bin pass/total counters.
    struct BinCounter {
        var passed: [Int], total: [Int]
        init(_ n: Int) { passed = [Int](repeating: 0, count: n); total = [Int](repeating: 0, count: n) }
        mutating func add(_ bin: Int, _ pass: Bool) { total[bin] += 1; if pass { passed[bin] += 1 } }
    }
}
