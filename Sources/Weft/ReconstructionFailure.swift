import EdgeScoring
import Foundation
import HitGraph
import KalmanFinding
import Seeding
import TrackBuilding

/// The kind of an error thrown while building or running a ``ReconstructionEngine``, for front doors
/// that report kinds rather than messages (the C API's status codes).
public enum ReconstructionFailure: Equatable, Sendable {
    /// The configuration cannot be used: malformed, out of range, unknown detector, missing or
    /// unusable model files, a model that does not fit the graph.
    case configuration
    /// An input the method needs was not given (cells for a GNN model with cell features).
    case missingInput
    /// A hit lies on a module the detector does not have.
    case unknownModule
    /// A hit coordinate or cell value is NaN or infinite.
    case nonFinite
    /// A hit lies too far from its module to be a measurement on it.
    case hitOffModule
    /// A count or index is outside what the engine can address.
    case outOfRange
    /// Anything else: a bug, since every input is checked before the stages run.
    case `internal`

    /// Classifies `error`.
    public init(classifying error: Error) {
        switch error {
        case let e as ReconstructionError:
            switch e {
            case .invalidConfig: self = .configuration
            case .nonFiniteCoordinate, .nonFiniteCellValue: self = .nonFinite
            case .unknownModule: self = .unknownModule
            case .tooManyRows, .cellHitOutOfRange: self = .outOfRange
            case .cellsRequired: self = .missingInput
            }
        // Detector loading, configuration files and models only fail at engine creation, or (a model
        // whose features do not fit the graph it is given) because of what the engine was built from.
        case is DetectorError, is CKFChainError, is GNNChainError, is DecodingError, is EdgeScoringError:
            self = .configuration
        case let e as HitGraphError:
            switch e {
            case .invalidConfig, .invalidModuleMap, .detectorMismatch: self = .configuration
            // Bad hits and missing cells are refused before the graph builder runs.
            case .invalidEvent, .invalidGraph: self = .internal
            }
        case let e as TrackBuildingError:
            switch e {
            case .invalidConfig: self = .configuration
            case .invalidInput: self = .internal
            }
        case let e as SeedingError:
            switch e {
            case .invalidConfig, .unknownVolume: self = .configuration
            case .unknownModule: self = .unknownModule
            case .nonFiniteHit: self = .nonFinite
            case .emptyEvent: self = .internal
            }
        case let e as KalmanFindingError:
            switch e {
            case .invalidConfig: self = .configuration
            case .unknownModule: self = .unknownModule
            case .nonFiniteHit: self = .nonFinite
            case .hitOffModule: self = .hitOffModule
            case .emptyEvent, .seedOutOfRange: self = .internal
            }
        default:
            self = .internal
        }
    }
}
