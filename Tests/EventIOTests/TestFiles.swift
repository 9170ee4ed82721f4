import Foundation
import FileSupport

/// The real TrackML data of `../shared/data/trackml/` (read in place, never copied).
enum TrackMLData {
    /// The data directory: `$WEFT_TRACKML_DATA`, else `../shared/data/trackml` beside the package.
    static let root: String = {
        if let dir = ProcessInfo.processInfo.environment["WEFT_TRACKML_DATA"] { return dir }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return package.deletingLastPathComponent().appendingPathComponent("shared/data/trackml").path
    }()
    /// 5 % particle subset of a real event, all parts, `particle_type` present.
    static let event1 = root + "/event000000001/event000000001"
    /// Barrel subset of event 1000: hits, truth, particles without `particle_type`, unsorted hit ids.
    static let barrel = root + "/barrel-ez-0.1/event000001000"
    /// Full-occupancy hits and particles of event 1001.
    static let fullDensity = root + "/full-density/event000001001"
}

/// A fresh directory under the system temporary directory, removed with its contents when released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/weft-eventio-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// `path/name`.
    func file(_ name: String) -> String { path + "/" + name }

    /// Every file and directory below the directory (relative paths, sorted), hidden ones included.
    var contents: [String] {
        (FileManager.default.subpaths(atPath: path) ?? []).sorted()
    }

    /// Writes text to `name` (gzip-compressed when the name ends in `.gz`) and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let p = file(name)
        try DataFile.write(Array(text.utf8), to: p)
        return p
    }
}

/// A small valid TrackML event as CSV text, for bad-input variations.
enum TinyEvent {
    static let hits = """
        hit_id,x,y,z,volume_id,layer_id,module_id
        1,-69.2717,-0.812497,-1502.5,7,2,1
        2,-73.309,-8.30235,-1502.5,7,2,1
        3,31.5,4.25,-120.0,8,2,7

        """
    static let truth = """
        hit_id,particle_id,tx,ty,tz,tpx,tpy,tpz,weight
        1,42,-69.27,-0.81,-1502.5,0.5,0.1,-3.0,0.25
        2,0,-73.3,-8.3,-1502.5,0.0,0.0,0.0,0
        3,42,31.5,4.25,-120.0,0.5,0.1,-3.0,0.75

        """
    static let cells = """
        hit_id,ch0,ch1,value
        1,10,20,0.5
        1,11,20,0.25
        3,5,6,0.125

        """
    static let particles = """
        particle_id,vx,vy,vz,px,py,pz,q,nhits
        42,0.01,-0.02,3.5,0.5,0.1,-3.0,1,2

        """
}
