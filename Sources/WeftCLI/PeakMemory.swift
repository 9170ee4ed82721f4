import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Resident memory of this process, for per-point peak-memory figures.
///
/// `getrusage`'s `ru_maxrss` is a process-lifetime high-water mark, useless for the second and later
/// points of a scan. On Linux the high-water mark (`VmHWM`) can be reset by writing `5` to
/// `/proc/self/clear_refs`; after a reset, `VmHWM` is the peak of the work that follows. Where the reset
/// is refused, ``resetPeak()`` returns false and the caller reports the lifetime mark (labelled so).
enum PeakMemory {
    /// Returns the freed heap to the system (so the baseline does not carry earlier events' pages) and
    /// resets the high-water mark; false when the reset is not possible.
    static func resetPeak() -> Bool {
        #if os(Linux)
        _ = weftMallocTrim(0)
        #endif
        guard let fd = fopen("/proc/self/clear_refs", "w") else { return false }
        defer { fclose(fd) }
        return fputs("5", fd) >= 0 && fflush(fd) == 0
    }

    /// Current resident set size in MiB (`VmRSS`), or nil when unknown.
    static var residentMiB: Double? { statusField("VmRSS") }

    /// Peak resident set size in MiB since the last reset (`VmHWM`), falling back to `ru_maxrss`.
    static var peakMiB: Double? {
        if let hwm = statusField("VmHWM") { return hwm }
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return nil }
        return Double(usage.ru_maxrss) / 1024
    }

    /// CPU time (user + system) this process has used so far, in seconds: unlike wall time, barely
    /// inflated when other processes compete for the cores.
    static var processCPUSeconds: Double {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }

    /// A `kB` field of `/proc/self/status`, in MiB.
    private static func statusField(_ name: String) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let number = line.dropFirst(name.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first
            return number.flatMap { Double($0) }.map { $0 / 1024 }
        }
        return nil
    }
}

#if os(Linux)
/// glibc's `malloc_trim` (not exported by the Glibc module): returns free heap pages to the system.
@_silgen_name("malloc_trim")
private func weftMallocTrim(_ pad: Int) -> Int32
#endif
