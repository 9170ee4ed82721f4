import Foundation

extension EvaluationReport {
    /// A human-readable summary: headline numbers with intervals and counts, then efficiency versus pT
    /// and η. Percentages carry the Clopper–Pearson interval as `+up −down`.
    public func formattedSummary() -> String {
        var out = "Weft evaluation of event \(eventID)\n"
        out += "  hits \(hitCount) (noise \(noiseHitCount)), particles \(particleCount), tracks \(trackCount)"
        out += " (\(assignedHitCount) hit entries, \(sharedHitCount) shared hits)\n"
        let score = trackmlScore.map { String(format: "%.4f", $0) }
            ?? (sharedHitCount > 0 ? "n/a (tracks share hits)" : "n/a (all weights 0)")
        out += line("TrackML score", score, "weights: \(weightSource.rawValue)")
        out += line("Efficiency", percent(rates.efficiency),
                    "\(rates.efficiency.passed)/\(rates.efficiency.total) particles, \(selection.label)")
        out += line("Efficiency (low pT)", percent(rates.efficiencyPt05),
                    "\(rates.efficiencyPt05.passed)/\(rates.efficiencyPt05.total) particles, \(selectionPt05.label)")
        out += line("Fake rate", percent(rates.fakeRate), "\(rates.fakeRate.passed)/\(rates.fakeRate.total) tracks")
        out += line("Duplicate rate", percent(rates.duplicateRate),
                    "\(rates.duplicateRate.passed)/\(rates.duplicateRate.total) tracks")
        if let e = edges {
            let cut = e.scoreCut.map { "score > \($0)" } ?? "no cut"
            out += line("Edge efficiency", percent(e.efficiency),
                        "\(e.efficiency.passed)/\(e.efficiency.total) true pairs, \(e.definition.rawValue), \(cut)")
            out += line("Edge efficiency (sel.)", percent(e.selectedEfficiency), e.selection.label)
            out += line("Edge purity", percent(e.purity), "\(e.purity.passed)/\(e.purity.total) kept edges")
        }
        if let t = throughput {
            out += line("Throughput FoM", String(format: "%.4f", t.figureOfMerit),
                        String(format: "%.3f s per event", t.secondsPerEvent))
        }
        out += "\n" + table(binned.efficiencyVsPt, title: "Efficiency vs pT [GeV] (\(selection.labelWithoutPt))")
        out += "\n" + table(binned.efficiencyVsEta, title: "Efficiency vs η (\(selection.label))")
        out += "  intervals: Clopper–Pearson, \(String(format: "%.2f", confidenceLevel * 100)) % CL\n"
        return out
    }

    private func line(_ name: String, _ value: String, _ detail: String) -> String {
        "  " + name.padding(toLength: 24, withPad: " ", startingAt: 0) + value.padding(toLength: 26, withPad: " ", startingAt: 0)
            + detail + "\n"
    }

    private func percent(_ r: Rate) -> String {
        guard let v = r.value, let lo = r.lower, let hi = r.upper else { return "n/a" }
        return String(format: "%6.2f %% +%.2f −%.2f", 100 * v, 100 * (hi - v), 100 * (v - lo))
    }

    private func table(_ t: RateTable, title: String) -> String {
        var out = "  \(title)\n"
        for b in t.bins where b.total > 0 {
            let range = String(format: "%8.3g – %-8.3g", b.low, b.high)
            let value = b.value.map { String(format: "%6.1f %%", 100 * $0) } ?? "n/a"
            out += "    \(range) \(value)   \(b.passed)/\(b.total)\n"
        }
        return out
    }
}
