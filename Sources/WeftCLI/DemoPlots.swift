import Foundation
import Weft

/// The demo's comparison plots: one curve per method on each.
enum DemoPlots {
    /// Writes the CSVs and renders the PNGs into `directory`; returns the PNG files.
    static func write(results: [DemoResult], directory: String) throws -> [URL] {
        guard let first = results.first?.report else { return [] }
        let pt = "$p_{\\mathrm{T}}$ [GeV]", eta = "$\\eta$"
        let right = "Weft simulation, event \(first.eventID)"
        func series(_ table: (EvaluationReport) -> RateTable) -> [PlotWriter.Series] {
            results.map { PlotWriter.Series(label: $0.method.label, table: table($0.report)) }
        }
        let plots = [
            PlotWriter.Plot(name: "efficiency_vs_pt", title: "Efficiency, " + first.selection.labelWithoutPt,
                            xLabel: "Particle " + pt, yLabel: "Efficiency", xScale: "log", rightLabel: right,
                            series: series { $0.binned.efficiencyVsPt }),
            PlotWriter.Plot(name: "efficiency_vs_eta", title: "Efficiency, " + first.selection.label,
                            xLabel: "Particle " + eta, yLabel: "Efficiency", xScale: "linear", rightLabel: right,
                            series: series { $0.binned.efficiencyVsEta }),
            PlotWriter.Plot(name: "fake_rate_vs_eta", title: "Fake rate (no double-majority particle)",
                            xLabel: "Track " + eta, yLabel: "Fake rate", xScale: "linear", rightLabel: right,
                            series: series { $0.binned.fakeRateVsEta }),
            PlotWriter.Plot(name: "duplicate_rate_vs_eta", title: "Duplicate rate (extra match)",
                            xLabel: "Track " + eta, yLabel: "Duplicate rate", xScale: "linear", rightLabel: right,
                            series: series { $0.binned.duplicateRateVsEta }),
        ]
        let url = URL(fileURLWithPath: directory)
        let writer = PlotWriter(directory: url)
        for plot in plots { try writer.write(plot) }
        return try PlotRunner().run(inputDirectory: url)
    }
}
