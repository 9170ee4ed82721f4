import Dispatch

/// Collects the wall times of a chain's stages in the order they ran.
final class StageClock {
    /// The stages timed so far.
    private(set) var timings: [StageTiming] = []

    /// Runs `body` and records its wall time under `stage`.
    func time<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        timings.append(StageTiming(stage: stage, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9))
        return value
    }
}
