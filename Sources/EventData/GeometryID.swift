/// A detector module identifier packed into 64 bits.
///
/// The bit layout follows the ACTS `GeometryIdentifier` convention so that identifiers can be
/// exchanged with ACTS-based frameworks: volume in bits 56–63, layer in bits 36–47 and the
/// sensitive (module) number in bits 8–27. TrackML `volume_id`, `layer_id` and `module_id`
/// map onto these fields one to one.
public struct GeometryID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The packed 64-bit value.
    public var rawValue: UInt64

    static let volumeShift: UInt64 = 56
    static let layerShift: UInt64 = 36
    static let moduleShift: UInt64 = 8
    static let volumeMask: UInt64 = 0xff
    static let layerMask: UInt64 = 0xfff
    static let moduleMask: UInt64 = 0xfffff

    /// The largest value each field can hold.
    public static let maxVolume: Int32 = 0xff
    public static let maxLayer: Int32 = 0xfff
    public static let maxModule: Int32 = 0xfffff

    /// Wraps an already packed value.
    @inlinable public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Packs a volume, layer and module number.
    ///
    /// - Precondition: each field is non-negative and fits its bit range (see ``isRepresentable(volume:layer:module:)``).
    public init(volume: Int32, layer: Int32, module: Int32) {
        precondition(Self.isRepresentable(volume: volume, layer: layer, module: module),
                     "geometry id fields out of range: \(volume)/\(layer)/\(module)")
        rawValue = UInt64(volume) << Self.volumeShift
            | UInt64(layer) << Self.layerShift
            | UInt64(module) << Self.moduleShift
    }

    /// Whether the three fields fit the packed layout.
    public static func isRepresentable(volume: Int32, layer: Int32, module: Int32) -> Bool {
        (0...maxVolume).contains(volume) && (0...maxLayer).contains(layer) && (0...maxModule).contains(module)
    }

    /// The volume number (TrackML `volume_id`).
    @inlinable public var volume: Int32 { Int32(truncatingIfNeeded: (rawValue >> 56) & 0xff) }
    /// The layer number (TrackML `layer_id`; even numbers in TrackML).
    @inlinable public var layer: Int32 { Int32(truncatingIfNeeded: (rawValue >> 36) & 0xfff) }
    /// The module number within its layer (TrackML `module_id`).
    @inlinable public var module: Int32 { Int32(truncatingIfNeeded: (rawValue >> 8) & 0xfffff) }
    /// The identifier of the layer that holds this module (module field cleared).
    @inlinable public var layerID: GeometryID { GeometryID(rawValue: rawValue & ~(UInt64(0xfffff) << 8)) }

    public static func < (lhs: GeometryID, rhs: GeometryID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "vol=\(volume) lay=\(layer) mod=\(module)" }
}
