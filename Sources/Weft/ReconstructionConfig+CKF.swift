import KalmanFinding
import Seeding

extension ReconstructionConfig {
    /// The CKF chain's settings as an engine configuration gives them: each part left `nil` comes
    /// from the detector's cut set (`Seeds/<detector>/seeding.json`, `Seeds/<detector>/ckf.json`, else
    /// the built-in defaults), as `weft reconstruct` does.
    public struct CKFSettings: Sendable, Equatable {
        /// The seeding passes (layout of `Seeds/<detector>/seeding.json`); `nil`: the detector's.
        public var seeding: SeedingPasses?
        /// The CKF and ambiguity settings (layout of `Seeds/<detector>/ckf.json`); `nil`: the detector's.
        public var finding: TrackFindingConfig?

        public init(seeding: SeedingPasses? = nil, finding: TrackFindingConfig? = nil) {
            self.seeding = seeding; self.finding = finding
        }

        /// Both parts given.
        public init(_ config: CKFChainConfig) {
            seeding = config.seeding; finding = config.finding
        }

        /// The complete chain configuration for `detector` (a name or path): the given parts, the
        /// others read from the detector's folder under `Seeds/` (see ``ShippedFiles``).
        ///
        /// - Throws: ``CKFChainError/badConfig(file:reason:)`` for an unreadable or invalid file.
        func resolved(detector: String) throws -> CKFChainConfig {
            if let seeding, let finding { return CKFChainConfig(seeding: seeding, finding: finding) }
            let shipped = try CKFChainConfig.load(detector: GNNChainConfig.folder(detector),
                                                  seedsDirectory: ShippedFiles.directory("Seeds"))
            return CKFChainConfig(seeding: seeding ?? shipped.seeding, finding: finding ?? shipped.finding)
        }
    }
}
