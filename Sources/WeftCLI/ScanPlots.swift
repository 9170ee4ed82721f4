import Foundation
import Weft

/// The scan's plots, drawn by `scripts/plots/weft_scan_plots.py` from `scan.json`.
enum ScanPlots {
    /// Renders the PNGs into `directory` from the scan summary at `scanJSON`; returns the PNG files.
    static func write(scanJSON: String, directory: String) throws -> [URL] {
        try DataFile.makeDirectories(directory)
        let input = URL(fileURLWithPath: scanJSON).deletingLastPathComponent()
        let script = PlotRunner.packageRoot.appendingPathComponent("scripts/plots/weft_scan_plots.py").path
        let env = ProcessInfo.processInfo.environment["WEFT_SCAN_PLOT_SCRIPT"]
        return try PlotRunner(script: env ?? script).run(inputDirectory: input, outputDirectory: URL(fileURLWithPath: directory))
    }
}
