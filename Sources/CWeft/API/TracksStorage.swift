#if canImport(Glibc)
import Glibc
#endif
import CWeftHeader
import Weft

/// The object behind a `weft_tracks *`: one reconstruction's tracks copied into aligned C arrays
/// (so the pointers handed out are plain memory with a documented lifetime), plus stage timings.
///
/// `@unchecked Sendable`: nothing is written after `make` returns, so concurrent readers are safe.
final class TracksStorage: @unchecked Sendable {
    /// Number of tracks.
    let count: Int
    /// Hit rows of all tracks, track after track (`offsets[count]` entries).
    let hitIndices: UnsafeMutablePointer<Int32>
    /// `count + 1` offsets into `hitIndices`, starting at 0.
    let offsets: UnsafeMutablePointer<Int32>
    /// Perigee parameters per track, when the method fits them.
    let parameters: UnsafeMutablePointer<weft_track_parameters>?
    /// Fit χ² per track, when the method fits tracks.
    let chi2: UnsafeMutablePointer<Float>?
    /// Stage names (NUL-terminated, owned) and wall times in seconds, in execution order.
    let stageNames: [UnsafeMutablePointer<CChar>]
    let stageSeconds: [Double]

    private init(count: Int, hitIndices: UnsafeMutablePointer<Int32>, offsets: UnsafeMutablePointer<Int32>,
                 parameters: UnsafeMutablePointer<weft_track_parameters>?, chi2: UnsafeMutablePointer<Float>?,
                 stageNames: [UnsafeMutablePointer<CChar>], stageSeconds: [Double]) {
        self.count = count; self.hitIndices = hitIndices; self.offsets = offsets
        self.parameters = parameters; self.chi2 = chi2
        self.stageNames = stageNames; self.stageSeconds = stageSeconds
    }

    /// Copies every element of `values` to `destination` (which has room for them).
    private static func copy<T>(_ values: [T], to destination: UnsafeMutablePointer<T>) {
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { destination.initialize(from: base, count: source.count) }
        }
    }

    deinit {
        free(hitIndices); free(offsets); free(parameters); free(chi2)
        for name in stageNames { free(name) }
    }

    /// Copies `result` into C arrays. `inputSeconds` is the C layer's input conversion time; the
    /// copy's own time becomes the last stage, `c api output`.
    ///
    /// - Throws: ``APIError`` with `WEFT_ERROR_OUT_OF_MEMORY` when an array cannot be allocated
    ///   (everything allocated so far is released).
    static func make(from result: ReconstructionResult, inputSeconds: Double, function: StaticString) throws -> TracksStorage {
        let start = MonotonicClock.now()
        let tracks = result.tracks
        let total = tracks.hitIndices.count
        var owned = [UnsafeMutableRawPointer]()
        func allocate<T>(_ type: T.Type, _ count: Int, _ what: String) throws -> UnsafeMutablePointer<T> {
            guard let p = AlignedAllocation.allocate(type, count: count) else {
                for q in owned { free(q) }
                throw APIError.outOfMemory(what, bytes: AlignedAllocation.bytes(type, count: count), in: function)
            }
            owned.append(UnsafeMutableRawPointer(p))
            return p
        }

        // Optional per-track columns must cover every track: anything else is a bug in a chain.
        for (column, n) in [("parameters", tracks.parameters?.count), ("chi2", tracks.chi2?.count)] {
            if let n, n != tracks.count {
                throw APIError(status: WEFT_ERROR_INTERNAL,
                               message: "\(function): internal error: \(n) track \(column) for \(tracks.count) tracks")
            }
        }
        let hitIndices = try allocate(Int32.self, total, "track hit indices")
        copy(tracks.hitIndices, to: hitIndices)
        let offsets = try allocate(Int32.self, tracks.count + 1, "track offsets")
        copy(tracks.offsets, to: offsets)
        var parameters: UnsafeMutablePointer<weft_track_parameters>?
        if let fitted = tracks.parameters {
            parameters = try allocate(weft_track_parameters.self, tracks.count, "track parameters")
            copy(fitted.map { weft_track_parameters(d0: $0.d0, z0: $0.z0, phi: $0.phi, theta: $0.theta, q_over_p: $0.qOverP) },
                 to: parameters!)
        }
        var chi2: UnsafeMutablePointer<Float>?
        if let values = tracks.chi2 {
            chi2 = try allocate(Float.self, tracks.count, "track chi2")
            copy(values, to: chi2!)
        }

        let timings = [StageTiming(stage: "c api input", seconds: inputSeconds)] + result.stages
            + [StageTiming(stage: "c api output", seconds: MonotonicClock.now() - start)]
        var names = [UnsafeMutablePointer<CChar>]()
        for timing in timings {
            guard let name = strdup(timing.stage) else {
                for q in owned { free(q) }
                for n in names { free(n) }
                throw APIError.outOfMemory("stage names", bytes: timing.stage.utf8.count + 1, in: function)
            }
            names.append(name)
        }
        return TracksStorage(count: tracks.count, hitIndices: hitIndices, offsets: offsets, parameters: parameters,
                             chi2: chi2, stageNames: names, stageSeconds: timings.map(\.seconds))
    }
}
