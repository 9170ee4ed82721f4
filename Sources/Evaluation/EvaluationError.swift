/// Everything that can go wrong while evaluating tracks against truth.
///
/// Messages name the offending track, hit row or argument so that a user can find the bad input.
public enum EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The event has no truth table: nothing to evaluate against.
    case missingTruth
    /// The event has no particle table, which this computation needs (named in `needed`).
    case missingParticles(needed: String)
    /// Truth and hits differ in length: truth must be aligned row by row with hits.
    case truthNotAligned(hits: Int, truth: Int)
    /// A track names a hit row outside the event.
    case hitOutOfRange(track: Int, hit: Int32, hitCount: Int)
    /// A track lists the same hit twice.
    case duplicateHitInTrack(track: Int, hit: Int32)
    /// Edge arrays are inconsistent (lengths differ or a hit row is out of range).
    case invalidEdges(String)
    /// Bin edges are not a strictly increasing list of at least two finite numbers.
    case invalidBinning(String)
    /// A configuration value or function argument is out of its domain.
    case invalidArgument(String)
    /// Writing an output file failed.
    case writeFailed(path: String, reason: String)
    /// No Python interpreter could be started for plotting.
    case pythonNotFound(String)
    /// The plotting script is not where it was expected.
    case plotScriptNotFound(path: String)
    /// The Python interpreter lacks matplotlib or mplhep.
    case plottingDependenciesMissing(python: String, detail: String)
    /// The plotting script failed.
    case plottingFailed(status: Int32, stderr: String)

    public var description: String {
        switch self {
        case .missingTruth:
            return "the event has no truth table (TrackML `-truth.csv`): it cannot be evaluated"
        case .missingParticles(let needed):
            return "the event has no particle table (TrackML `-particles.csv`), needed for \(needed)"
        case .truthNotAligned(let hits, let truth):
            return "truth has \(truth) rows but the event has \(hits) hits: truth must be aligned row by row with hits"
        case .hitOutOfRange(let track, let hit, let hitCount):
            return "track \(track) names hit row \(hit), outside the event's \(hitCount) hits"
        case .duplicateHitInTrack(let track, let hit):
            return "track \(track) lists hit row \(hit) twice"
        case .invalidEdges(let why):
            return "invalid edge list: \(why)"
        case .invalidBinning(let why):
            return "invalid binning: \(why)"
        case .invalidArgument(let why):
            return "invalid argument: \(why)"
        case .writeFailed(let path, let reason):
            return "could not write \(path): \(reason)"
        case .pythonNotFound(let why):
            return "no Python interpreter for plotting: \(why) (set WEFT_PYTHON or run `make pydeps`)"
        case .plotScriptNotFound(let path):
            return "plotting script not found at \(path) (set WEFT_PLOT_SCRIPT)"
        case .plottingDependenciesMissing(let python, let detail):
            return "\(python) lacks the plotting packages (\(detail)); run `make pydeps` or point WEFT_PYTHON at an interpreter with matplotlib and mplhep"
        case .plottingFailed(let status, let stderr):
            return "plotting script failed with status \(status): \(stderr)"
        }
    }
}
