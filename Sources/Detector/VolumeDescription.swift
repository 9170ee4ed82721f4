/// One entry of a description's `volumes` array, by its `kind`.
public enum VolumeDescription: Sendable, Equatable {
    /// `"kind": "barrel"`.
    case barrel(BarrelDescription)
    /// `"kind": "endcaps"`: a −z/+z pair of disc volumes.
    case endcaps(EndcapsDescription)

    /// The volume kinds a description may hold.
    static let knownKinds = ["barrel", "endcaps"]

    /// The volume numbers this entry creates.
    public var volumeIDs: [Int32] {
        switch self {
        case .barrel(let b): return [b.id]
        case .endcaps(let e): return [e.negativeID, e.positiveID].compactMap { $0 }
        }
    }

    /// Reads one element of `volumes`.
    init(parsing o: DescriptionObject) throws {
        var o = o
        let kind = try o.string("kind")
        switch kind {
        case "barrel": self = .barrel(try BarrelDescription(parsing: o))
        case "endcaps": self = .endcaps(try EndcapsDescription(parsing: o))
        default:
            throw o.error("kind", line: o.line(of: "kind"),
                          "unknown volume kind '\(kind)' (known: \(Self.knownKinds.joined(separator: ", ")))")
        }
    }
}
