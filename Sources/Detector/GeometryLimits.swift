import EventData

/// The identifier ranges a ``GeometryID`` can hold, as `Int32` for range checks on input.
enum GeometryLimits {
    static let maxVolume = GeometryID.maxVolume
    static let maxLayer = GeometryID.maxLayer
    static let maxModule = GeometryID.maxModule
}
