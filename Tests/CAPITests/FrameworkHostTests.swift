import Foundation
import Testing
import Weft

extension CAPITests {
    /// `Examples/cpp-framework`: a C++17 host whose worker threads reconstruct different events at
    /// the same time with one shared engine.
    @Suite("C++ framework host")
    struct FrameworkHost {
        /// Two real events and two simulated ones.
        func events() throws -> [String] {
            [Reference.subsetEvent, Reference.barrelEvent] + (try CAPIBuild.simulatedEvents.get())
        }

        func run(_ host: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
            let r = try Command.run([host] + arguments, environment: environment)
            guard r.status == 0, !r.signalled else { throw CommandFailure(description: r.summary) }
            return r
        }

        @Test("4 workers × 4 events × 2 repeats give exactly the tracks of 1 worker")
        func workersDoNotChangeResults() throws {
            let host = try CAPIBuild.frameworkHost.get()
            let events = try events()
            let one = try run(host, ["--workers", "1", "--repeat", "2"] + events)
            let four = try run(host, ["--workers", "4", "--repeat", "2"] + events)
            #expect(one.stdout.split(separator: "\n").count == 8)
            #expect(four.stdout == one.stdout)
            #expect(!one.stdout.contains(" tracks 0 "), "an event without tracks: \(one.stdout)")
        }

        @Test("an engine with 2 internal threads gives the tracks of a single-threaded one")
        func engineThreadsDoNotChangeResults() throws {
            let host = try CAPIBuild.frameworkHost.get()
            let events = [Reference.subsetEvent, Reference.barrelEvent]
            let single = try run(host, ["--workers", "2", "--config", "{\"threads\": 1}"] + events)
            let threaded = try run(host, ["--workers", "2", "--config", "{\"threads\": 2}"] + events)
            #expect(threaded.stdout == single.stdout)
        }

        /// TSan settings shared by the host run and its control.
        static var tsanOptions: [String: String] {
            ["TSAN_OPTIONS": "halt_on_error=1 exitcode=66 second_deadlock_stack=1 "
                + "suppressions=" + CAPIBuild.testSources + "/tsan/uninstrumented-libraries.supp"]
        }

        /// The library is not instrumented: `tsan/uninstrumented-libraries.supp` says why reports whose
        /// intercepted call comes from it or the Swift runtime are dropped.
        @Test("ThreadSanitizer finds no data race in the host sharing one engine among 4 workers")
        func threadSanitizer() throws {
            let host = try CAPIBuild.frameworkHostTSan.get()
            let r = try Command.run([host, "--workers", "4", "--repeat", "2", Reference.subsetEvent, Reference.barrelEvent],
                                    environment: Self.tsanOptions)
            #expect(!r.signalled && r.status == 0, "\(r.summary)")
            #expect(!r.stderr.contains("ThreadSanitizer"), "\(r.stderr)")
            #expect(r.stdout.split(separator: "\n").count == 4)
        }

        @Test("control: with the same suppressions, TSan reports a deliberate race between two threads sharing the engine")
        func threadSanitizerControl() throws {
            let control = try CAPIBuild.tsanControl.get()
            let r = try Command.run([control], environment: Self.tsanOptions)
            #expect(r.status == 66 && r.stderr.contains("data race") && r.stderr.contains("tsan_control.cpp"), "\(r.summary)")
        }
    }
}
