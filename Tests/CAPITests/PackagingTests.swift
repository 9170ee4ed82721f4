import Foundation
import Testing
import Weft

extension CAPITests {
    /// What an integrator installs and links against: the files, the exported symbols, the header,
    /// pkg-config and the CMake package.
    @Suite("Packaging")
    struct Packaging {
        /// The functions declared in weft.h (from the preprocessed header, so comments do not count).
        static func declaredFunctions() throws -> Set<String> {
            let pre = try Command.require(["gcc", "-E", "-P", CAPIBuild.header]).stdout
            let pattern = try NSRegularExpression(pattern: #"\b(weft_[a-z0-9_]+)\s*\("#)
            let range = NSRange(pre.startIndex..., in: pre)
            return Set(pattern.matches(in: pre, range: range).compactMap { Range($0.range(at: 1), in: pre).map { String(pre[$0]) } })
        }

        @Test("the install script lays out header, versioned library, pkg-config and CMake files")
        func installLayout() throws {
            let prefix = try CAPIBuild.prefix.get()
            let fm = FileManager.default
            for file in ["include/weft.h", "lib/libweft.so.0.1.0", "lib/pkgconfig/weft.pc",
                         "lib/cmake/Weft/WeftConfig.cmake", "lib/cmake/Weft/WeftConfigVersion.cmake"] {
                #expect(fm.fileExists(atPath: prefix + "/" + file), "missing \(file)")
            }
            #expect(try fm.destinationOfSymbolicLink(atPath: prefix + "/lib/libweft.so.0") == "libweft.so.0.1.0")
            #expect(try fm.destinationOfSymbolicLink(atPath: prefix + "/lib/libweft.so") == "libweft.so.0")
            let dynamic = try Command.require(["readelf", "-d", prefix + "/lib/libweft.so.0.1.0"]).stdout
            #expect(dynamic.contains("Library soname: [libweft.so.0]"))
            #expect(dynamic.contains("/usr/lib/swift/linux"), "the library must find the Swift runtime by its RUNPATH")
        }

        @Test("libweft.so exports exactly the functions of weft.h and nothing else")
        func exportedSymbols() throws {
            let nm = try Command.require(["nm", "-D", "--defined-only", CAPIBuild.library]).stdout
            var exported = Set<String>()
            for line in nm.split(separator: "\n") {
                let fields = line.split(separator: " ")
                guard let name = fields.last.map({ String($0.split(separator: "@").first ?? $0) }) else { continue }
                // A versioned library may list its version node (WEFT_0) as an absolute symbol.
                if fields.count >= 2, fields[fields.count - 2] == "A", name == "WEFT_0" { continue }
                exported.insert(name)
            }
            let declared = try Self.declaredFunctions()
            #expect(declared.count >= 12, "\(declared)")
            #expect(exported == declared, "exported but not declared: \(exported.subtracting(declared).sorted().prefix(20)); declared but not exported: \(declared.subtracting(exported).sorted())")
        }

        @Test("weft.h compiles on its own as C99, C11 and C++17 with every warning an error")
        func headerCompiles() throws {
            let include = "-I" + CAPIBuild.packageRoot + "/include"
            for (compiler, language, standard) in [("gcc", "c", "c99"), ("gcc", "c", "c11"), ("g++", "c++", "c++17"), ("g++", "c++", "c++11")] {
                let r = try Command.run([compiler, "-x", language, "-std=" + standard, "-Wall", "-Wextra", "-Wpedantic", "-Werror",
                                         "-fsyntax-only", include, "-"], input: "#include <weft.h>\n#include <weft.h>\n")
                #expect(r.status == 0, "\(standard): \(r.summary)")
            }
        }

        @Test("pkg-config finds weft with the header's version and the prefix's paths")
        func pkgConfig() throws {
            let prefix = try CAPIBuild.prefix.get()
            let version = try CAPIBuild.pkgConfig(["--modversion"], ["weft"]).joined()
            #expect(version == WeftVersion.string)
            let header = try String(contentsOfFile: CAPIBuild.header, encoding: .utf8)
            #expect(header.contains("#define WEFT_VERSION_STRING \"\(WeftVersion.string)\""))
            let flags = try CAPIBuild.pkgConfig(["--cflags", "--libs"], ["weft"])
            let resolved = flags.map { ($0.hasPrefix("-I") || $0.hasPrefix("-L")) ? String($0.prefix(2)) + URL(fileURLWithPath: String($0.dropFirst(2))).standardized.path : $0 }
            #expect(resolved.contains("-I" + prefix + "/include"), "\(flags)")
            #expect(resolved.contains("-L" + prefix + "/lib") && flags.contains("-lweft"), "\(flags)")
        }

        @Test("find_package(Weft) accepts compatible versions and refuses others")
        func cmakeVersions() throws {
            guard Command.exists("cmake") else {
                Issue.record("cmake is not installed (apt-get install cmake)")
                return
            }
            let prefix = try CAPIBuild.prefix.get()
            let project = try CAPIBuild.work.get() + "/cmake-versions"
            try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
            for (request, expected) in [("", true), ("0.1", true), ("0.1.0 EXACT", true), ("0.2", false), ("1.0", false)] {
                try """
                cmake_minimum_required(VERSION 3.16)
                project(probe LANGUAGES NONE)
                find_package(Weft \(request) QUIET)
                message(STATUS "weft-found=${Weft_FOUND} version=${Weft_VERSION}")
                if(Weft_FOUND AND NOT TARGET Weft::weft)
                  message(FATAL_ERROR "no Weft::weft target")
                endif()
                """.write(toFile: project + "/CMakeLists.txt", atomically: true, encoding: .utf8)
                let build = project + "/build-\(expected)-\(request.replacingOccurrences(of: " ", with: "_"))"
                let r = try Command.require(["cmake", "-S", project, "-B", build, "-DCMAKE_PREFIX_PATH=" + prefix])
                #expect(r.stdout.contains("weft-found=\(expected ? "1" : "0")"), "find_package(Weft \(request)): \(r.summary)")
            }
        }

        @Test("the C++ host links through CMake's imported target Weft::weft")
        func cmakeTarget() throws {
            let host = try CAPIBuild.frameworkHost.get()
            let needed = try Command.require(["readelf", "-d", host]).stdout
            #expect(needed.contains("Shared library: [libweft.so.0]"), "\(needed)")
        }
    }
}
