import Foundation
import Testing

extension CAPITests {
    /// valgrind memcheck over the C programs: no invalid access, no use of uninitialised memory, and
    /// no leak — definite, indirect or possible — except the Swift runtime's process-lifetime
    /// metadata caches (`valgrind/swift-runtime.supp` says why they show up as "possibly lost").
    @Suite("valgrind memcheck")
    struct MemoryCheck {
        func memcheck(_ arguments: [String]) throws -> CommandResult {
            guard Command.exists("valgrind") else { throw CommandFailure(description: "valgrind is not installed") }
            let library = try CAPIBuild.valgrindLibraryDirectory.get()
            let r = try Command.run(
                ["valgrind", "--error-exitcode=99", "--leak-check=full", "--show-leak-kinds=definite,indirect,possible",
                 "--errors-for-leak-kinds=definite,indirect,possible",
                 "--suppressions=" + CAPIBuild.testSources + "/valgrind/swift-runtime.supp"] + arguments,
                environment: ["LD_LIBRARY_PATH": library], timeout: 1200)
            return r
        }

        func expectClean(_ r: CommandResult) {
            #expect(!r.signalled && r.status == 0, "\(r.summary)")
            #expect(r.stderr.contains("ERROR SUMMARY: 0 errors"), "\(r.summary)")
            #expect(r.stderr.contains("definitely lost: 0 bytes") || r.stderr.contains("All heap blocks were freed"), "\(r.summary)")
            #expect(r.stderr.contains("indirectly lost: 0 bytes") || r.stderr.contains("All heap blocks were freed"), "\(r.summary)")
            // The library must be the stripped copy: valgrind 3.19 cannot read DWARF 5 and would give up.
            #expect(!r.stderr.contains("I can't recover"), "\(r.summary)")
        }

        @Test("the C example reconstructing event 1 (5 527 hits)")
        func cExample() throws {
            let program = try CAPIBuild.cExample.get()
            let output = try CAPIBuild.work.get() + "/valgrind-event1.csv"
            expectClean(try memcheck([program, "--cells", Reference.subsetEvent, output]))
        }

        @Test("every error path of api_errors.c")
        func errorPaths() throws {
            expectClean(try memcheck([try CAPIBuild.errorProgram.get()]))
        }
    }
}
