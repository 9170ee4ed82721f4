import Detector
import EventData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The seeding configuration checked against a detector, with every derived quantity computed once:
/// the layer links, the space-point grid layout and the curvature and scattering constants.
///
/// Built by a throwing initialiser; immutable and shareable between threads afterwards.
public struct SeedingDerivedConfig: Sendable {
    /// The configuration it was derived from.
    public let config: SeedingConfig
    /// Which seeding layers may form triplets.
    public let links: SeedingLayerLinks
    /// Field along z at the origin, T (its sign fixes the charge of a seed).
    public let bz: Double
    /// Transverse momentum per mm of curvature radius, GeV/mm: 0.299792458e-3 · |Bz|.
    public let ptPerRadius: Double
    /// Smallest curvature radius of a seed, mm: ``SeedingConfig/minPt`` / ``ptPerRadius``.
    public let minRadius: Double
    /// Highland multiple-scattering constant of one seed gap, GeV:
    /// 0.0136 · √X · (1 + 0.038 ln X) with X = ``SeedingConfig/scatteringRadiationLength``.
    public let highland: Double
    /// Per seeding slot: barrel (grid in φ × z) or end-cap (grid in φ × r).
    public let slotKind: [LayerKind]
    /// Per seeding slot: lower edge of the z (barrel) or r (end-cap) axis of its grid, mm.
    public let slotCoordinateMin: [Double]
    /// Per seeding slot: bin width of the z or r axis, mm.
    public let slotCoordinateWidth: [Double]
    /// Per seeding slot: number of z or r bins.
    public let slotCoordinateBins: [Int32]
    /// Per seeding slot: index of its first grid bin; the last entry is the total bin count.
    public let slotBinOffset: [Int32]
    /// Per seeding slot: smallest and largest radius of its modules (grown by the link tolerance), mm.
    public let slotRadiusRange: [ClosedRange<Double>]
    /// Per seeding slot: smallest and largest z of its modules (grown by the link tolerance), mm.
    public let slotZRange: [ClosedRange<Double>]

    /// Checks `config` and derives everything the seed finder needs for `detector`.
    ///
    /// - Throws: ``SeedingError/invalidConfig(field:reason:)`` for out-of-range fields,
    ///   ``SeedingError/unknownVolume(field:volume:known:)`` for a seeding volume the detector lacks,
    ///   and an invalid-config error when the field is zero (seeds need curvature) or the seeding
    ///   layers allow no triplet at all.
    public init(config: SeedingConfig, detector: Detector) throws {
        try config.validate()
        let known = detector.volumes.map(\.id)
        for v in config.seedingVolumes where !known.contains(v) {
            throw SeedingError.unknownVolume(field: SeedingConfig.CodingKeys.seedingVolumes.rawValue, volume: v, known: known)
        }
        let bz = detector.field.nominalBz
        guard bz != 0, bz.isFinite else {
            throw SeedingError.invalidConfig(field: "detector field", reason: "seeding needs a non-zero solenoid field, got \(bz) T")
        }
        self.config = config
        self.bz = bz
        ptPerRadius = PhysicsConstants.curvatureConstant * abs(bz)
        minRadius = config.minPt / ptPerRadius
        let x = config.scatteringRadiationLength
        highland = 0.0136 * x.squareRoot() * (1 + 0.038 * log(x))
        links = SeedingLayerLinks(detector: detector, volumes: config.seedingVolumes, middleVolumes: config.middleVolumes,
                                  collisionRegionZ: config.collisionRegionZ, etaMax: config.layerLinkEtaMax,
                                  tolerance: config.layerLinkTolerance, maxSkipped: config.maxSkippedLayers)
        guard links.bottomSlots.contains(where: { !$0.isEmpty }) else {
            throw SeedingError.invalidConfig(field: SeedingConfig.CodingKeys.seedingVolumes.rawValue,
                                             reason: "the layers of volumes \(config.seedingVolumes) allow no triplet")
        }
        var kind: [LayerKind] = [], cmin: [Double] = [], cw: [Double] = [], cn: [Int32] = [], offsets: [Int32] = [0]
        var rr: [ClosedRange<Double>] = [], zr: [ClosedRange<Double>] = []
        let tol = config.layerLinkTolerance
        for li in links.layerIndices {
            let layer = detector.layers[Int(li)]
            kind.append(layer.kind)
            let (lo, hi, width) = layer.kind == .barrel
                ? (layer.zMin - tol, layer.zMax + tol, config.gridZBinWidth)
                : (max(0, layer.rMin - tol), layer.rMax + tol, config.gridRBinWidth)
            let bins = max(1, Int(((hi - lo) / width).rounded(.up)))
            cmin.append(lo); cw.append(width); cn.append(Int32(bins))
            offsets.append(offsets.last! + Int32(bins * config.gridPhiBins))
            rr.append(max(0, layer.rMin - tol) ... layer.rMax + tol)
            zr.append(layer.zMin - tol ... layer.zMax + tol)
        }
        slotKind = kind; slotCoordinateMin = cmin; slotCoordinateWidth = cw; slotCoordinateBins = cn
        slotBinOffset = offsets; slotRadiusRange = rr; slotZRange = zr
    }

    /// The φ bin of azimuth `phi` (rad, any value in [−π, π]).
    @inline(__always) func phiBin(_ phi: Double) -> Int {
        let n = config.gridPhiBins
        let b = Int(((phi + Double.pi) / (2 * Double.pi) * Double(n)).rounded(.down))
        return min(max(b, 0), n - 1)
    }

    /// The z (barrel) or r (end-cap) bin of `coordinate` (mm) in `slot`, clamped to the axis.
    @inline(__always) func coordinateBin(_ coordinate: Double, slot: Int) -> Int {
        let b = Int(((coordinate - slotCoordinateMin[slot]) / slotCoordinateWidth[slot]).rounded(.down))
        return min(max(b, 0), Int(slotCoordinateBins[slot]) - 1)
    }
}
