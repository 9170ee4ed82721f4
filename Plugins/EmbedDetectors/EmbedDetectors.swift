import Foundation
import PackagePlugin

/// Compiles every `Detectors/<name>/detector.json` of the package into the target as Swift source
/// (through the `DetectorEmbedder` tool), so the library carries its detector descriptions and
/// needs no package directory at run time. `Detectors/` stays the single source of truth.
@main
struct EmbedDetectors: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "Detectors")
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: root.path)) ?? []
        let inputs = names.sorted()
            .map { root.appending(path: $0).appending(path: "detector.json") }
            .filter { manager.fileExists(atPath: $0.path) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedDetectorDescriptions.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) detector description(s) into \(target.name)",
                executable: try context.tool(named: "DetectorEmbedder").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]),
        ]
    }
}
