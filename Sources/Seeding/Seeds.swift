/// Triplet seeds, structure-of-arrays: three hits (bottom, middle, top, from the inside out) and the
/// seed's quality.
public struct Seeds: Sendable, Equatable {
    /// Hit row (in the event's ``EventData/Hits``) of the innermost hit.
    public private(set) var bottom: [Int32] = []
    /// Hit row of the middle hit.
    public private(set) var middle: [Int32] = []
    /// Hit row of the outermost hit.
    public private(set) var top: [Int32] = []
    /// Seed quality (dimensionless; larger is better): confirmations minus an impact penalty.
    public private(set) var quality: [Float] = []
    /// Signed transverse curvature of the seed circle, 1/mm (sign in the frame of the middle hit:
    /// positive turns counter-clockwise seen from +z).
    public private(set) var curvature: [Float] = []
    /// Transverse impact parameter |d0| of the seed circle to the beam line, mm.
    public private(set) var impact: [Float] = []
    /// Longitudinal position of the bottom–middle line at r = 0, mm.
    public private(set) var z0: [Float] = []
    /// Number of confirming triplets (other tops on other layers with the same curvature).
    public private(set) var confirmations: [Int16] = []

    /// No seeds.
    public init() {}

    /// The number of seeds.
    public var count: Int { bottom.count }

    /// Appends one seed.
    public mutating func append(bottom b: Int32, middle m: Int32, top t: Int32, quality q: Float,
                                curvature k: Float, impact d: Float, z0 z: Float, confirmations c: Int16) {
        bottom.append(b); middle.append(m); top.append(t); quality.append(q)
        curvature.append(k); impact.append(d); z0.append(z); confirmations.append(c)
    }

    /// Appends every seed of `other`, in order.
    public mutating func append(contentsOf other: Seeds) {
        bottom += other.bottom; middle += other.middle; top += other.top; quality += other.quality
        curvature += other.curvature; impact += other.impact; z0 += other.z0; confirmations += other.confirmations
    }

    /// The hits of seed `i`, inside out.
    public func hits(_ i: Int) -> (Int32, Int32, Int32) { (bottom[i], middle[i], top[i]) }

    /// Seed indices ordered best first: by quality, then by index (a total, deterministic order).
    public func orderedByQuality() -> [Int32] {
        Array(0 ..< Int32(count)).sorted { a, b in
            let qa = quality[Int(a)], qb = quality[Int(b)]
            if qa != qb { return qa > qb }
            return a < b
        }
    }
}
