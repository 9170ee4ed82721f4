@_exported import EventData
@_exported import FileSupport
@_exported import Detector
@_exported import EventIO
@_exported import Simulation
@_exported import Evaluation

/// The version of the Weft engine.
public enum WeftVersion {
    public static let string = "0.1.0"
}
