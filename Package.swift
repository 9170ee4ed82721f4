// swift-tools-version:6.1
import PackageDescription

// Layering (lower layers never import higher ones):
//   0  GeometryShim (C++17: Eigen + TBB behind a C header), CHDF5 + CHDF5Support, CZlib
//   1  EventData, FileSupport (gzip, atomic writes, CSV scanning), Detector
//   2  EventIO, Simulation
//   3  Evaluation; HitGraph, EdgeScoring, TrackBuilding (GNN path); Seeding, KalmanFinding (CKF path)
//   4  Weft (pipeline)
//   5  WeftCLI (`weft` executable)

let optimisedCxx: [CXXSetting] = [
    // Eigen at -O0 is hundreds of times slower; the shim is always optimised.
    .unsafeFlags(["-O2", "-std=c++17", "-fno-math-errno"]),
]

let package = Package(
    name: "Weft",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "weft", targets: ["WeftCLI"]),
        .library(name: "Weft", targets: ["Weft"]),
        // The C API (issue 7): .build/*/libCWeft.so (soname libweft.so.0), installed as libweft.so by
        // scripts/install-capi.sh; a product named "weft" would clash with the executable's name.
        .library(name: "CWeft", type: .dynamic, targets: ["CWeft"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Layer 0
        .target(
            name: "GeometryShim",
            cxxSettings: optimisedCxx,
            linkerSettings: [.linkedLibrary("tbb"), .linkedLibrary("m")]
        ),
        .systemLibrary(name: "CHDF5", pkgConfig: "hdf5-serial",
                       providers: [.apt(["libhdf5-dev"])]),
        .target(name: "CHDF5Support", dependencies: ["CHDF5"]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Layer 1
        .target(name: "EventData"),
        .target(name: "FileSupport", dependencies: ["CZlib"]),
        .target(name: "Detector", dependencies: ["EventData", "FileSupport"], plugins: ["EmbedDetectors"]),
        // Build tooling: compiles Detectors/*/detector.json into the Detector module.
        .executableTarget(name: "DetectorEmbedder", path: "Plugins/DetectorEmbedder"),
        .plugin(name: "EmbedDetectors", capability: .buildTool(), dependencies: ["DetectorEmbedder"]),

        // Layer 2
        .target(name: "EventIO", dependencies: ["EventData", "Detector", "FileSupport", "CHDF5", "CHDF5Support"]),

        .target(name: "Simulation", dependencies: ["EventData", "Detector", "GeometryShim"]),

        // Layer 3
        .target(name: "Evaluation", dependencies: ["EventData"]),
        .target(name: "HitGraph", dependencies: ["EventData", "Detector", "GeometryShim"]),
        .target(name: "EdgeScoring", dependencies: ["EventData", "HitGraph", "GeometryShim"]),
        .target(name: "TrackBuilding", dependencies: ["EventData", "HitGraph"]),
        .target(name: "Seeding", dependencies: ["EventData", "Detector", "GeometryShim"]),
        .target(name: "KalmanFinding", dependencies: ["EventData", "Detector", "Seeding", "GeometryShim"]),

        // Layer 4
        .target(name: "Weft", dependencies: ["EventData", "Detector", "EventIO", "Simulation", "Evaluation",
                                             "Seeding", "KalmanFinding", "HitGraph", "EdgeScoring", "TrackBuilding"]),

        // Layer 5
        .executableTarget(
            name: "WeftCLI",
            dependencies: ["Weft", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // Layer 5: the C API. CWeftHeader imports include/weft.h so that `@c @implementation` checks
        // every exported function against its declaration; the version script exports exactly those
        // functions; lld (shipped with the toolchain) leaves no local Swift symbols in .dynsym, gold does.
        .systemLibrary(name: "CWeftHeader", path: "Sources/CWeft/Header"),
        .target(
            name: "CWeft",
            dependencies: ["Weft", "CWeftHeader"],
            path: "Sources/CWeft/API",
            linkerSettings: [.unsafeFlags([
                "-use-ld=lld",
                "-Xlinker", "-soname=libweft.so.0",
                "-Xlinker", "--version-script=\(Context.packageDirectory)/Sources/CWeft/weft.map",
            ])]
        ),

        // Tests
        .target(name: "WeftTestSupport", dependencies: ["EventData"], path: "Tests/WeftTestSupport"),
        .testTarget(name: "GeometryShimTests", dependencies: ["GeometryShim"]),
        .testTarget(name: "FileSupportTests", dependencies: ["FileSupport"]),
        .testTarget(name: "EventDataTests", dependencies: ["EventData", "WeftTestSupport"]),
        .testTarget(name: "DetectorTests", dependencies: ["Detector", "EventIO", "WeftTestSupport"]),
        .testTarget(name: "EventIOTests", dependencies: ["EventIO", "WeftTestSupport"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "EventIO", "Evaluation", "WeftTestSupport"]),
        .testTarget(name: "GNNTests", dependencies: ["HitGraph", "EdgeScoring", "TrackBuilding", "EventIO", "Simulation", "Evaluation", "WeftTestSupport"]),
        .testTarget(name: "CKFTests", dependencies: ["Seeding", "KalmanFinding", "EventIO", "Simulation", "Evaluation", "Weft", "WeftTestSupport"]),
        .testTarget(name: "WeftTests", dependencies: ["Weft", "Detector", "EventIO", "HitGraph", "Simulation", "Evaluation", "GeometryShim", "WeftTestSupport"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "EventIO", "WeftTestSupport"]),
        // Builds the examples with gcc/g++ against the installed libweft.so and runs them (valgrind, TSan).
        .testTarget(name: "CAPITests", dependencies: ["Weft", "KalmanFinding"], exclude: ["c", "valgrind", "tsan"]),
    ],
    cxxLanguageStandard: .cxx17
)
