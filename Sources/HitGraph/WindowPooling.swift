/// Which truth doublets a module pair's windows are learned from.
public enum WindowPooling: String, Codable, Sendable, CaseIterable {
    /// Only the pair's own doublets (as the GNN4ITk module map). Needs very large samples: a pair seen
    /// n times misses about 2/(n + 1) of new doublets.
    case modulePair = "module_pair"
    /// The doublets of every pair between the same two *rings*: modules of one layer at the same
    /// centre radius and z (to 0.1 mm), which are copies of each other rotated about the beam line.
    /// The detector and the physics are φ-symmetric, so these pairs share their window
    /// distributions; pooling them gives each window 10–100× more doublets.
    case ringPair = "ring_pair"
}
