/// Everything the evaluator measured on one event, ready for JSON (snake_case keys), a text table
/// (``formattedSummary()``) or plots (``PlotWriter``).
///
/// Rates whose denominator is 0 are nil (JSON `null`), never NaN.
public struct EvaluationReport: Codable, Sendable, Equatable {
    /// The event number.
    public var eventID: Int64
    /// The TrackML score in [0, 1] (nil when all weights are 0 or tracks share hits).
    public var trackmlScore: Double?
    /// Where the TrackML weights came from.
    public var weightSource: WeightSource
    /// Double-majority efficiency for ``selection``.
    public var efficiency: Double?
    /// Double-majority efficiency for ``selectionPt05`` (pT > 0.5 GeV by default).
    public var efficiencyPt05: Double?
    /// Tracks matching no particle / all tracks.
    public var fakeRate: Double?
    /// Extra tracks matching an already matched particle / all tracks.
    public var duplicateRate: Double?
    /// The number of tracks.
    public var trackCount: Int
    /// The number of particles passing ``selection``.
    public var selectedParticleCount: Int
    /// The number of particles passing ``selectionPt05``.
    public var selectedParticleCountPt05: Int
    /// Selected particles with at least one matching track.
    public var matchedParticleCount: Int
    /// Tracks matching no particle.
    public var fakeTrackCount: Int
    /// Extra tracks of already matched particles.
    public var duplicateTrackCount: Int
    /// The event's hits.
    public var hitCount: Int
    /// Hits with particle id 0.
    public var noiseHitCount: Int
    /// Hit entries in tracks (a shared hit counts once per track).
    public var assignedHitCount: Int
    /// Distinct hits that belong to more than one track (0 for a submission).
    public var sharedHitCount: Int
    /// Distinct non-noise particles with hits.
    public var particleCount: Int
    /// The headline selection.
    public var selection: ParticleSelection
    /// The low-pT selection of ``efficiencyPt05``.
    public var selectionPt05: ParticleSelection
    /// Confidence level of every interval in the report.
    public var confidenceLevel: Double
    /// The headline rates with their counts and intervals.
    public var rates: RateSummary
    /// The binned rates.
    public var binned: BinnedRates
    /// Hit-graph edge metrics, when a graph was evaluated.
    public var edges: EdgeMetrics?
    /// Throughput, when a time per event was given.
    public var throughput: Throughput?

    enum CodingKeys: String, CodingKey {
        case eventID = "event_id", trackmlScore = "trackml_score", weightSource = "weight_source"
        case efficiency, efficiencyPt05 = "efficiency_pt05", fakeRate = "fake_rate", duplicateRate = "duplicate_rate"
        case trackCount = "n_tracks", selectedParticleCount = "n_selected_particles"
        case selectedParticleCountPt05 = "n_selected_particles_pt05", matchedParticleCount = "n_matched_particles"
        case fakeTrackCount = "n_fake_tracks", duplicateTrackCount = "n_duplicate_tracks"
        case hitCount = "n_hits", noiseHitCount = "n_noise_hits", assignedHitCount = "n_assigned_hits"
        case sharedHitCount = "n_shared_hits"
        case particleCount = "n_particles", selection, selectionPt05 = "selection_pt05"
        case confidenceLevel = "confidence_level", rates, binned, edges, throughput
    }

    // Written by hand so that undefined values appear as `null` instead of disappearing.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(eventID, forKey: .eventID)
        try c.encode(trackmlScore, forKey: .trackmlScore)
        try c.encode(weightSource, forKey: .weightSource)
        try c.encode(efficiency, forKey: .efficiency)
        try c.encode(efficiencyPt05, forKey: .efficiencyPt05)
        try c.encode(fakeRate, forKey: .fakeRate)
        try c.encode(duplicateRate, forKey: .duplicateRate)
        try c.encode(trackCount, forKey: .trackCount)
        try c.encode(selectedParticleCount, forKey: .selectedParticleCount)
        try c.encode(selectedParticleCountPt05, forKey: .selectedParticleCountPt05)
        try c.encode(matchedParticleCount, forKey: .matchedParticleCount)
        try c.encode(fakeTrackCount, forKey: .fakeTrackCount)
        try c.encode(duplicateTrackCount, forKey: .duplicateTrackCount)
        try c.encode(hitCount, forKey: .hitCount)
        try c.encode(noiseHitCount, forKey: .noiseHitCount)
        try c.encode(assignedHitCount, forKey: .assignedHitCount)
        try c.encode(sharedHitCount, forKey: .sharedHitCount)
        try c.encode(particleCount, forKey: .particleCount)
        try c.encode(selection, forKey: .selection)
        try c.encode(selectionPt05, forKey: .selectionPt05)
        try c.encode(confidenceLevel, forKey: .confidenceLevel)
        try c.encode(rates, forKey: .rates)
        try c.encode(binned, forKey: .binned)
        try c.encode(edges, forKey: .edges)
        try c.encode(throughput, forKey: .throughput)
    }
}
