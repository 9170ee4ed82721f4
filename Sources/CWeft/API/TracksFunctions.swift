import CWeftHeader

@c @implementation
public func weft_tracks_count(_ tracks: OpaquePointer?) -> Int {
    guard let tracks else { return 0 }
    return Handle.object(TracksStorage.self, tracks).count
}

@c @implementation
public func weft_tracks_hits(_ tracks: OpaquePointer?, _ track: Int,
                             _ hitIndices: UnsafeMutablePointer<UnsafePointer<Int32>?>?,
                             _ count: UnsafeMutablePointer<Int>?) -> Int32 {
    Boundary.run("weft_tracks_hits") {
        let s = try TrackAccess.storage(tracks, "weft_tracks_hits")
        guard let hitIndices else { throw APIError.null("hit_indices", in: "weft_tracks_hits") }
        guard let count else { throw APIError.null("count", in: "weft_tracks_hits") }
        try TrackAccess.check(track, in: s, "weft_tracks_hits")
        let begin = Int(s.offsets[track]), end = Int(s.offsets[track + 1])
        hitIndices.pointee = UnsafePointer(s.hitIndices + begin)
        count.pointee = end - begin
        return WEFT_OK
    }
}

@c @implementation
public func weft_tracks_arrays(_ tracks: OpaquePointer?, _ hitIndices: UnsafeMutablePointer<UnsafePointer<Int32>?>?,
                               _ offsets: UnsafeMutablePointer<UnsafePointer<Int32>?>?,
                               _ total: UnsafeMutablePointer<Int>?) -> Int32 {
    Boundary.run("weft_tracks_arrays") {
        let s = try TrackAccess.storage(tracks, "weft_tracks_arrays")
        guard let hitIndices else { throw APIError.null("hit_indices", in: "weft_tracks_arrays") }
        guard let offsets else { throw APIError.null("offsets", in: "weft_tracks_arrays") }
        guard let total else { throw APIError.null("total", in: "weft_tracks_arrays") }
        hitIndices.pointee = UnsafePointer(s.hitIndices)
        offsets.pointee = UnsafePointer(s.offsets)
        total.pointee = Int(s.offsets[s.count])
        return WEFT_OK
    }
}

@c @implementation
public func weft_tracks_parameters(_ tracks: OpaquePointer?, _ track: Int,
                                   _ parameters: UnsafeMutablePointer<weft_track_parameters>?) -> Int32 {
    Boundary.run("weft_tracks_parameters") {
        let s = try TrackAccess.storage(tracks, "weft_tracks_parameters")
        guard let parameters else { throw APIError.null("parameters", in: "weft_tracks_parameters") }
        guard let fitted = s.parameters else { throw TrackAccess.notAvailable("track parameters", "weft_tracks_parameters") }
        try TrackAccess.check(track, in: s, "weft_tracks_parameters")
        parameters.pointee = fitted[track]
        return WEFT_OK
    }
}

@c @implementation
public func weft_tracks_chi2(_ tracks: OpaquePointer?, _ track: Int, _ chi2: UnsafeMutablePointer<Float>?) -> Int32 {
    Boundary.run("weft_tracks_chi2") {
        let s = try TrackAccess.storage(tracks, "weft_tracks_chi2")
        guard let chi2 else { throw APIError.null("chi2", in: "weft_tracks_chi2") }
        guard let values = s.chi2 else { throw TrackAccess.notAvailable("track chi2", "weft_tracks_chi2") }
        try TrackAccess.check(track, in: s, "weft_tracks_chi2")
        chi2.pointee = values[track]
        return WEFT_OK
    }
}

@c @implementation
public func weft_tracks_stage_count(_ tracks: OpaquePointer?) -> Int {
    guard let tracks else { return 0 }
    return Handle.object(TracksStorage.self, tracks).stageNames.count
}

@c @implementation
public func weft_tracks_stage(_ tracks: OpaquePointer?, _ stage: Int, _ name: UnsafeMutablePointer<UnsafePointer<CChar>?>?,
                              _ seconds: UnsafeMutablePointer<Double>?) -> Int32 {
    Boundary.run("weft_tracks_stage") {
        let s = try TrackAccess.storage(tracks, "weft_tracks_stage")
        guard let name else { throw APIError.null("name", in: "weft_tracks_stage") }
        guard let seconds else { throw APIError.null("seconds", in: "weft_tracks_stage") }
        guard stage >= 0, stage < s.stageNames.count else {
            throw APIError.outOfRange("stage", UInt(bitPattern: stage), count: s.stageNames.count, in: "weft_tracks_stage")
        }
        name.pointee = UnsafePointer(s.stageNames[stage])
        seconds.pointee = s.stageSeconds[stage]
        return WEFT_OK
    }
}

@c @implementation
public func weft_tracks_free(_ tracks: OpaquePointer?) {
    guard let tracks else { return }
    Handle.release(TracksStorage.self, tracks)
}

/// Argument checks shared by the track accessors.
enum TrackAccess {
    static func storage(_ tracks: OpaquePointer?, _ function: StaticString) throws -> TracksStorage {
        guard let tracks else { throw APIError.null("tracks", in: function) }
        return Handle.object(TracksStorage.self, tracks)
    }

    static func check(_ track: Int, in s: TracksStorage, _ function: StaticString) throws {
        // size_t arrives as Int: a value above Int.max shows up negative and is out of range too.
        guard track >= 0, track < s.count else {
            throw APIError.outOfRange("track", UInt(bitPattern: track), count: s.count, in: function)
        }
    }

    static func notAvailable(_ what: String, _ function: StaticString) -> APIError {
        APIError(status: WEFT_ERROR_NOT_AVAILABLE, message: "\(function): the reconstruction method provides no \(what)")
    }
}
