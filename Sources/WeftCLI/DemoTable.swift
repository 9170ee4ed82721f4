import Foundation
import Weft

/// The side-by-side comparison table the demo prints.
struct DemoTable {
    var results: [DemoResult]

    var text: String {
        var rows: [(String, [String])] = []
        func row(_ name: String, _ value: (DemoResult) -> String) { rows.append((name, results.map(value))) }
        func percent(_ x: Double?) -> String { x.map { String(format: "%.2f %%", 100 * $0) } ?? "—" }
        row("efficiency (pT > 1 GeV)") { percent($0.report.efficiency) }
        row("efficiency (pT > 0.5 GeV)") { percent($0.report.efficiencyPt05) }
        row("fake rate") { percent($0.report.fakeRate) }
        row("duplicate rate") { percent($0.report.duplicateRate) }
        row("TrackML score") { $0.report.trackmlScore.map { String(format: "%.4f", $0) } ?? "—" }
        row("tracks") { String($0.report.trackCount) }
        // Stages differ between methods: list each stage name once, in order of first appearance.
        var stageNames: [String] = []
        for r in results { for s in r.run.stages where !stageNames.contains(s.stage) { stageNames.append(s.stage) } }
        for name in stageNames {
            row("time: \(name)") { r in
                r.run.stages.first { $0.stage == name }.map { String(format: "%.3f s", $0.seconds) } ?? ""
            }
        }
        row("time per event") { String(format: "%.3f s", $0.run.totalSeconds) }
        row("throughput figure of merit") { r in
            r.report.trackmlScore.flatMap { try? ThroughputFigureOfMerit.value(score: $0, secondsPerEvent: r.run.totalSeconds) }
                .map { String(format: "%.3f", $0) } ?? "—"
        }
        let nameWidth = rows.map(\.0.count).max() ?? 10
        let colWidth = max(12, rows.flatMap(\.1).map(\.count).max() ?? 0)
        var lines = ["".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                     + results.map { pad($0.method.label, colWidth) }.joined(separator: "  ")]
        for (name, values) in rows {
            lines.append(name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                         + values.map { pad($0, colWidth) }.joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }

    func pad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }
}
