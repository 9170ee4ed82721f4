import Foundation
import KalmanFinding
import Testing
import Weft

extension CAPITests {
    /// The engine both front doors share (`ReconstructionEngine`), called in-process.
    @Suite("Reconstruction engine")
    struct Engine {
        func configError(_ json: String) -> ReconstructionError? {
            do {
                _ = try ReconstructionEngine(config: try ReconstructionConfig(json: Array(json.utf8)))
                return nil
            } catch let e as ReconstructionError {
                return e
            } catch {
                return .invalidConfig(field: "?", reason: "\(error)")
            }
        }

        @Test("configuration errors name the JSON path of the field at fault")
        func configErrorPaths() {
            #expect(configError("{\"threads\": \"2\"}") == .invalidConfig(field: "threads", reason: "expected an integer"))
            #expect(configError("{\"ckf\": {\"seeding\": {\"passes\": [{}, {\"min_pt\": \"x\"}]}}}")
                    == .invalidConfig(field: "ckf.seeding.passes[1].min_pt", reason: "expected a number"))
            #expect(configError("{\"detektor\": 1}")
                    == .invalidConfig(field: "detektor", reason: "unknown field (known: ckf, detector, gnn, method, threads)"))
            #expect(configError("{\"ckf\": {\"sedding\": {}}}")
                    == .invalidConfig(field: "ckf.sedding", reason: "unknown field (known: finding, seeding)"))
            #expect(configError("{\"threads\": 257}")?.description.contains("threads") == true)
            #expect(configError("{\"gnn\": {\"modle\": \"x.h5\"}}")?.description.contains("'gnn.modle': unknown field") == true)
            if case .invalidConfig(let field, let reason)? = configError("{\"a\": }") {
                #expect(field.isEmpty && reason.hasPrefix("not valid JSON"), "\(reason)")
            } else {
                Issue.record("malformed JSON accepted")
            }
        }

        @Test("the effective configuration prints as JSON that parses back to itself")
        func configRoundTrip() throws {
            var config = ReconstructionConfig(detector: "trackml", method: .ckf, threads: 0)
            var passes = try ReconstructionEngine(config: config).config.ckf.seeding!
            passes.passes[0].minPt = 0.7
            config.ckf.seeding = passes
            let engine = try ReconstructionEngine(config: config)
            #expect(engine.config.threads >= 1)
            #expect(engine.config.ckf.finding != nil, "the effective configuration is complete")
            let text = try engine.config.jsonText()
            #expect(try ReconstructionConfig(json: Array(text.utf8)) == engine.config)
            #expect(text.contains("\"min_pt\":0.7"))
        }

        @Test("failures are classified for the C API's status codes")
        func classification() {
            struct Unexpected: Error {}
            #expect(ReconstructionFailure(classifying: Unexpected()) == .internal)
            #expect(ReconstructionFailure(classifying: ReconstructionError.invalidConfig(field: "threads", reason: "")) == .configuration)
            #expect(ReconstructionFailure(classifying: ReconstructionError.cellsRequired(features: ["cell_count"])) == .missingInput)
            #expect(ReconstructionFailure(classifying: GNNChainError.missingFile(what: "GNN model", path: "/x")) == .configuration)
            #expect(ReconstructionFailure(classifying: ReconstructionError.nonFiniteCellValue(cell: 0)) == .nonFinite)
            #expect(ReconstructionFailure(classifying: ReconstructionError.cellHitOutOfRange(cell: 0, hitIndex: 9, hitCount: 1)) == .outOfRange)
            #expect(ReconstructionFailure(classifying: DetectorError.unknownDetector(name: "x", known: [])) == .configuration)
            #expect(ReconstructionFailure(classifying: KalmanFindingError.hitOffModule(
                hitID: 1, row: 0, geometryID: GeometryID(rawValue: 0), distance: 9)) == .hitOffModule)
            #expect(ReconstructionFailure(classifying: KalmanFindingError.emptyEvent) == .internal)
        }

        @Test("bad hits are refused before any stage runs; an event without hits has no tracks")
        func inputChecks() throws {
            let engine = try ReconstructionEngine(config: ReconstructionConfig())
            let g = GeometryID(volume: 8, layer: 2, module: 1)
            let nan = Hits(hitID: [1], x: [.nan], y: [1], z: [1], geometryID: [g])
            #expect(throws: ReconstructionError.nonFiniteCoordinate(row: 0, field: "x")) { try engine.reconstruct(hits: nan) }
            let unknown = Hits(hitID: [1], x: [1], y: [1], z: [1], geometryID: [GeometryID(rawValue: 12345)])
            #expect(throws: ReconstructionError.unknownModule(row: 0, geometryID: GeometryID(rawValue: 12345), detector: "trackml")) {
                try engine.reconstruct(hits: unknown)
            }
            #expect(try engine.reconstruct(hits: Hits()).tracks.count == 0)
        }

        @Test("the GNN's low-pT pass is asked for in JSON and resolved to its files")
        func gnnLowPtPass() throws {
            let plain = try ReconstructionEngine(config: ReconstructionConfig(json: Array(#"{"method": "gnn"}"#.utf8)))
            #expect(plain.config.gnn.lowPtPass == false && plain.config.gnn.lowPtModel == nil)
            // Rescoring as the model files say unless switched off; the effective settings say which.
            let once = try ReconstructionEngine(config: ReconstructionConfig(json: Array(#"{"method": "gnn", "gnn": {"rescoring": false}}"#.utf8)))
            #expect(plain.config.gnn.rescoring == true && once.config.gnn.rescoring == false)
            let both = try ReconstructionEngine(config: ReconstructionConfig(json: Array(#"{"method": "gnn", "gnn": {"low_pt_pass": true}}"#.utf8)))
            #expect(both.config.gnn.lowPtPass == true)
            #expect(both.config.gnn.lowPtModel?.hasSuffix("Scoring/trackml/model-lowpt.h5") == true)
            #expect(both.config.gnn.lowPtModuleMap?.hasSuffix("Seeds/trackml/module-map-lowpt.h5") == true)
            // The effective configuration reads back to the same engine settings.
            let text = try both.config.jsonText()
            #expect(try ReconstructionConfig(json: Array(text.utf8)) == both.config)
            // The pass adds tracks on the real event; a missing file of it is a configuration error.
            let event = try EventSource.trackML(prefix: Reference.subsetEvent).load(parts: [], detector: plain.detector)
            #expect(try both.reconstruct(hits: event.hits).tracks.count > plain.reconstruct(hits: event.hits).tracks.count)
            do {
                _ = try ReconstructionEngine(config: ReconstructionConfig(json: Array(#"{"method": "gnn", "gnn": {"low_pt_pass": true, "low_pt_model": "/nonexistent.h5"}}"#.utf8)))
                Issue.record("a missing low-pT model was accepted")
            } catch {
                #expect(ReconstructionFailure(classifying: error) == .configuration)
                #expect("\(error)".contains("/nonexistent.h5"))
            }
        }

        @Test("results do not depend on the engine's thread count")
        func threadCount() throws {
            let one = try ReconstructionEngine(config: ReconstructionConfig(threads: 1))
            let two = try ReconstructionEngine(config: ReconstructionConfig(threads: 2))
            let event = try EventSource.trackML(prefix: Reference.subsetEvent).load(parts: [], detector: one.detector)
            let a = try one.reconstruct(hits: event.hits), b = try two.reconstruct(hits: event.hits)
            #expect(a.tracks.count > 100)
            #expect(a.tracks == b.tracks)
            #expect(a.stages.first?.stage == "input check")
        }
    }
}
