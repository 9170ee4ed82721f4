import Foundation

/// Where the configuration files the project ships (`Seeds/`, `Scoring/`) are found by default: in
/// the working directory when it has them (running from the package root, as the CLI does), else
/// in the source package this library was built from. Hosts that install the library elsewhere name
/// their files explicitly.
enum ShippedFiles {
    /// `name` (a top-level folder of the package) as found from here.
    static func directory(_ name: String) -> String {
        if FileManager.default.fileExists(atPath: name) { return name }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidate = package.appendingPathComponent(name).path
        return FileManager.default.fileExists(atPath: candidate) ? candidate : name
    }
}
