import Weft

/// Track-finding performance pooled over several events: efficiencies as Σ matched / Σ selected
/// (each event weighted by its selected particles), fake and duplicate rates as Σ tracks of the kind /
/// Σ tracks, the TrackML score as the mean over events (it is normalised per event).
struct PooledPerformance {
    /// One event's counts and rates.
    struct Event {
        var efficiency: Double?
        var selected: Int
        var efficiencyPt05: Double?
        var selectedPt05: Int
        var tracks: Int
        var fakeTracks: Int
        var duplicateTracks: Int
        var trackmlScore: Double?
    }

    var efficiency: Double?
    /// Binomial standard error of ``efficiency``.
    var efficiencyError: Double?
    var efficiencyPt05: Double?
    var fakeRate: Double?
    var duplicateRate: Double?
    var trackmlScore: Double?

    init(_ events: [Event]) {
        let selected = events.map(\.selected).reduce(0, +), selectedPt05 = events.map(\.selectedPt05).reduce(0, +)
        if selected > 0 {
            let e = events.reduce(0.0) { $0 + ($1.efficiency ?? 0) * Double($1.selected) } / Double(selected)
            efficiency = e
            efficiencyError = (e * (1 - e) / Double(selected)).squareRoot()
        }
        if selectedPt05 > 0 {
            efficiencyPt05 = events.reduce(0.0) { $0 + ($1.efficiencyPt05 ?? 0) * Double($1.selectedPt05) } / Double(selectedPt05)
        }
        let tracks = events.map(\.tracks).reduce(0, +)
        if tracks > 0 {
            fakeRate = Double(events.map(\.fakeTracks).reduce(0, +)) / Double(tracks)
            duplicateRate = Double(events.map(\.duplicateTracks).reduce(0, +)) / Double(tracks)
        }
        let scores = events.compactMap(\.trackmlScore)
        trackmlScore = scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
    }
}

extension PooledPerformance.Event {
    /// The counts of an evaluator report.
    init(_ report: EvaluationReport) {
        self.init(efficiency: report.efficiency, selected: report.selectedParticleCount, efficiencyPt05: report.efficiencyPt05,
                  selectedPt05: report.selectedParticleCountPt05, tracks: report.trackCount, fakeTracks: report.fakeTrackCount,
                  duplicateTracks: report.duplicateTrackCount, trackmlScore: report.trackmlScore)
    }
}
