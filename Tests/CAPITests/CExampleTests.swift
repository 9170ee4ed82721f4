import Foundation
import Testing
import Weft

extension CAPITests {
    /// `Examples/c`: a plain C program reads a real TrackML event, reconstructs it through the C API
    /// and writes a submission, which must be exactly what Swift and the CLI produce.
    @Suite("C example")
    struct CExample {
        /// Runs the example on `prefix`; returns the submission text.
        func submission(_ prefix: String, config: String, extra: [String] = []) throws -> String {
            let program = try CAPIBuild.cExample.get()
            let output = try CAPIBuild.work.get() + "/c-\(URL(fileURLWithPath: prefix).lastPathComponent)-\(UUID().uuidString).csv"
            let r = try Command.run([program, "--config", config, "--timing"] + extra + [prefix, output])
            guard r.status == 0, !r.signalled else { throw CommandFailure(description: r.summary) }
            defer { try? FileManager.default.removeItem(atPath: output) }
            return try String(contentsOfFile: output, encoding: .utf8)
        }

        @Test("event 1 subset: the C API's submission equals the in-process Swift engine's, byte for byte")
        func equalsSwift() throws {
            let config = try Reference.cliEquivalentConfigJSON()
            let c = try submission(Reference.subsetEvent, config: config)
            let swift = try Reference.inProcessSubmission(prefix: Reference.subsetEvent, configJSON: config)
            #expect(c.split(separator: "\n").count == 5_528)
            #expect(c.split(separator: "\n").contains { !$0.hasSuffix(",0") && !$0.hasPrefix("event_id") }, "no track found")
            #expect(c == swift)
        }

        @Test("passing the event's cells changes nothing for the CKF")
        func cellsInput() throws {
            let config = try Reference.cliEquivalentConfigJSON()
            #expect(try submission(Reference.subsetEvent, config: config, extra: ["--cells"])
                    == (try submission(Reference.subsetEvent, config: config)))
        }

        @Test("barrel event with the detector read from detectors.csv.gz: equals Swift")
        func detectorFromFile() throws {
            let config = try Reference.cliEquivalentConfigJSON(detector: SharedTrackMLData.detectorsFile)
            let c = try submission(Reference.barrelEvent, config: config)
            #expect(c == (try Reference.inProcessSubmission(prefix: Reference.barrelEvent, configJSON: config)))
        }

        @Test("the C API's submission equals `weft reconstruct --method ckf`'s",
              .enabled(if: Reference.cliReconstructs, "the weft CLI has no reconstruct subcommand in this build"))
        func equalsCLI() throws {
            let output = try CAPIBuild.work.get() + "/cli-event1.csv"
            try Command.require([CAPIBuild.cli, "reconstruct", "--method", "ckf", "--event", Reference.subsetEvent,
                                 "--output", output], in: CAPIBuild.packageRoot)
            let cli = try String(contentsOfFile: output, encoding: .utf8)
            #expect(try submission(Reference.subsetEvent, config: try Reference.cliEquivalentConfigJSON()) == cli)
        }

        @Test("bad input and configuration end with a message and exit status 1, never a crash")
        func badInput() throws {
            let program = try CAPIBuild.cExample.get()
            let out = try CAPIBuild.work.get() + "/never-written.csv"
            let cases: [([String], String)] = [
                (["/nonexistent/event000000001", out], "no such file"),
                ([Reference.subsetEvent + "x", out], "event<number>"),
                (["--config", "{\"method\": \"ckf\", \"threads\": -3}", Reference.subsetEvent, out], "WEFT_ERROR_BAD_CONFIG"),
            ]
            for (arguments, message) in cases {
                let r = try Command.run([program] + arguments)
                #expect(!r.signalled && r.status == 1 && r.stderr.contains(message), "\(r.summary)")
            }
            #expect(!FileManager.default.fileExists(atPath: out))
            let usage = try Command.run([program, "--bogus"])
            #expect(usage.status == 2)
        }
    }
}

extension CAPITests.CExample {
    @Test("GNN path: the C API's submission equals the in-process Swift engine's",
          .enabled(if: CAPITests.ErrorPaths.shippedGNNFiles, "no Seeds/trackml/module-map.h5 and Scoring/trackml/model.h5 in this tree yet"))
    func gnnEqualsSwift() throws {
        let root = CAPIBuild.packageRoot
        let config = "{\"method\": \"gnn\", \"gnn\": {\"module_map\": \"\(root)/Seeds/trackml/module-map.h5\", "
            + "\"model\": \"\(root)/Scoring/trackml/model.h5\"}}"
        let c = try submission(Reference.subsetEvent, config: config, extra: ["--cells"])
        #expect(c == (try Reference.inProcessSubmission(prefix: Reference.subsetEvent, configJSON: config, cells: true)))
    }
}
