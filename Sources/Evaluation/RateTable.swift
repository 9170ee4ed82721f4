/// A rate binned in one variable (efficiency vs pT, fake rate vs η, …).
public struct RateTable: Codable, Sendable, Equatable {
    /// The binned variable: `pt`, `eta` or `volume`.
    public var variable: String
    /// The variable's unit (`GeV`, or empty when dimensionless).
    public var unit: String
    /// What is counted, including the selection (e.g. "efficiency, |η| < 4, ≥ 3 hits").
    public var description: String
    /// The bins, in increasing order of the variable.
    public var bins: [RateBin]

    /// A table over `binning` from per-bin counts.
    ///
    /// - Precondition: `passed.count == total.count == binning.count`.
    public init(variable: String, unit: String, description: String, binning: Binning,
                passed: [Int], total: [Int], confidenceLevel: Double) {
        precondition(passed.count == binning.count && total.count == binning.count)
        self.variable = variable; self.unit = unit; self.description = description
        bins = (0 ..< binning.count).map { i in
            RateBin(low: binning.edges[i], high: binning.edges[i + 1],
                    rate: Rate(passed: passed[i], total: total[i], confidenceLevel: confidenceLevel))
        }
    }

    /// A table over categories (each bin has `low == high ==` its category).
    ///
    /// - Precondition: `passed.count == total.count == categories.count`.
    public init(variable: String, unit: String, description: String, categories: [Int32],
                passed: [Int], total: [Int], confidenceLevel: Double) {
        precondition(passed.count == categories.count && total.count == categories.count)
        self.variable = variable; self.unit = unit; self.description = description
        bins = categories.indices.map { i in
            RateBin(low: Double(categories[i]), high: Double(categories[i]),
                    rate: Rate(passed: passed[i], total: total[i], confidenceLevel: confidenceLevel))
        }
    }
}
