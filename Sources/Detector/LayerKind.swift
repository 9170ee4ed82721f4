/// The shape of a detector layer.
public enum LayerKind: String, Sendable, Equatable, CustomStringConvertible {
    /// A cylinder of modules around the beam (module normals roughly radial).
    case barrel
    /// A disc perpendicular to the beam (module normals along z).
    case endcap

    public var description: String { rawValue }
}
