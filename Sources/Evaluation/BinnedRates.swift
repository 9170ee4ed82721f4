/// Efficiency, fake and duplicate rates binned in pT, η and detector volume.
///
/// Particles (efficiency) are binned by their true pT and η at production and by the volume of their
/// first hit in flight order. Efficiency versus pT applies every cut of the selection except the pT cut.
/// Tracks (fake and duplicate rates) are binned by their estimated pT and η (see ``TrackKinematics``)
/// and by the volume of their innermost hit; of several tracks matching one particle, the one with the
/// most hits of that particle (then the lowest index) is the original and the others are duplicates.
public struct BinnedRates: Codable, Sendable, Equatable {
    /// Efficiency versus true pT in GeV (selection without its pT cut).
    public var efficiencyVsPt: RateTable
    /// Efficiency versus true η (headline selection).
    public var efficiencyVsEta: RateTable
    /// Efficiency versus true η (low-pT selection).
    public var efficiencyPt05VsEta: RateTable
    /// Efficiency versus the volume of the particle's first hit (headline selection).
    public var efficiencyVsVolume: RateTable
    /// Fake rate versus estimated track pT in GeV.
    public var fakeRateVsPt: RateTable
    /// Fake rate versus estimated track η.
    public var fakeRateVsEta: RateTable
    /// Fake rate versus the volume of the track's innermost hit.
    public var fakeRateVsVolume: RateTable
    /// Duplicate rate versus estimated track pT in GeV.
    public var duplicateRateVsPt: RateTable
    /// Duplicate rate versus estimated track η.
    public var duplicateRateVsEta: RateTable
    /// Duplicate rate versus the volume of the track's innermost hit.
    public var duplicateRateVsVolume: RateTable

    enum CodingKeys: String, CodingKey {
        case efficiencyVsPt = "efficiency_vs_pt", efficiencyVsEta = "efficiency_vs_eta"
        case efficiencyPt05VsEta = "efficiency_pt05_vs_eta", efficiencyVsVolume = "efficiency_vs_volume"
        case fakeRateVsPt = "fake_rate_vs_pt", fakeRateVsEta = "fake_rate_vs_eta", fakeRateVsVolume = "fake_rate_vs_volume"
        case duplicateRateVsPt = "duplicate_rate_vs_pt", duplicateRateVsEta = "duplicate_rate_vs_eta"
        case duplicateRateVsVolume = "duplicate_rate_vs_volume"
    }
}
