import Foundation
import Weft

/// The C API as an integrator gets it: installed from this build into a scratch prefix by
/// `scripts/install-capi.sh`, with the examples and test programs compiled against that prefix by
/// gcc/g++ (through pkg-config, the examples' Makefile and CMake). Each artefact is built once per
/// test process, on first use.
enum CAPIBuild {
    /// The package root (three levels above this file).
    static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The SwiftPM products directory holding `libCWeft.so` and `weft`: the test binary's own
    /// directory, or `$WEFT_CAPI_BUILD_DIR`.
    static let productsDirectory: String = {
        if let dir = ProcessInfo.processInfo.environment["WEFT_CAPI_BUILD_DIR"], !dir.isEmpty { return dir }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: executable).deletingLastPathComponent().path
    }()

    /// Scratch space for this run, inside the build directory (removed and re-created once).
    static let work: Result<String, CommandFailure> = {
        let dir = productsDirectory + "/capi-tests"
        try? FileManager.default.removeItem(atPath: dir)
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            return .success(dir)
        } catch {
            return .failure(CommandFailure(description: "cannot create \(dir): \(error)"))
        }
    }()

    static var library: String { productsDirectory + "/libCWeft.so" }
    static var cli: String { productsDirectory + "/weft" }
    static var header: String { packageRoot + "/include/weft.h" }
    static var testSources: String { packageRoot + "/Tests/CAPITests" }

    /// The install prefix.
    static let prefix: Result<String, CommandFailure> = catching {
        let prefix = try work.get() + "/prefix"
        guard FileManager.default.fileExists(atPath: library) else {
            throw CommandFailure(description: "\(library) is missing: the CWeft product was not built")
        }
        try Command.require([packageRoot + "/scripts/install-capi.sh", "--build-dir", productsDirectory, "--prefix", prefix])
        return prefix
    }

    /// The environment that lets pkg-config find the installed `weft.pc`.
    static func pkgConfigEnvironment() throws -> [String: String] {
        ["PKG_CONFIG_PATH": try prefix.get() + "/lib/pkgconfig"]
    }

    /// `pkg-config` output for `packages`, split into arguments.
    static func pkgConfig(_ flags: [String], _ packages: [String]) throws -> [String] {
        let r = try Command.require(["pkg-config"] + flags + packages, environment: try pkgConfigEnvironment())
        return r.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }

    /// Compiler and linker arguments for a C program against the installed API (with an rpath).
    static func weftFlags() throws -> [String] {
        let libdir = try pkgConfig(["--variable=libdir"], ["weft"]).joined()
        return try pkgConfig(["--cflags", "--libs"], ["weft"]) + ["-Wl,-rpath," + libdir]
    }

    /// Compiles one C99 test program from `Tests/CAPITests/c/`.
    static func compileCProgram(_ source: String, extra: [String] = []) throws -> String {
        let output = try work.get() + "/" + URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        try Command.require(["gcc", "-std=c99", "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-O1", "-g",
                             testSources + "/c/" + source, "-o", output] + (try weftFlags()) + extra)
        return output
    }

    /// The C example (`Examples/c`), built by its own Makefile against the installed API.
    static let cExample: Result<String, CommandFailure> = catching {
        let build = try work.get() + "/c-example"
        try Command.require(["make", "-C", packageRoot + "/Examples/c", "CC=gcc", "WEFT_PREFIX=" + (try prefix.get()),
                             "BUILD=" + build])
        return build + "/reconstruct_event"
    }

    /// `Tests/CAPITests/c/api_errors.c`.
    static let errorProgram: Result<String, CommandFailure> = catching {
        try compileCProgram("api_errors.c", extra: ["-pthread"])
    }

    /// `Tests/CAPITests/c/geometry_ids.c`.
    static let geometryIDProgram: Result<String, CommandFailure> = catching {
        try compileCProgram("geometry_ids.c")
    }

    /// `Tests/CAPITests/c/tsan_control.cpp`, built with ThreadSanitizer.
    static let tsanControl: Result<String, CommandFailure> = catching {
        let output = try work.get() + "/tsan_control"
        try Command.require(["g++", "-std=c++17", "-g", "-O1", "-fsanitize=thread", testSources + "/c/tsan_control.cpp",
                             "-o", output] + (try weftFlags()))
        return output
    }

    /// The LD_PRELOAD fault injector `Tests/CAPITests/c/fail_alloc.c`.
    static let failAlloc: Result<String, CommandFailure> = catching {
        let output = try work.get() + "/fail_alloc.so"
        try Command.require(["gcc", "-shared", "-fPIC", "-Wall", "-Wextra", "-Werror", testSources + "/c/fail_alloc.c",
                             "-o", output, "-ldl"])
        return output
    }

    /// The C++ framework host (`Examples/cpp-framework`), configured by CMake with
    /// `find_package(Weft)` against the installed prefix.
    static let frameworkHost: Result<String, CommandFailure> = catching { try cmakeHost(build: "host", sanitize: nil) }

    /// The same host built with ThreadSanitizer.
    static let frameworkHostTSan: Result<String, CommandFailure> = catching { try cmakeHost(build: "host-tsan", sanitize: "thread") }

    private static func cmakeHost(build name: String, sanitize: String?) throws -> String {
        guard Command.exists("cmake") else {
            throw CommandFailure(description: "cmake is not installed (apt-get install cmake; the Makefile's deps target installs it)")
        }
        let build = try work.get() + "/" + name
        var configure = ["cmake", "-S", packageRoot + "/Examples/cpp-framework", "-B", build,
                         "-DCMAKE_PREFIX_PATH=" + (try prefix.get()), "-DCMAKE_CXX_COMPILER=g++", "-DCMAKE_C_COMPILER=gcc"]
        if let sanitize { configure.append("-DHOST_SANITIZE=" + sanitize) }
        try Command.require(configure)
        try Command.require(["cmake", "--build", build])
        return build + "/framework_host"
    }

    /// A copy of the library without DWARF debug information, for valgrind 3.19, which cannot read
    /// the DWARF 5 the Swift toolchain emits (symbols stay, so stack traces keep function names).
    static let valgrindLibraryDirectory: Result<String, CommandFailure> = catching {
        let dir = try work.get() + "/valgrind-lib"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Command.require(["objcopy", "--strip-debug", library, dir + "/libweft.so.0"])
        return dir
    }

    /// Two simulated events (μ = 10, TrackML detector) written as TrackML CSV by `weft simulate`, to
    /// give the framework host more distinct events than the two small real ones.
    static let simulatedEvents: Result<[String], CommandFailure> = catching {
        let dir = try work.get() + "/simulated"
        try Command.require([cli, "simulate", "--mu", "10", "--events", "2", "--first-event", "100", "--seed", "7",
                             "--threads", "1", "--output", dir])
        let names = try FileManager.default.contentsOfDirectory(atPath: dir)
            .filter { $0.hasSuffix("-hits.csv.gz") }.sorted()
        guard names.count == 2 else {
            throw CommandFailure(description: "weft simulate wrote \(names) into \(dir), expected two events")
        }
        return names.map { dir + "/" + $0.replacingOccurrences(of: "-hits.csv.gz", with: "") }
    }

    /// Runs `body`, turning any error into a ``CommandFailure``.
    private static func catching<T>(_ body: () throws -> T) -> Result<T, CommandFailure> {
        do { return .success(try body()) } catch let e as CommandFailure { return .failure(e) } catch {
            return .failure(CommandFailure(description: "\(error)"))
        }
    }
}
