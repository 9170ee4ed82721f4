import EventData

/// All modules of a detector as structure-of-arrays columns, sorted by geometry id.
///
/// Row `i` of every column describes module index `i`. Lengths in mm; the rotation columns are
/// TrackML's `rot_xu … rot_zw`: `rotXU` is the global x component of the local u axis, and so on.
public struct ModuleTable: Sendable, Equatable {
    /// Geometry ids, strictly increasing.
    public internal(set) var id: [GeometryID] = []
    /// Centre x, mm.
    public internal(set) var centerX: [Double] = []
    /// Centre y, mm.
    public internal(set) var centerY: [Double] = []
    /// Centre z, mm.
    public internal(set) var centerZ: [Double] = []
    /// Global x component of local u.
    public internal(set) var rotXU: [Double] = []
    /// Global x component of local v.
    public internal(set) var rotXV: [Double] = []
    /// Global x component of local w.
    public internal(set) var rotXW: [Double] = []
    /// Global y component of local u.
    public internal(set) var rotYU: [Double] = []
    /// Global y component of local v.
    public internal(set) var rotYV: [Double] = []
    /// Global y component of local w.
    public internal(set) var rotYW: [Double] = []
    /// Global z component of local u.
    public internal(set) var rotZU: [Double] = []
    /// Global z component of local v.
    public internal(set) var rotZV: [Double] = []
    /// Global z component of local w.
    public internal(set) var rotZW: [Double] = []
    /// Sensor thickness, mm.
    public internal(set) var thickness: [Double] = []
    /// Half length along u at v = −halfV, mm.
    public internal(set) var minHalfU: [Double] = []
    /// Half length along u at v = +halfV, mm.
    public internal(set) var maxHalfU: [Double] = []
    /// Half length along v, mm.
    public internal(set) var halfV: [Double] = []
    /// Readout pitch along u, mm.
    public internal(set) var pitchU: [Double] = []
    /// Readout pitch along v, mm.
    public internal(set) var pitchV: [Double] = []

    /// An empty table.
    public init() {}

    /// The number of modules.
    @inlinable public var count: Int { id.count }

    /// Reserves room for `n` modules in every column.
    mutating func reserveCapacity(_ n: Int) {
        forEachColumn { $0.reserveCapacity(n) }
        id.reserveCapacity(n)
    }

    /// Applies `body` to every `Double` column.
    private mutating func forEachColumn(_ body: (inout [Double]) -> Void) {
        body(&centerX); body(&centerY); body(&centerZ)
        body(&rotXU); body(&rotXV); body(&rotXW); body(&rotYU); body(&rotYV); body(&rotYW)
        body(&rotZU); body(&rotZV); body(&rotZW)
        body(&thickness); body(&minHalfU); body(&maxHalfU); body(&halfV); body(&pitchU); body(&pitchV)
    }

    /// Appends a module as the last row.
    public mutating func append(_ m: Module) {
        id.append(m.id)
        centerX.append(m.center.x); centerY.append(m.center.y); centerZ.append(m.center.z)
        rotXU.append(m.rotation.u.x); rotXV.append(m.rotation.v.x); rotXW.append(m.rotation.w.x)
        rotYU.append(m.rotation.u.y); rotYV.append(m.rotation.v.y); rotYW.append(m.rotation.w.y)
        rotZU.append(m.rotation.u.z); rotZV.append(m.rotation.v.z); rotZW.append(m.rotation.w.z)
        thickness.append(m.thickness); minHalfU.append(m.minHalfU); maxHalfU.append(m.maxHalfU)
        halfV.append(m.halfV); pitchU.append(m.pitchU); pitchV.append(m.pitchV)
    }

    /// The rows in the order `order` (a permutation of `0 ..< count`).
    func permuted(_ order: [Int]) -> ModuleTable {
        var t = ModuleTable()
        t.id = order.map { id[$0] }
        t.centerX = order.map { centerX[$0] }; t.centerY = order.map { centerY[$0] }; t.centerZ = order.map { centerZ[$0] }
        t.rotXU = order.map { rotXU[$0] }; t.rotXV = order.map { rotXV[$0] }; t.rotXW = order.map { rotXW[$0] }
        t.rotYU = order.map { rotYU[$0] }; t.rotYV = order.map { rotYV[$0] }; t.rotYW = order.map { rotYW[$0] }
        t.rotZU = order.map { rotZU[$0] }; t.rotZV = order.map { rotZV[$0] }; t.rotZW = order.map { rotZW[$0] }
        t.thickness = order.map { thickness[$0] }; t.minHalfU = order.map { minHalfU[$0] }
        t.maxHalfU = order.map { maxHalfU[$0] }; t.halfV = order.map { halfV[$0] }
        t.pitchU = order.map { pitchU[$0] }; t.pitchV = order.map { pitchV[$0] }
        return t
    }

    /// Centre of module `i`, mm.
    @inlinable public func center(_ i: Int) -> SIMD3<Double> {
        SIMD3(centerX[i], centerY[i], centerZ[i])
    }

    /// Local-to-global rotation of module `i`.
    @inlinable public func rotation(_ i: Int) -> Rotation3 {
        Rotation3(u: SIMD3(rotXU[i], rotYU[i], rotZU[i]),
                  v: SIMD3(rotXV[i], rotYV[i], rotZV[i]),
                  w: SIMD3(rotXW[i], rotYW[i], rotZW[i]))
    }

    /// Module `i` as one value.
    @inlinable public subscript(i: Int) -> Module {
        Module(id: id[i], center: center(i), rotation: rotation(i), thickness: thickness[i],
               minHalfU: minHalfU[i], maxHalfU: maxHalfU[i], halfV: halfV[i], pitchU: pitchU[i], pitchV: pitchV[i])
    }
}
