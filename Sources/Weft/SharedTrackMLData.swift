import Foundation

/// The real TrackML data that ships beside the project (`../shared/data/trackml/`), read in place.
public enum SharedTrackMLData {
    /// `$WEFT_TRACKML_DATA` when set, else `../shared/data/trackml` relative to the working
    /// directory, else relative to the package this binary was built from.
    public static var directory: String {
        if let env = ProcessInfo.processInfo.environment["WEFT_TRACKML_DATA"], !env.isEmpty { return env }
        let fromWorkingDirectory = FileManager.default.currentDirectoryPath + "/../shared/data/trackml"
        if FileManager.default.fileExists(atPath: fromWorkingDirectory) { return fromWorkingDirectory }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return package.deletingLastPathComponent().appendingPathComponent("shared/data/trackml").path
    }

    /// The full TrackML geometry file.
    public static var detectorsFile: String { directory + "/detectors.csv.gz" }
    /// The 5 % particle subset of event 1 (hits, cells, particles, truth with original weights).
    public static var subsetEvent: String { directory + "/event000000001/event000000001" }
    /// The barrel-only 10 % subset of event 1000.
    public static var barrelEvent: String { directory + "/barrel-ez-0.1/event000001000" }
    /// The full-occupancy event 1001 (hits and particles, no truth).
    public static var fullDensityEvent: String { directory + "/full-density/event000001001" }
}
