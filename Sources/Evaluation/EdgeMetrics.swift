import EventData

/// Edge efficiency and purity of a hit graph after a score cut (DESIGN §4), overall and versus pT.
///
/// An edge `(a, b)` is **true** when both hits belong to the same non-noise particle and are
/// consecutive along it (see ``EdgeTruthDefinition``); edges are undirected. An edge is **kept** when
/// there are no scores or no cut, or when its score is strictly greater than the cut (a NaN score is
/// then never kept).
///
/// - **Efficiency** = distinct true pairs among kept edges / true pairs that exist. Versus pT, each true
///   pair counts in the bin of its particle's pT.
/// - **Purity** = kept true edges / kept edges (each listed edge counts, duplicates included). Versus pT,
///   a kept edge counts in the bin of the particle of its source hit, or of its target hit when the
///   source is noise; noise–noise edges count only in the overall purity.
public struct EdgeMetrics: Codable, Sendable, Equatable {
    /// The truth definition used.
    public var definition: EdgeTruthDefinition
    /// The score cut (scores > cut are kept); nil when no scores or no cut were given (every edge kept).
    public var scoreCut: Float?
    /// The number of edges in the graph.
    public var edgeCount: Int
    /// The number of kept edges.
    public var keptCount: Int
    /// The number of true hit pairs that exist in the event (the efficiency denominator).
    public var trueEdgeCount: Int
    /// Edge efficiency over all particles.
    public var efficiency: Rate
    /// Edge purity over all kept edges.
    public var purity: Rate
    /// The particle selection of ``selectedEfficiency``.
    public var selection: ParticleSelection
    /// Edge efficiency over the true pairs of selected particles.
    public var selectedEfficiency: Rate
    /// Edge efficiency versus particle pT.
    public var efficiencyVsPt: RateTable
    /// Edge purity versus particle pT.
    public var purityVsPt: RateTable

    /// Measures the graph `source[i] → target[i]` (hit rows) with optional per-edge `scores` and `cut`.
    ///
    /// - Parameters:
    ///   - hits: the event's hits (layer identities for ``EdgeTruthDefinition/consecutiveLayers``).
    ///   - config: supplies the pT binning, the selection and the confidence level.
    /// - Throws: ``EvaluationError/invalidEdges(_:)`` when lengths differ or a row is out of range.
    /// - Complexity: O(E + H + K log K) for E edges, H hits and K kept true edges.
    public init(source: [Int32], target: [Int32], scores: [Float]? = nil, cut: Float? = nil,
                truth: TruthIndex, hits: Hits, definition: EdgeTruthDefinition = .consecutiveHits,
                config: EvaluationConfig) throws {
        guard source.count == target.count else {
            throw EvaluationError.invalidEdges("\(source.count) sources but \(target.count) targets")
        }
        if let s = scores, s.count != source.count {
            throw EvaluationError.invalidEdges("\(s.count) scores for \(source.count) edges")
        }
        guard hits.count == truth.hitCount else {
            throw EvaluationError.truthNotAligned(hits: hits.count, truth: truth.hitCount)
        }
        let n = truth.hitCount
        for i in source.indices {
            let a = source[i], b = target[i]
            guard a >= 0, Int(a) < n, b >= 0, Int(b) < n else {
                throw EvaluationError.invalidEdges("edge \(i) (\(a) → \(b)) names a hit row outside 0..<\(n)")
            }
        }

        // Station of each hit along its particle, and true pairs per particle.
        var station = truth.positionOnParticle
        var truePairs = [Int](repeating: 0, count: truth.particleCount)
        for p in 0 ..< truth.particleCount where !truth.isNoise(p) {
            let along = truth.hits(ofParticle: p)
            switch definition {
            case .consecutiveHits:
                truePairs[p] = max(0, along.count - 1)
            case .consecutiveLayers:
                var s: Int32 = -1, previousLayer: GeometryID? = nil
                var previousSize = 0, size = 0, pairs = 0
                for h in along {
                    let layer = hits.geometryID[Int(h)].layerID
                    if layer != previousLayer {
                        pairs += previousSize * size
                        previousSize = size; size = 0; s += 1; previousLayer = layer
                    }
                    size += 1
                    station[Int(h)] = s
                }
                truePairs[p] = pairs + previousSize * size
            }
        }

        // Classify the edges.
        let particleOf = truth.particleOfHit
        let ptBins = config.ptBinning
        let particleBin: [Int] = truth.pT.map { ptBins.index(of: $0) ?? -1 }
        var purityPassed = [Int](repeating: 0, count: ptBins.count)
        var purityTotal = [Int](repeating: 0, count: ptBins.count)
        var kept = 0, keptTrue = 0
        var trueKeys = [UInt64]()
        for i in source.indices {
            if let s = scores, let c = cut, !(s[i] > c) { continue }
            kept += 1
            let a = Int(source[i]), b = Int(target[i])
            let pa = Int(particleOf[a]), pb = Int(particleOf[b])
            let isTrue = pa == pb && !truth.isNoise(pa) && abs(Int(station[a]) - Int(station[b])) == 1
            if isTrue {
                keptTrue += 1
                let lo = UInt64(min(a, b)), hi = UInt64(max(a, b))
                trueKeys.append(lo << 32 | hi)
            }
            let binParticle = truth.isNoise(pa) ? pb : pa
            if !truth.isNoise(binParticle), particleBin[binParticle] >= 0 {
                purityTotal[particleBin[binParticle]] += 1
                if isTrue { purityPassed[particleBin[binParticle]] += 1 }
            }
        }
        trueKeys.sort()

        var foundPerParticle = [Int](repeating: 0, count: truth.particleCount)
        var previous: UInt64? = nil
        for key in trueKeys where key != previous {
            previous = key
            foundPerParticle[Int(particleOf[Int(key >> 32)])] += 1
        }

        var effPassed = [Int](repeating: 0, count: ptBins.count)
        var effTotal = [Int](repeating: 0, count: ptBins.count)
        var allFound = 0, allPairs = 0, selFound = 0, selPairs = 0
        for p in 0 ..< truth.particleCount where !truth.isNoise(p) {
            allFound += foundPerParticle[p]; allPairs += truePairs[p]
            if config.selection.accepts(pT: truth.pT[p], eta: truth.eta[p], hitCount: truth.hitCount(ofParticle: p)) {
                selFound += foundPerParticle[p]; selPairs += truePairs[p]
            }
            if particleBin[p] >= 0 {
                effPassed[particleBin[p]] += foundPerParticle[p]
                effTotal[particleBin[p]] += truePairs[p]
            }
        }

        let cl = config.confidenceLevel
        self.definition = definition
        scoreCut = scores == nil ? nil : cut
        edgeCount = source.count
        keptCount = kept
        trueEdgeCount = allPairs
        efficiency = Rate(passed: allFound, total: allPairs, confidenceLevel: cl)
        purity = Rate(passed: keptTrue, total: kept, confidenceLevel: cl)
        selection = config.selection
        selectedEfficiency = Rate(passed: selFound, total: selPairs, confidenceLevel: cl)
        efficiencyVsPt = RateTable(variable: "pt", unit: "GeV", description: "edge efficiency (\(definition.rawValue))",
                                   binning: ptBins, passed: effPassed, total: effTotal, confidenceLevel: cl)
        purityVsPt = RateTable(variable: "pt", unit: "GeV", description: "edge purity (\(definition.rawValue))",
                               binning: ptBins, passed: purityPassed, total: purityTotal, confidenceLevel: cl)
    }

    enum CodingKeys: String, CodingKey {
        case definition, scoreCut = "score_cut", edgeCount = "n_edges", keptCount = "n_kept"
        case trueEdgeCount = "n_true_edges", efficiency, purity, selection
        case selectedEfficiency = "selected_efficiency", efficiencyVsPt = "efficiency_vs_pt", purityVsPt = "purity_vs_pt"
    }
}
