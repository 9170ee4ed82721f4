import ArgumentParser
import Foundation
import Weft

/// `weft bench`: fixed, repeatable workloads timed in this build, medians over several runs.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time fixed workloads (median and spread over runs), with the machine recorded.",
        discussion: """
        Suite 'io' times reading the real TrackML geometry and the full-occupancy real event \
        (event 1001, 93 680 hits) from CSV.gz and from an HDF5 store written for the purpose. \
        Build with -c release for meaningful figures (make bench does).
        """
    )

    @Option(help: "Workload to run: io.")
    var suite: String = "io"

    @Option(help: "Timed runs per workload (after one untimed warm-up run).")
    var runs: Int = 10

    @Option(help: "Directory of the real TrackML data (default: $WEFT_TRACKML_DATA or ../shared/data/trackml).")
    var data: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard suite == "io" else { throw ValidationError("unknown suite '\(suite)' (known: io)") }
    }

    func run() throws {
        let dir = data ?? SharedTrackMLData.directory
        let detectorsFile = dir + "/detectors.csv.gz"
        let prefix = dir + "/full-density/event000001001"
        var results = [TimingSeries]()

        results.append(try TimingSeries.measure("detector: load real detectors.csv.gz", runs: runs) {
            _ = try Detector.load(detectorsFile)
        })
        results.append(try TimingSeries.measure("detector: generate embedded trackml", runs: runs) {
            _ = try Detector.load("trackml")
        })
        results.append(try TimingSeries.measure("read event 1001 hits (CSV.gz)", runs: runs) {
            _ = try TrackMLEventReader.read(prefix: prefix, parts: [])
        })
        results.append(try TimingSeries.measure("read event 1001 hits+particles (CSV.gz)", runs: runs) {
            _ = try TrackMLEventReader.read(prefix: prefix, parts: [.particles])
        })
        let event = try TrackMLEventReader.read(prefix: prefix, parts: [.particles])
        let scratch = NSTemporaryDirectory() + "weft-bench-\(getpid())"
        try DataFile.makeDirectories(scratch)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let store = scratch + "/event1001.h5"
        try HDF5EventStore.write([event], to: store)
        results.append(try TimingSeries.measure("read event 1001 hits (HDF5)", runs: runs) {
            _ = try HDF5EventStore.read(path: store, eventID: event.eventID, parts: [])
        })
        results.append(try TimingSeries.measure("read event 1001 hits+particles (HDF5)", runs: runs) {
            _ = try HDF5EventStore.read(path: store, eventID: event.eventID, parts: [.particles])
        })
        results.append(try TimingSeries.measure("write event 1001 (HDF5 store)", runs: runs) {
            try HDF5EventStore.write([event], to: scratch + "/write.h5")
        })

        let report = BenchReport(suite: suite, runs: runs, machine: .current(), results: results)
        if json { try printJSON(report) } else { print(report.table) }
    }
}

/// The result of one `weft bench` invocation.
struct BenchReport: Encodable {
    var suite: String
    var runs: Int
    var machine: MachineInfo
    var results: [TimingSeries]

    enum CodingKeys: String, CodingKey { case suite, runs, machine, results }
    enum ResultKeys: String, CodingKey { case name, medianMs = "median_ms", spreadMs = "spread_ms", minMs = "min_ms", maxMs = "max_ms", runsMs = "runs_ms" }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(suite, forKey: .suite)
        try c.encode(runs, forKey: .runs)
        try c.encode(machine, forKey: .machine)
        var list = c.nestedUnkeyedContainer(forKey: .results)
        for r in results {
            var e = list.nestedContainer(keyedBy: ResultKeys.self)
            try e.encode(r.name, forKey: .name)
            try e.encode(r.median * 1e3, forKey: .medianMs)
            try e.encode(r.spread * 1e3, forKey: .spreadMs)
            try e.encode(r.minimum * 1e3, forKey: .minMs)
            try e.encode(r.maximum * 1e3, forKey: .maxMs)
            try e.encode(r.seconds.map { $0 * 1e3 }, forKey: .runsMs)
        }
    }

    var table: String {
        let width = results.map(\.name.count).max() ?? 10
        var lines = ["weft bench --suite \(suite): \(runs) runs each, \(machine.summary)",
                     "workload".padding(toLength: width, withPad: " ", startingAt: 0) + "   median ms   ±spread    min      max"]
        for r in results {
            lines.append(r.name.padding(toLength: width, withPad: " ", startingAt: 0)
                         + String(format: "  %9.2f  %8.2f  %7.2f  %7.2f", r.median * 1e3, r.spread * 1e3, r.minimum * 1e3, r.maximum * 1e3))
        }
        return lines.joined(separator: "\n")
    }
}
