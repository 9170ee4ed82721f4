/// A binomial rate `passed / total` with its Clopper–Pearson interval (see ``BinomialInterval``).
public struct Rate: Codable, Sendable, Equatable {
    /// Entries that pass (numerator).
    public var passed: Int
    /// All entries (denominator).
    public var total: Int
    /// `passed / total`, or nil when `total` is 0.
    public var value: Double?
    /// Lower end of the confidence interval, or nil when `total` is 0.
    public var lower: Double?
    /// Upper end of the confidence interval, or nil when `total` is 0.
    public var upper: Double?

    /// The rate `passed / total` with its interval at `confidenceLevel`.
    public init(passed: Int, total: Int, confidenceLevel: Double = BinomialInterval.oneSigma) {
        self.passed = passed; self.total = total
        if total > 0, let ci = BinomialInterval.clopperPearson(passed: passed, total: total,
                                                               confidenceLevel: confidenceLevel) {
            value = Double(passed) / Double(total); lower = ci.lower; upper = ci.upper
        } else {
            value = nil; lower = nil; upper = nil
        }
    }

    enum CodingKeys: String, CodingKey { case passed, total, value, lower, upper }

    // Undefined values are written as `null` rather than left out.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(passed, forKey: .passed); try c.encode(total, forKey: .total)
        try c.encode(value, forKey: .value); try c.encode(lower, forKey: .lower); try c.encode(upper, forKey: .upper)
    }
}
