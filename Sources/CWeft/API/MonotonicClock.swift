#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock time for the C layer's own stages.
enum MonotonicClock {
    /// Seconds since an arbitrary fixed point (CLOCK_MONOTONIC).
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
