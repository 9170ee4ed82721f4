import KalmanFinding
import Seeding

extension ReconstructionConfig {
    /// The CKF chain's settings as an engine configuration gives them: each part left `nil` comes
    /// from the detector's cut set (`Seeds/<detector>/seeding.json`, `Seeds/<detector>/ckf.json`; the
    /// built-in defaults only for `trackml`), as `weft reconstruct` does.
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
        /// others read from the detector's folder under `Seeds/` (see ``ShippedFiles``); only
        /// `trackml` falls back to the built-in defaults when a file is absent.
        ///
        /// - Throws: ``CKFChainError/missingConfig(file:detector:)`` for a missing file of another
        ///   detector, ``CKFChainError/badConfig(file:reason:)`` for an unreadable or invalid file.
        func resolved(detector: String) throws -> CKFChainConfig {
            let seeds = ShippedFiles.directory("Seeds")
            let seeding = try self.seeding ?? CKFChainConfig.part(SeedingPasses.self, file: nil, base: "seeding.json",
                                                                    detector: detector, seedsDirectory: seeds) ?? .standard
            let finding = try self.finding ?? CKFChainConfig.part(TrackFindingConfig.self, file: nil, base: "ckf.json",
                                                                    detector: detector, seedsDirectory: seeds) ?? TrackFindingConfig()
            return CKFChainConfig(seeding: seeding, finding: finding)
        }
    }
}
