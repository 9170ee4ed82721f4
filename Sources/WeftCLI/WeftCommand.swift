import ArgumentParser
import Weft

/// The `weft` command: track pattern recognition for HL-LHC events.
@main
struct WeftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weft",
        abstract: "Track pattern recognition for HL-LHC events: GNN and CKF track finding, simulation, evaluation.",
        version: WeftVersion.string,
        subcommands: [DemoCommand.self, InfoCommand.self, ConvertCommand.self, SimulateCommand.self, ValidateSimCommand.self, ReconstructCommand.self, EvaluateCommand.self, BenchCommand.self, ScanCommand.self,
                      BuildModuleMapCommand.self, TrainCommand.self]
    )
}
