/// The optional parts of an event to read, beside the hits (which are always read).
public struct EventParts: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Read-out cells (TrackML `-cells`).
    public static let cells = EventParts(rawValue: 1 << 0)
    /// Generated particles (TrackML `-particles`).
    public static let particles = EventParts(rawValue: 1 << 1)
    /// Per-hit truth (TrackML `-truth`).
    public static let truth = EventParts(rawValue: 1 << 2)
    /// Every optional part.
    public static let all: EventParts = [.cells, .particles, .truth]
}
