import ArgumentParser
import Foundation
import Weft

/// `weft info`: what an event holds, checked against a detector.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarise an event: hits, cells, particles, noise, hits per volume.",
        discussion: """
        EVENT is a TrackML path prefix (dir/event000001000 reads dir/event000001000-hits.csv[.gz] \
        and, when present, -cells, -particles and -truth) or an HDF5 event store (FILE.h5, with --event \
        when it holds several events). Every hit is checked to lie on a module of --detector.
        """
    )

    @Argument(help: "TrackML path prefix or HDF5 event store.")
    var event: String

    @Option(name: .customLong("event"), help: "Event id inside an HDF5 store (default: the only one).")
    var eventID: Int64?

    @Option(help: "Detector: a name under Detectors/ (default trackml) or a detectors.csv[.gz] file.")
    var detector: String = "trackml"

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let geometry = try Detector.load(detector)
        let loaded = try EventSource(event, eventID: eventID).load(detector: geometry)
        let summary = EventSummary(loaded)
        if json {
            try printJSON(summary)
        } else {
            print(render(summary, detector: geometry.name))
        }
    }

    func render(_ s: EventSummary, detector: String) -> String {
        var lines = [
            "event \(s.eventID)  (detector \(detector))",
            "  hits                 \(s.hits)",
            "  cells                \(s.hasCells ? String(s.cells) : "—")",
            "  particles            \(s.hasParticles ? String(s.particles) : "—")",
            "  particles with hits  \(s.hasTruth ? String(s.particlesWithHits) : "—")",
            "  noise hits           \(s.hasTruth ? String(s.noiseHits) : "—")",
            "  modules hit          \(s.modulesHit)",
            "  hits per volume:",
        ]
        for (volume, n) in s.hitsPerVolume.sorted(by: { Int($0.key)! < Int($1.key)! }) {
            lines.append("    \(volume.padding(toLength: 4, withPad: " ", startingAt: 0)) \(n)")
        }
        return lines.joined(separator: "\n")
    }
}

/// Prints a value as pretty, key-sorted JSON on standard output.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
