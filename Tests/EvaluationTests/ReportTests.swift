import EventData
import Foundation
import Testing
@testable import Evaluation

@Suite("Report, figure of merit, plots")
struct ReportTests {
    @Test("throughput figure of merit", arguments: [
        (0.9, 1.0, (log(601.0) * 0.16).squareRoot()),
        (0.5, 1.0, 0.0),
        (0.49, 0.1, 0.0),
        (1.0, 600.0, (log(2.0) * 0.25).squareRoot()),
        (0.75, 30.0, (log(21.0) * 0.0625).squareRoot()),
    ])
    func figureOfMerit(score: Double, seconds: Double, expected: Double) throws {
        #expect(abs(try ThroughputFigureOfMerit.value(score: score, secondsPerEvent: seconds) - expected) < 1e-12)
    }

    @Test("figure of merit refuses a non-positive time")
    func figureOfMeritDomain() {
        #expect(throws: EvaluationError.self) { try ThroughputFigureOfMerit.value(score: 0.9, secondsPerEvent: 0) }
        #expect(throws: EvaluationError.self) { try ThroughputFigureOfMerit.value(score: 0.9, secondsPerEvent: -1) }
    }

    @Test("JSON report has the snake_case keys, nulls for undefined values, and round-trips")
    func json() throws {
        let (event, tracks) = try RateTests.sample()
        let report = try Evaluator().evaluate(event: event, tracks: tracks, secondsPerEvent: 2)
        let data = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["trackml_score", "efficiency", "efficiency_pt05", "fake_rate", "duplicate_rate", "n_tracks",
                    "n_selected_particles", "binned", "rates", "selection", "throughput"] {
            #expect(object[key] != nil, "missing key \(key)")
        }
        #expect(object["trackml_score"] is NSNull)
        #expect(object["n_tracks"] as? Int == 7)
        let binned = try #require(object["binned"] as? [String: Any])
        #expect(binned["efficiency_vs_pt"] != nil && binned["fake_rate_vs_eta"] != nil)
        #expect(try JSONDecoder().decode(EvaluationReport.self, from: data) == report)
        #expect(report.throughput?.figureOfMerit == 0)   // score undefined (shared hits) → treated as 0
    }

    @Test("text summary names the headline numbers")
    func text() throws {
        let (event, tracks) = try RateTests.sample()
        let text = try Evaluator().evaluate(event: event, tracks: tracks).formattedSummary()
        #expect(text.contains("TrackML score"))
        #expect(text.contains("Efficiency"))
        #expect(text.contains("50.0"))
    }

    @Test("plot CSVs: metadata, header, one row per bin and series, written atomically")
    func plotCSV() throws {
        let (event, tracks) = try RateTests.sample()
        let report = try Evaluator().evaluate(event: event, tracks: tracks)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("weft-eval-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try PlotWriter(directory: dir).write(report: report)
        #expect(Set(files.map { $0.lastPathComponent }) == ["efficiency_vs_pt.csv", "efficiency_vs_eta.csv",
                                                           "efficiency_vs_volume.csv", "fake_duplicate_rate_vs_eta.csv",
                                                           "fake_duplicate_rate_vs_pt.csv"])
        let text = try String(contentsOf: dir.appendingPathComponent("efficiency_vs_eta.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "# plot: efficiency_vs_eta")
        #expect(lines.contains("series,low,high,passed,total,value,lower,upper"))
        let rows = lines.filter { $0.hasPrefix("\"pT > ") }
        #expect(rows.count == 2 * Binning.defaultEta.count)
        #expect(rows.contains { $0.hasPrefix("\"pT > 1 GeV, |η| < 4, ≥ 3 hits\",0.5,1,1,1,1,") })
        // No temporary file is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(left.allSatisfy { $0.hasSuffix(".csv") })
    }

    @Test("plots: the script turns the CSVs into PNGs", .enabled(if: PlotRunner().pythonLooksUsable))
    func plots() throws {
        var b = EventBuilder()
        var lists = [[Int32]]()
        for i in 0 ..< 40 {
            let rows = b.particle(UInt64(i + 1), hits: 6, pT: 0.6 * pow(1.12, Double(i)), eta: -3.5 + 0.18 * Double(i))
            lists.append(i % 5 == 0 ? Array(rows.prefix(2)) : rows)
        }
        let event = b.event()
        var report = try Evaluator().evaluate(event: event, tracks: Tracks(hitLists: lists))
        let truth = try TruthIndex(event: event)
        let src = lists.flatMap { $0.dropLast() }, dst = lists.flatMap { $0.dropFirst() }
        report.edges = try EdgeMetrics(source: src, target: dst, truth: truth, hits: event.hits, config: try EvaluationConfig())
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("weft-plots-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try PlotWriter(directory: dir).write(report: report)
        let pngs = try PlotRunner().run(inputDirectory: dir)
        #expect(pngs.count == 6)
        for png in pngs {
            let data = try Data(contentsOf: png)
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))   // PNG signature
        }
    }

    @Test("plots: an interpreter without matplotlib gives a clear error")
    func plotsWithoutDependencies() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("weft-plots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // `-S` is not passed through env; use a wrapper that hides site-packages instead.
        let wrapper = dir.appendingPathComponent("bare-python")
        try "#!/bin/sh\nexec /usr/bin/python3 -S -I \"$@\"\n".write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        do {
            try PlotRunner(python: wrapper.path).run(inputDirectory: dir)
            Issue.record("expected an error")
        } catch let e as EvaluationError {
            guard case .plottingDependenciesMissing = e else { Issue.record("wrong error \(e)"); return }
            #expect(e.description.contains("make pydeps"))
        }
        #expect(throws: EvaluationError.self) {
            try PlotRunner(python: "/nonexistent/python").run(inputDirectory: dir)
        }
    }
}

extension PlotRunner {
    /// Whether the default interpreter exists and has the plotting packages (so the test can run).
    var pythonLooksUsable: Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python.contains("/") ? python : "/usr/bin/env")
        p.arguments = (python.contains("/") ? [] : [python]) + ["-c", "import matplotlib, mplhep"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
}
