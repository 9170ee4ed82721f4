import CWeftHeader
import Weft

@c @implementation
public func weft_geometry_id(_ volumeID: Int32, _ layerID: Int32, _ moduleID: Int32) -> UInt64 {
    // GeometryID's initialiser traps on fields that do not fit: check first, report through the
    // thread-local message, and return 0, which no module carries.
    guard GeometryID.isRepresentable(volume: volumeID, layer: layerID, module: moduleID) else {
        Boundary.fail("weft_geometry_id: (volume \(volumeID), layer \(layerID), module \(moduleID)) does not fit "
            + "the packed layout (volume 0…\(GeometryID.maxVolume), layer 0…\(GeometryID.maxLayer), "
            + "module 0…\(GeometryID.maxModule))")
        return 0
    }
    return GeometryID(volume: volumeID, layer: layerID, module: moduleID).rawValue
}
