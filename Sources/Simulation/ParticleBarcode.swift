/// The particle identifier of simulated particles (TrackML `particle_id`), packed like the ACTS
/// barcode so that its history can be read back from the number.
///
/// Bit layout (most significant first): primary vertex 12 bits (52–63; the hard scatter is 1, pile-up
/// interactions follow), secondary vertex 12 bits (40–51; 0 for particles of the primary vertex, the
/// n-th material interaction or decay of the primary ancestor otherwise), particle 16 bits (24–39;
/// 1-based within the primary vertex), generation 8 bits (16–23; 0 for primaries), sub-particle 16 bits
/// (0–15; 1-based among the products of one secondary vertex). Identifiers are never 0 (0 is noise).
public struct ParticleBarcode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The packed value.
    public let rawValue: UInt64

    /// Largest primary-vertex number (12 bits).
    public static let maxVertex: UInt64 = 0xfff
    /// Largest particle number within a vertex (16 bits).
    public static let maxParticle: UInt64 = 0xffff

    /// Wraps a packed value.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// A primary particle: number `particle` (1-based) of primary vertex `vertex` (1-based).
    ///
    /// - Precondition: both fit their fields and are ≥ 1.
    public init(vertex: UInt64, particle: UInt64) {
        precondition((1 ... Self.maxVertex).contains(vertex) && (1 ... Self.maxParticle).contains(particle),
                     "barcode fields out of range: vertex \(vertex), particle \(particle)")
        rawValue = vertex << 52 | particle << 24
    }

    /// The primary vertex number.
    public var vertex: UInt64 { rawValue >> 52 }
    /// The secondary vertex number (0 for particles of the primary vertex).
    public var secondaryVertex: UInt64 { (rawValue >> 40) & 0xfff }
    /// The particle number within the primary vertex.
    public var particle: UInt64 { (rawValue >> 24) & 0xffff }
    /// The generation (0 for primaries).
    public var generation: UInt64 { (rawValue >> 16) & 0xff }
    /// The sub-particle number among the products of one secondary vertex.
    public var subParticle: UInt64 { rawValue & 0xffff }
    /// Whether the particle comes straight from a primary vertex (no material interaction, no decay
    /// in flight).
    public var isPrimary: Bool { rawValue & 0x000f_ff00_00ff_ffff == 0 }

    /// The barcode of product `index` (1-based) of secondary vertex `secondary` of this particle's
    /// primary ancestor: one generation deeper, same primary vertex and particle number.
    ///
    /// Secondary-vertex numbers saturate at 4095 and sub-particle numbers at 65535; the caller
    /// numbers vertices per primary ancestor, so identifiers stay unique in practice.
    public func daughter(secondaryVertex secondary: UInt64, index: UInt64) -> ParticleBarcode {
        let sv = min(secondary, 0xfff), gen = min(generation + 1, 0xff), sub = min(index, 0xffff)
        return ParticleBarcode(rawValue: vertex << 52 | sv << 40 | particle << 24 | gen << 16 | sub)
    }

    public static func < (a: ParticleBarcode, b: ParticleBarcode) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        "\(rawValue) (vtx \(vertex), sec \(secondaryVertex), part \(particle), gen \(generation), sub \(subParticle))"
    }
}
