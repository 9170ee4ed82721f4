import Foundation

/// Repeated wall-clock measurements of one piece of work, summarised by median and spread.
public struct TimingSeries: Codable, Equatable, Sendable {
    /// What was measured.
    public var name: String
    /// Each run's wall time in seconds, in run order.
    public var seconds: [Double]

    public init(name: String, seconds: [Double] = []) {
        self.name = name
        self.seconds = seconds
    }

    /// Runs `body` `runs` times after `warmup` untimed runs and records each wall time.
    public static func measure(_ name: String, runs: Int, warmup: Int = 1, _ body: () throws -> Void) rethrows -> TimingSeries {
        for _ in 0 ..< warmup { try body() }
        var series = TimingSeries(name: name)
        for _ in 0 ..< runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            series.seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
        }
        return series
    }

    /// The median run time in seconds (0 when there are no runs).
    public var median: Double { Self.quantile(seconds, 0.5) }
    /// The fastest run in seconds.
    public var minimum: Double { seconds.min() ?? 0 }
    /// The slowest run in seconds.
    public var maximum: Double { seconds.max() ?? 0 }
    /// Half the distance between the 16 % and 84 % quantiles (a robust 1σ spread) in seconds.
    public var spread: Double { (Self.quantile(seconds, 0.84) - Self.quantile(seconds, 0.16)) / 2 }

    /// Linear-interpolated quantile `q` ∈ [0, 1] of `values`.
    public static func quantile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let s = values.sorted()
        let pos = q * Double(s.count - 1)
        let lo = Int(pos.rounded(.down)), hi = min(lo + 1, s.count - 1)
        return s[lo] + (s[hi] - s[lo]) * (pos - Double(lo))
    }
}
