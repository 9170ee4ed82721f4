import KalmanFinding

/// What the CKF chain produced for one event.
public struct CKFChainResult: Sendable {
    /// The resolved tracks (each hit in at most one track), with χ², perigee parameters, holes.
    public var tracks: CKFResult
    /// Seeds found per pass.
    public var seedsPerPass: [Int]
    /// Track candidates from the CKF before ambiguity resolution (all passes).
    public var candidates: Int
    /// Wall time per stage, in run order.
    public var timings: [StageTiming]

    /// The chain's total wall time in seconds (all stages).
    public var totalSeconds: Double { timings.reduce(0) { $0 + $1.seconds } }
}
