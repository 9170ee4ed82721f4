/// Which hits a seeding pass leaves out: those the earlier passes have already explained.
///
/// Iterative tracking seeds each pass on a thinned event. What counts as "explained" matters at
/// μ = 200: the CKF's candidates overlap, and many of them (duplicates, fakes, a soft particle's
/// wrong branch) are removed by the ambiguity resolution, so their hits are free again afterwards.
public enum ExcludedHits: String, Codable, Sendable, CaseIterable {
    /// The hits of every earlier candidate with at least `mark_used_min_measurements` measurements
    /// (the default): cheap, and right when earlier candidates are mostly the final tracks.
    case candidates
    /// The hits of the tracks the ambiguity resolution keeps from all earlier candidates: a pass
    /// that runs again after the others seeds from every hit no final track holds, which includes
    /// the hits of long candidates that lost the resolution.
    case tracks
}
