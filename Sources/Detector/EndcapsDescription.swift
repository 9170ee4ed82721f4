/// A pair of end-caps: the same discs at −z and +z, as two volumes (either may be omitted).
///
/// Discs are listed by increasing |z|. On each side the layer numbers grow with signed z:
/// on +z the disc nearest the interaction point is `firstLayerID`, on −z the farthest one is.
/// Consecutive discs differ by `layerIDStep`.
public struct EndcapsDescription: Sendable, Equatable {
    /// Volume number of the −z end-cap, or `nil` for none.
    public var negativeID: Int32?
    /// Volume number of the +z end-cap, or `nil` for none.
    public var positiveID: Int32?
    /// A human-readable name (the volumes get " −z" / " +z" appended).
    public var name: String
    /// The discs by increasing |z|.
    public var discs: [DiscDescription]
    /// The module numbering rule; `nil` numbers ring by ring, φ ascending within a ring.
    public var numbering: NumberingDescription?
    /// Layer number of the first disc (see the type's description).
    public var firstLayerID: Int32
    /// Layer number step between neighbouring discs.
    public var layerIDStep: Int32

    /// An end-cap pair from its parts.
    public init(negativeID: Int32?, positiveID: Int32?, name: String, discs: [DiscDescription],
                numbering: NumberingDescription?, firstLayerID: Int32, layerIDStep: Int32) {
        self.negativeID = negativeID; self.positiveID = positiveID; self.name = name; self.discs = discs
        self.numbering = numbering; self.firstLayerID = firstLayerID; self.layerIDStep = layerIDStep
    }

    /// The layer number of disc `index` (position in ``discs``) on side `side` (−1 or +1).
    public func layerID(disc index: Int, side: Int) -> Int32 {
        let rank = side > 0 ? index : discs.count - 1 - index
        return firstLayerID + Int32(rank) * layerIDStep
    }

    /// Reads a `"kind": "endcaps"` volume pair; a disc's own `rings`/`materialX0` override the pair's.
    init(parsing o: DescriptionObject) throws {
        var o = o
        let maxV = Int(GeometryLimits.maxVolume)
        negativeID = try o.optionalInt("negativeID", in: 0 ... maxV).map(Int32.init)
        positiveID = try o.optionalInt("positiveID", in: 0 ... maxV).map(Int32.init)
        guard negativeID != nil || positiveID != nil else {
            throw o.error("positiveID", line: o.line, "give negativeID, positiveID or both")
        }
        if let n = negativeID, n == positiveID {
            throw o.error("positiveID", line: o.line(of: "positiveID"), "the two end-caps need different volume ids")
        }
        name = try o.optionalString("name") ?? "end-caps"
        numbering = try o.optionalObject("numbering").map(NumberingDescription.init(parsing:))
        firstLayerID = Int32(try o.optionalInt("firstLayerID", in: 0 ... Int(GeometryLimits.maxLayer)) ?? 2)
        layerIDStep = Int32(try o.optionalInt("layerIDStep", in: 1 ... Int(GeometryLimits.maxLayer)) ?? 2)
        let rings = try o.optionalObjects("rings")?.map(RingDescription.init(parsing:))
        let material = try o.optionalDouble("materialX0", in: 0 ... 1, "[0, 1]")
        var discs: [DiscDescription] = []
        let discObjects = try o.objects("discs")
        for var d in discObjects {
            let z = try d.double("z", in: 0 ... 1e6, "[0, 1e6] mm")
            if let last = discs.last, z <= last.z {
                throw d.error("z", line: d.line(of: "z"), "discs must be listed by increasing |z| (\(z) after \(last.z))")
            }
            let own = try d.optionalObjects("rings")?.map(RingDescription.init(parsing:))
            guard let r = own ?? rings else { throw d.error("rings", line: d.line, "missing: give rings in the disc or in its volume") }
            guard let m = try d.optionalDouble("materialX0", in: 0 ... 1, "[0, 1]") ?? material else {
                throw d.error("materialX0", line: d.line, "missing: give materialX0 in the disc or in its volume")
            }
            try d.finish()
            discs.append(DiscDescription(z: z, rings: r, materialX0: m))
        }
        self.discs = discs
        let top = Int(firstLayerID) + (discs.count - 1) * Int(layerIDStep)
        guard top <= Int(GeometryLimits.maxLayer) else {
            throw o.error("discs", line: o.line(of: "discs"), "layer numbers would exceed \(GeometryLimits.maxLayer)")
        }
        try o.finish()
    }
}
