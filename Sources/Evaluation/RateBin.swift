/// One bin of a ``RateTable``: the variable's range and the rate in it.
public struct RateBin: Codable, Sendable, Equatable {
    /// Lower bin edge (for categorical variables such as volume: the category itself).
    public var low: Double
    /// Upper bin edge (for categorical variables: equal to ``low``).
    public var high: Double
    /// Entries that pass.
    public var passed: Int
    /// All entries.
    public var total: Int
    /// `passed / total`, or nil for an empty bin.
    public var value: Double?
    /// Lower end of the Clopper–Pearson interval, nil for an empty bin.
    public var lower: Double?
    /// Upper end of the Clopper–Pearson interval, nil for an empty bin.
    public var upper: Double?

    /// A bin holding `rate` over `[low, high)`.
    public init(low: Double, high: Double, rate: Rate) {
        self.low = low; self.high = high
        passed = rate.passed; total = rate.total; value = rate.value; lower = rate.lower; upper = rate.upper
    }

    enum CodingKeys: String, CodingKey { case low, high, passed, total, value, lower, upper }

    // Undefined values are written as `null` rather than left out.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(low, forKey: .low); try c.encode(high, forKey: .high)
        try c.encode(passed, forKey: .passed); try c.encode(total, forKey: .total)
        try c.encode(value, forKey: .value); try c.encode(lower, forKey: .lower); try c.encode(upper, forKey: .upper)
    }
}
