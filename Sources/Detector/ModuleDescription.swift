/// The sensor of one module type in a detector description: its (trapezoidal) shape, thickness and
/// readout pitch. Lengths in mm.
public struct ModuleDescription: Sendable, Equatable {
    /// Half length along local u at v = −halfV (the short side of a trapezoid), mm.
    public var minHalfU: Double
    /// Half length along local u at v = +halfV, mm (equal to `minHalfU` for a rectangle).
    public var maxHalfU: Double
    /// Half length along local v, mm.
    public var halfV: Double
    /// Sensor thickness along local w, mm.
    public var thickness: Double
    /// Readout pitch along u, mm.
    public var pitchU: Double
    /// Readout pitch along v, mm.
    public var pitchV: Double

    /// A module type from its dimensions (mm).
    public init(minHalfU: Double, maxHalfU: Double, halfV: Double, thickness: Double, pitchU: Double, pitchV: Double) {
        self.minHalfU = minHalfU; self.maxHalfU = maxHalfU; self.halfV = halfV
        self.thickness = thickness; self.pitchU = pitchU; self.pitchV = pitchV
    }

    /// Reads a `module` object: `halfU` for a rectangle, or `minHalfU` and `maxHalfU` for a trapezoid.
    init(parsing o: DescriptionObject) throws {
        var o = o
        let positive: ClosedRange<Double> = 1e-6 ... 1e5
        let what = "(0, 1e5] mm"
        let half = try o.optionalDouble("halfU", in: positive, what)
        let lo = try o.optionalDouble("minHalfU", in: positive, what)
        let hi = try o.optionalDouble("maxHalfU", in: positive, what)
        switch (half, lo, hi) {
        case let (h?, nil, nil):
            minHalfU = h; maxHalfU = h
        case let (nil, l?, u?):
            minHalfU = l; maxHalfU = u
        default:
            throw o.error("halfU", line: o.line, "give either halfU (rectangle) or both minHalfU and maxHalfU (trapezoid)")
        }
        halfV = try o.double("halfV", in: positive, what)
        thickness = try o.double("thickness", in: 1e-6 ... 100, "(0, 100] mm")
        pitchU = try o.double("pitchU", in: 1e-6 ... 1e5, what)
        pitchV = try o.double("pitchV", in: 1e-6 ... 1e5, what)
        try o.finish()
    }
}
