/// The measured hits of one event, as structure-of-arrays columns.
///
/// Row `i` of every column describes the same hit; an `Int32` hit index refers to a row.
/// Coordinates are global, in mm. `hitID` keeps the identifier of the source (TrackML
/// `hit_id`), which need not be `1...count` (subsets keep their parent event's ids).
public struct Hits: Equatable, Sendable {
    /// Source hit identifiers (TrackML `hit_id`), unique within an event.
    public var hitID: [Int64]
    /// Global x in mm.
    public var x: [Float]
    /// Global y in mm.
    public var y: [Float]
    /// Global z in mm.
    public var z: [Float]
    /// The module each hit lies on.
    public var geometryID: [GeometryID]

    /// An empty hit collection.
    public init() {
        hitID = []; x = []; y = []; z = []; geometryID = []
    }

    /// Builds hits from whole columns.
    ///
    /// - Precondition: all columns have the same length.
    public init(hitID: [Int64], x: [Float], y: [Float], z: [Float], geometryID: [GeometryID]) {
        precondition(x.count == hitID.count && y.count == hitID.count && z.count == hitID.count
                     && geometryID.count == hitID.count, "Hits columns differ in length")
        self.hitID = hitID; self.x = x; self.y = y; self.z = z; self.geometryID = geometryID
    }

    /// The number of hits.
    @inlinable public var count: Int { hitID.count }
    /// Whether there are no hits.
    @inlinable public var isEmpty: Bool { hitID.isEmpty }

    /// Reserves room for `n` hits in every column.
    public mutating func reserveCapacity(_ n: Int) {
        hitID.reserveCapacity(n); x.reserveCapacity(n); y.reserveCapacity(n)
        z.reserveCapacity(n); geometryID.reserveCapacity(n)
    }

    /// Appends one hit.
    public mutating func append(hitID id: Int64, x px: Float, y py: Float, z pz: Float, geometryID g: GeometryID) {
        hitID.append(id); x.append(px); y.append(py); z.append(pz); geometryID.append(g)
    }

    /// Transverse radius of hit `i` in mm.
    @inlinable public func r(_ i: Int) -> Float { (x[i] * x[i] + y[i] * y[i]).squareRoot() }
    /// Azimuth of hit `i` in radians, in (−π, π].
    @inlinable public func phi(_ i: Int) -> Float { atan2f(y[i], x[i]) }

    /// A map from source hit id to row index.
    ///
    /// - Complexity: O(n).
    public func indexByHitID() -> [Int64: Int32] {
        var map = [Int64: Int32](minimumCapacity: count)
        for (i, id) in hitID.enumerated() { map[id] = Int32(i) }
        return map
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
