import Foundation

/// Runs `scripts/plots/weft_plots.py`, which turns the CSVs of ``PlotWriter`` into PNG plots in the HEP
/// style (matplotlib + mplhep).
///
/// The interpreter is, in order: the `python` given to ``init(python:script:)``, the environment variable
/// `WEFT_PYTHON`, `<package root>/.venv/bin/python` (created by `make pydeps`) when it exists, and
/// `python3` from `PATH`. The script is the given one, `WEFT_PLOT_SCRIPT`, or
/// `<package root>/scripts/plots/weft_plots.py`. The package root is where this source file was
/// compiled from, so the defaults suit a build from a checkout; installed copies set the variables.
public struct PlotRunner: Sendable {
    /// The interpreter: a path, or a bare name looked up in `PATH`.
    public let python: String
    /// Path of the plotting script.
    public let script: String

    /// The script's exit status when matplotlib or mplhep cannot be imported.
    public static let missingDependenciesStatus: Int32 = 3

    /// A runner with the given interpreter and script, or the defaults described above.
    public init(python: String? = nil, script: String? = nil) {
        let env = ProcessInfo.processInfo.environment
        let root = Self.packageRoot
        if let p = python ?? env["WEFT_PYTHON"], !p.isEmpty {
            self.python = p
        } else {
            let venv = root.appendingPathComponent(".venv/bin/python").path
            self.python = FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
        }
        if let s = script ?? env["WEFT_PLOT_SCRIPT"], !s.isEmpty {
            self.script = s
        } else {
            self.script = root.appendingPathComponent("scripts/plots/weft_plots.py").path
        }
    }

    /// The package checkout this file was compiled in (`Sources/Evaluation/PlotRunner.swift` → root).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Plots every CSV in `inputDirectory` into PNGs in `outputDirectory` (default: the same directory)
    /// and returns the PNGs written.
    ///
    /// - Throws: ``EvaluationError/plotScriptNotFound(path:)``, ``EvaluationError/pythonNotFound(_:)``,
    ///   ``EvaluationError/plottingDependenciesMissing(python:detail:)`` or
    ///   ``EvaluationError/plottingFailed(status:stderr:)``.
    @discardableResult
    public func run(inputDirectory: URL, outputDirectory: URL? = nil) throws -> [URL] {
        guard FileManager.default.fileExists(atPath: script) else { throw EvaluationError.plotScriptNotFound(path: script) }
        let process = Process()
        var arguments = [script, "--input", inputDirectory.path, "--output", (outputDirectory ?? inputDirectory).path]
        if python.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: python) else {
                throw EvaluationError.pythonNotFound("\(python) is not an executable file")
            }
            process.executableURL = URL(fileURLWithPath: python)
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            arguments.insert(python, at: 0)
        }
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            throw EvaluationError.pythonNotFound("cannot start \(python): \(error.localizedDescription)")
        }
        // Drain stderr concurrently so that a chatty script cannot block on a full pipe.
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let stderrText = String(decoding: errBox.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let status = process.terminationStatus
        if status == Self.missingDependenciesStatus {
            throw EvaluationError.plottingDependenciesMissing(python: python, detail: stderrText)
        }
        if status == 127 && !python.contains("/") {
            throw EvaluationError.pythonNotFound("\(python) is not on PATH")
        }
        guard status == 0 else { throw EvaluationError.plottingFailed(status: status, stderr: stderrText) }
        return String(decoding: outData, as: UTF8.self).split(separator: "\n")
            .map { URL(fileURLWithPath: String($0)) }
    }

    /// Holds bytes read on another thread (written once before `group.leave()`, read after `wait()`).
    private final class DataBox: @unchecked Sendable { var data = Data() }
}
