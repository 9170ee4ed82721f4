/// The headline rates of a report, with counts and Clopper–Pearson intervals.
public struct RateSummary: Codable, Sendable, Equatable {
    /// Efficiency for the headline selection.
    public var efficiency: Rate
    /// Efficiency for the low-pT selection.
    public var efficiencyPt05: Rate
    /// Fake rate.
    public var fakeRate: Rate
    /// Duplicate rate.
    public var duplicateRate: Rate

    public init(efficiency: Rate, efficiencyPt05: Rate, fakeRate: Rate, duplicateRate: Rate) {
        self.efficiency = efficiency; self.efficiencyPt05 = efficiencyPt05
        self.fakeRate = fakeRate; self.duplicateRate = duplicateRate
    }

    enum CodingKeys: String, CodingKey {
        case efficiency, efficiencyPt05 = "efficiency_pt05", fakeRate = "fake_rate", duplicateRate = "duplicate_rate"
    }
}
