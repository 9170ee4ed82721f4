#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The TrackML throughput-phase figure of merit (DESIGN §4).
public enum ThroughputFigureOfMerit {
    /// `sqrt(ln(1 + 600 / t) · (A − 0.5)²)` for TrackML score `A` and `t` seconds per event; 0 when A < 0.5.
    ///
    /// - Throws: ``EvaluationError/invalidArgument(_:)`` when `t` is not a positive finite number or `A`
    ///   is not finite.
    public static func value(score A: Double, secondsPerEvent t: Double) throws -> Double {
        guard t > 0, t.isFinite else { throw EvaluationError.invalidArgument("time per event must be > 0 s, got \(t)") }
        guard A.isFinite else { throw EvaluationError.invalidArgument("score must be finite, got \(A)") }
        guard A >= 0.5 else { return 0 }
        return (log1p(600 / t) * (A - 0.5) * (A - 0.5)).squareRoot()
    }
}
