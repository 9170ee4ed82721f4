import Foundation

/// Writes the CSV behind each standard performance plot, one file per plot, for
/// `scripts/plots/weft_plots.py` (run it with ``PlotRunner``).
///
/// Each file starts with `# key: value` metadata lines (plot name, title, axis labels with units,
/// x scale, legend heading), then a header and one row per bin and series:
/// `series,low,high,passed,total,value,lower,upper` (`lower`/`upper`: Clopper–Pearson interval; empty
/// `value` for an empty bin). Files are written to a temporary name and renamed, so a reader never sees
/// a half-written file.
public struct PlotWriter: Sendable {
    /// One curve of a plot.
    public struct Series: Sendable {
        /// Legend label (includes the selection).
        public var label: String
        /// The binned rate.
        public var table: RateTable
        public init(label: String, table: RateTable) { self.label = label; self.table = table }
    }

    /// One plot: metadata and its curves.
    public struct Plot: Sendable {
        /// File stem: `<name>.csv`, and the script writes `<name>.png`.
        public var name: String
        /// Plot title (figure metadata; the script shows it as the legend heading).
        public var title: String
        /// x-axis label with unit, matplotlib mathtext allowed.
        public var xLabel: String
        /// y-axis label.
        public var yLabel: String
        /// `linear`, `log` or `category`.
        public var xScale: String
        /// Right-hand label above the frame (event, sample).
        public var rightLabel: String
        /// The curves.
        public var series: [Series]

        public init(name: String, title: String, xLabel: String, yLabel: String, xScale: String,
                    rightLabel: String, series: [Series]) {
            self.name = name; self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
            self.xScale = xScale; self.rightLabel = rightLabel; self.series = series
        }
    }

    /// The directory the CSVs go to (created when missing).
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// The standard plots of `report`: efficiency vs pT, η and volume; fake and duplicate rates vs η
    /// and pT; edge efficiency and purity vs pT when the report has edge metrics.
    public static func plots(for report: EvaluationReport) -> [Plot] {
        let b = report.binned
        let pt = "$p_{\\mathrm{T}}$ [GeV]", eta = "$\\eta$"
        let right = "TrackML event \(report.eventID)"
        var plots = [
            Plot(name: "efficiency_vs_pt", title: "Track efficiency (double majority)", xLabel: "Particle " + pt,
                 yLabel: "Efficiency", xScale: "log", rightLabel: right,
                 series: [Series(label: report.selection.labelWithoutPt, table: b.efficiencyVsPt)]),
            Plot(name: "efficiency_vs_eta", title: "Track efficiency (double majority)", xLabel: "Particle " + eta,
                 yLabel: "Efficiency", xScale: "linear", rightLabel: right,
                 series: [Series(label: report.selection.label, table: b.efficiencyVsEta),
                          Series(label: report.selectionPt05.label, table: b.efficiencyPt05VsEta)]),
            Plot(name: "efficiency_vs_volume", title: "Track efficiency (double majority)",
                 xLabel: "Volume of the particle's first hit", yLabel: "Efficiency", xScale: "category",
                 rightLabel: right, series: [Series(label: report.selection.label, table: b.efficiencyVsVolume)]),
            Plot(name: "fake_duplicate_rate_vs_eta", title: "Fake and duplicate tracks", xLabel: "Track " + eta,
                 yLabel: "Fraction of tracks", xScale: "linear", rightLabel: right,
                 series: [Series(label: "Fake rate (no double-majority particle)", table: b.fakeRateVsEta),
                          Series(label: "Duplicate rate (extra match)", table: b.duplicateRateVsEta)]),
            Plot(name: "fake_duplicate_rate_vs_pt", title: "Fake and duplicate tracks",
                 xLabel: "Track " + pt + " (circle fit)", yLabel: "Fraction of tracks", xScale: "log",
                 rightLabel: right,
                 series: [Series(label: "Fake rate (no double-majority particle)", table: b.fakeRateVsPt),
                          Series(label: "Duplicate rate (extra match)", table: b.duplicateRateVsPt)]),
        ]
        if let e = report.edges {
            let cut = e.scoreCut.map { "score > \($0)" } ?? "all edges"
            plots.append(Plot(name: "edge_metrics_vs_pt", title: "Hit-graph edges (\(cut))", xLabel: "Particle " + pt,
                              yLabel: "Edge efficiency / purity", xScale: "log", rightLabel: right,
                              series: [Series(label: "Edge efficiency (\(e.definition.rawValue.replacingOccurrences(of: "_", with: " ")))",
                                              table: e.efficiencyVsPt),
                                       Series(label: "Edge purity", table: e.purityVsPt)]))
        }
        return plots
    }

    /// The CSV text of `plot`.
    public static func csv(_ plot: Plot) -> String {
        var s = ""
        s += "# plot: \(oneLine(plot.name))\n"
        s += "# title: \(oneLine(plot.title))\n"
        s += "# x_label: \(oneLine(plot.xLabel))\n"
        s += "# y_label: \(oneLine(plot.yLabel))\n"
        s += "# x_scale: \(oneLine(plot.xScale))\n"
        s += "# right_label: \(oneLine(plot.rightLabel))\n"
        s += "series,low,high,passed,total,value,lower,upper\n"
        for series in plot.series {
            for bin in series.table.bins {
                let fields = [quote(series.label), number(bin.low), number(bin.high), String(bin.passed),
                              String(bin.total), bin.value.map(number) ?? "", bin.lower.map(number) ?? "",
                              bin.upper.map(number) ?? ""]
                s += fields.joined(separator: ",") + "\n"
            }
        }
        return s
    }

    /// Writes one CSV per standard plot of `report` and returns their URLs.
    ///
    /// - Throws: ``EvaluationError/writeFailed(path:reason:)``.
    @discardableResult
    public func write(report: EvaluationReport) throws -> [URL] {
        try Self.plots(for: report).map { try write($0) }
    }

    /// Writes `plot` as `<directory>/<name>.csv` and returns its URL.
    ///
    /// - Throws: ``EvaluationError/writeFailed(path:reason:)``.
    @discardableResult
    public func write(_ plot: Plot) throws -> URL {
        let url = directory.appendingPathComponent(plot.name + ".csv")
        try Self.writeAtomically(Self.csv(plot), to: url)
        return url
    }

    /// Writes `text` to `url` through a temporary file in the same directory and a rename.
    ///
    /// - Throws: ``EvaluationError/writeFailed(path:reason:)``.
    public static func writeAtomically(_ text: String, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw EvaluationError.writeFailed(path: dir.path, reason: "\(error.localizedDescription)")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0 ... .max))")
        guard FileManager.default.createFile(atPath: tmp.path, contents: Data(text.utf8)) else {
            throw EvaluationError.writeFailed(path: url.path, reason: "cannot create \(tmp.path)")
        }
        guard rename(tmp.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: tmp)
            throw EvaluationError.writeFailed(path: url.path, reason: reason)
        }
    }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }

    static func oneLine(_ s: String) -> String {
        s.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }

    static func quote(_ s: String) -> String {
        let t = oneLine(s)
        guard t.contains(",") || t.contains("\"") else { return t }
        return "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
