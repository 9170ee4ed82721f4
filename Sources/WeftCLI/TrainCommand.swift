import ArgumentParser
import EdgeScoring
import Foundation
import GeometryShim
import HitGraph
import Simulation
import TrackBuilding
import Weft

/// `weft train`: trains the GNN edge classifier (Interaction Network) on module-map graphs of
/// simulated events and writes the model to `Scoring/<detector>/model.h5`.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the GNN edge classifier (Interaction Network) on simulated events with truth.",
        discussion: """
        Each event's hit graph is built with the module map (--module-map, default Seeds/<detector>/module-map.h5), \
        its edges are labelled from truth (true: consecutive hits of one particle), and it is split into φ sectors. \
        Training runs Adam on weighted binary cross-entropy, one optimiser step per --batch-size graphs, with a \
        validation set (--validation simulated events, or --validation-fraction of --events), learning-rate decay \
        and early stopping; the network after the best validation epoch is kept. With --first-pass-model and \
        --first-pass-map the graphs are built over the hits that first pass's tracks leave: the model of the \
        low-pT pass (Scoring/<detector>/model-lowpt.h5, docs/GNN.md). Everything is seeded: the same \
        command gives the same model bit for bit, whatever --threads. Events come from --events DIR or are \
        simulated in memory with --simulate N (μ = --mu, seed --seed). --config reads a JSON training setup \
        (network, graph features, optimiser, track building; docs/GNN.md); options override it. Writes \
        OUTPUT/model.h5 and OUTPUT/training.json (per-epoch history and provenance).
        """
    )

    @Option(help: "Detector: an embedded name (default trackml), a description directory or a detectors.csv[.gz] file.")
    var detector: String = "trackml"

    @OptionGroup var sample: TruthEventSample

    @Option(help: "Simulated validation events (with --simulate; numbered after the training events).")
    var validation: Int = 4

    @Option(help: "Fraction of --events used for validation.")
    var validationFraction: Double = 0.1


    @Option(help: "Module map (default Seeds/<detector>/module-map.h5).")
    var moduleMap: String?

    @Option(help: "First-pass model: train a later pass's model on the hits this model's tracks leave (with --first-pass-map).")
    var firstPassModel: String?

    @Option(help: "First-pass module map (with --first-pass-model).")
    var firstPassMap: String?

    @Option(help: "Training setup (JSON).")
    var config: String?

    @Option(help: "Override: epochs.")
    var epochs: Int?

    @Option(help: "Override: latent width.")
    var hidden: Int?

    @Option(help: "Override: message-passing steps.")
    var steps: Int?

    @Option(help: "Override: Adam learning rate.")
    var learningRate: Float?

    @Option(help: "Override: weight of true edges in the loss.")
    var positiveWeight: Float?

    @Option(help: "Override: graphs per optimiser step.")
    var batchSize: Int?

    @Option(help: "Override: φ sectors per event.")
    var sectors: Int?

    @Option(help: "Output directory (default Scoring/<detector>/).")
    var output: String?

    @Option(help: "Threads (default: all cores; the model does not depend on it).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print the training report as JSON.")
    var json = false

    func validate() throws {
        guard validation >= 0 else { throw ValidationError("--validation must be ≥ 0") }
        guard (0 ..< 1).contains(validationFraction) else { throw ValidationError("--validation-fraction must be in [0, 1)") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        if let s = sectors, s < 1 { throw ValidationError("--sectors must be at least 1") }
        guard (firstPassModel == nil) == (firstPassMap == nil) else {
            throw ValidationError("--first-pass-model and --first-pass-map go together")
        }
    }

    /// What `training.json` and `--json` hold.
    struct Report: Encodable {
        var detector: String
        var data: String
        var trainingEvents: Int
        var validationEvents: Int
        var trainingGraphs: Int
        var trainingEdges: Int
        var trueEdgeFraction: Double
        var setup: TrainingSetup
        var parameters: Int
        var bestEpoch: Int
        var stoppedEarly: Bool
        var history: [EpochSummary]
        var seconds: Double
        var weftVersion: String
        var command: String

        enum CodingKeys: String, CodingKey {
            case detector, data, trainingEvents = "training_events", validationEvents = "validation_events"
            case trainingGraphs = "training_graphs", trainingEdges = "training_edges", trueEdgeFraction = "true_edge_fraction"
            case setup, parameters, bestEpoch = "best_epoch", stoppedEarly = "stopped_early", history, seconds
            case weftVersion = "weft_version", command
        }
    }

    func run() throws {
        _ = weft_shim_set_max_threads(Int32(threads))
        let started = Date()
        let geometry = try Detector.load(detector)
        var setup = try BuildModuleMapCommand.loadJSON(TrainingSetup.self, config) ?? TrainingSetup()
        if let epochs { setup.training.epochs = epochs }
        if let hidden { setup.hidden = hidden }
        if let steps { setup.steps = steps }
        if let learningRate { setup.training.learningRate = learningRate }
        if let positiveWeight { setup.training.loss = try EdgeLoss(positiveWeight: positiveWeight) }
        if let batchSize { setup.training.batchSize = batchSize }
        if let sectors { setup.sectors = sectors }
        // Re-validate the edited configurations.
        setup.training = try TrainingConfig(epochs: setup.training.epochs, batchSize: setup.training.batchSize,
                                            learningRate: setup.training.learningRate, learningRateDecay: setup.training.learningRateDecay,
                                            weightDecay: setup.training.weightDecay, maxGradientNorm: setup.training.maxGradientNorm,
                                            loss: setup.training.loss, patience: setup.training.patience,
                                            scoreCut: setup.training.scoreCut, fitNormalization: setup.training.fitNormalization,
                                            seed: setup.training.seed)
        let networkConfig = try setup.networkConfig()

        let mapPath = GNNChainConfig(moduleMap: moduleMap).moduleMapPath(detector: detector)
        guard FileManager.default.fileExists(atPath: mapPath) else { throw GNNChainError.missingFile(what: "module map", path: mapPath) }
        let map = try ModuleMapFile.read(mapPath).map
        let builder = try GraphBuilder(detector: geometry, moduleMap: map, config: setup.graph)
        // A later pass's model learns from the hits the first pass leaves, exactly as it will see them.
        var firstPass: GNNChainPass?
        if let firstPassModel, let firstPassMap {
            for (what, path) in [("first-pass module map", firstPassMap), ("first-pass GNN model", firstPassModel)]
            where !FileManager.default.fileExists(atPath: path) {
                throw GNNChainError.missingFile(what: what, path: path)
            }
            // The pass as the chain runs it before a later pass.
            firstPass = try .followed(detector: geometry, moduleMap: ModuleMapFile.read(firstPassMap).map,
                                      model: GNNModelFile.read(firstPassModel))
        }

        // Events: training and validation.
        let loadEvent: (Int) throws -> Event
        let trainingIndices: [Int], validationIndices: [Int]
        var dataDescription: String
        if let simulate = sample.simulate {
            let first = sample.firstEvent
            let simulation = try FastSimulation(detector: geometry, config: SimulationConfig(generator: GeneratorConfig(pileup: sample.mu)))
            loadEvent = { simulation.simulate(event: sample.firstEvent + UInt64($0), seed: sample.seed, threads: threads).event }
            trainingIndices = Array(0 ..< simulate)
            validationIndices = Array(simulate ..< simulate + validation)
            dataDescription = "simulated tt̄ + pile-up μ = \(sample.mu), seed \(sample.seed), training events \(first)…\(first + UInt64(simulate) - 1), "
                + "validation events \(first + UInt64(simulate))…\(first + UInt64(simulate + validation) - 1)"
        } else {
            let directory = sample.events!
            let sources = try EventCollection.sources(in: directory)
            guard sources.count >= 1 else { throw InputError("no events in \(directory)") }
            loadEvent = { try sources[$0].load(parts: [.particles, .truth], required: [.truth], detector: geometry) }
            let nValidation = sources.count >= 2 ? max(validationFraction > 0 ? 1 : 0, Int((validationFraction * Double(sources.count)).rounded())) : 0
            trainingIndices = Array(0 ..< sources.count - nValidation)
            validationIndices = Array(sources.count - nValidation ..< sources.count)
            dataDescription = "events in \(directory) (the last \(nValidation) for validation)"
        }
        if let firstPassModel, let firstPassMap {
            dataDescription += "; graphs over the hits left by the tracks of \(firstPassModel) with \(firstPassMap)"
        }
        let scratch = GraphBuilderScratch()
        func graphs(_ indices: [Int], label: String) throws -> (samples: [TrainingGraph], edges: Int, trueEdges: Int) {
            var samples: [TrainingGraph] = [], edges = 0, trueEdges = 0
            let progress = ProgressLine(total: indices.count, label: label)
            for (k, i) in indices.enumerated() {
                let event = try loadEvent(i)
                let made = try GNNTrainingData.samples(event: event, builder: builder, sectors: setup.sectors, signalPt: setup.signalPt,
                                                       lowPtWeight: setup.lowPtWeight, highPt: setup.highPt,
                                                       highPtWeight: setup.highPtWeight, after: firstPass, scratch: scratch)
                samples += made.samples; edges += made.statistics.edges; trueEdges += made.trueEdges
                progress.update(done: k + 1, detail: "\(made.statistics.edges) edges")
            }
            progress.finish()
            return (samples, edges, trueEdges)
        }
        let training = try graphs(trainingIndices, label: "training graphs")
        let validationSet = try graphs(validationIndices, label: "validation graphs")

        let network = InteractionNetwork(config: networkConfig, seed: setup.networkSeed)
        let trainer = EdgeClassifierTrainer(config: setup.training)
        let batches = (training.samples.filter { $0.graph.edgeCount > 0 }.count + setup.training.batchSize - 1) / setup.training.batchSize
        let progress = ProgressLine(total: batches * setup.training.epochs, label: "train")
        var lastLine = ""
        let result = try trainer.train(network, training: training.samples, validation: validationSet.samples) { event in
            switch event {
            case let .batch(epoch, batch, batches, loss):
                progress.update(done: (epoch - 1) * batches + batch, detail: String(format: "epoch %d batch %d/%d loss %.5f", epoch, batch, batches, loss))
            case let .epoch(s):
                lastLine = String(format: "epoch %d: training loss %.5f, validation loss %.5f, edge efficiency %.4f, purity %.4f, AUC %.5f (%.0f s)",
                                  s.epoch, s.trainingLoss, s.validationLoss ?? .nan, s.validation?.efficiency ?? .nan,
                                  s.validation?.purity ?? .nan, s.validation?.auc ?? .nan, s.seconds)
                FileHandle.standardError.write(Data(("\n" + lastLine + "\n").utf8))
            }
        }
        progress.finish()

        let outputDirectory = output ?? "Scoring/\(GNNChainConfig.folder(detector))"
        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        let report = Report(detector: geometry.name, data: dataDescription, trainingEvents: trainingIndices.count,
                            validationEvents: validationIndices.count, trainingGraphs: training.samples.count,
                            trainingEdges: training.edges,
                            trueEdgeFraction: Double(training.trueEdges) / Double(max(1, training.edges)), setup: setup,
                            parameters: network.parameterCount, bestEpoch: result.bestEpoch, stoppedEarly: result.stoppedEarly,
                            history: result.history, seconds: Date().timeIntervalSince(started), weftVersion: WeftVersion.string,
                            command: CommandLine.arguments.joined(separator: " "))
        let reportText = try BuildModuleMapCommand.jsonText(report)
        let model = try GNNModel(network: result.network, graph: setup.graph, trackBuilding: setup.trackBuilding,
                                 rescoring: setup.rescoring, provenance: reportText)
        try GNNModelFile.write(model, to: outputDirectory + "/model.h5")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(report).write(to: URL(fileURLWithPath: outputDirectory + "/training.json"), options: .atomic)
        if json { try printJSON(report) } else {
            print("trained \(network.parameterCount) parameters on \(training.samples.count) graphs (\(training.edges) edges) "
                  + "from \(trainingIndices.count) events; best epoch \(result.bestEpoch) of \(result.history.count)")
            print(lastLine)
            print(String(format: "wrote %@/model.h5 and training.json in %.0f s", outputDirectory, report.seconds))
        }
    }
}
