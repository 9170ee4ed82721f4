import EventData
import EventIO
import Foundation

/// The shared real TrackML data (`../shared/data/trackml/` next to the package, or `WEFT_TRACKML_DATA`).
enum RealData {
    static var directory: URL {
        if let d = ProcessInfo.processInfo.environment["WEFT_TRACKML_DATA"], !d.isEmpty {
            return URL(fileURLWithPath: d)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data/trackml")
    }

    /// Prefix of the 5 % subset of event 1 (all volumes, original weights).
    static var event1Prefix: String { directory.appendingPathComponent("event000000001/event000000001").path }
    /// Prefix of the barrel subset of event 1000 (rewritten weights).
    static var event1000Prefix: String { directory.appendingPathComponent("barrel-ez-0.1/event000001000").path }

    static var available: Bool {
        FileManager.default.fileExists(atPath: event1Prefix + "-truth.csv.gz")
    }

    static func event1() throws -> Event {
        try TrackMLEventReader.read(prefix: event1Prefix, parts: [.particles, .truth], required: [.particles, .truth])
    }

    static func event1000() throws -> Event {
        try TrackMLEventReader.read(prefix: event1000Prefix, parts: [.particles, .truth], required: [.particles, .truth])
    }

    /// One track per particle (the perfect submission); noise hits in no track.
    static func perfectTracks(_ event: Event) -> Tracks {
        Tracks(trackLabels: event.truth!.particleID.map { Int64(bitPattern: $0) }, unassigned: [0])
    }
}
