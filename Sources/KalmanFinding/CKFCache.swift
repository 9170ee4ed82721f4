import Detector

/// The scratch space of one CKF thread: the trajectory-node arena of the seed being followed (a
/// multi-trajectory: branches share their common nodes through parent links) and small buffers.
///
/// Reused from seed to seed; nothing in the per-seed search allocates once the arena has grown to
/// the largest seed's size.
public final class CKFCache {
    /// What a trajectory node records.
    enum NodeKind: UInt8 {
        /// A hit updated the state.
        case measurement = 0
        /// The best hit was incompatible but not far off: counted, not used.
        case outlier = 1
        /// The module was crossed well inside its outline and held no compatible hit.
        case hole = 2
        /// A crossing that is neither (near a module edge, or the start of a search).
        case passive = 3
        /// A module holding a hit the track already has (the inward search crosses the seed's
        /// modules again): the state is not updated a second time.
        case known = 4
    }

    /// Per node: doubles of predicted x (5) and C (25), filtered x (5) and C (25), and the transport
    /// Jacobian from the parent's surface (25).
    static let stride = 85
    static let predictedX = 0, predictedC = 5, filteredX = 30, filteredC = 35, jacobian = 60

    var parent: [Int32] = []
    var hit: [Int32] = []
    var kind: [NodeKind] = []
    var module: [Int32] = []
    var chi2: [Double] = []
    private(set) var data: UnsafeMutablePointer<Double>
    private var capacity: Int

    /// Scratch doubles for temporaries (smoothed states, noise, flipped states).
    let scratch: UnsafeMutablePointer<Double>
    static let scratchSize = 512

    var branches: [CKFBranch] = []
    var finished: [CKFBranch] = []
    var children: [CKFBranch] = []
    var next: [CKFBranch] = []
    var candidates: [(hit: Int32, chi2: Double)] = []
    var crossings: [(module: Int32, s: Double)] = []
    var path: [Int32] = []
    /// Path length of the last successful prediction, mm.
    var lastPath: Double = 0
    /// The hits of the track being extended inwards (not to be used twice).
    var trackHits: [Int32] = []
    /// The layer of the seed's top hit: the searches from it may cross it again for a hit on an
    /// overlapping module, and a module there without a compatible hit is no hole.
    var topLayer: Int32 = -1
    /// The seed's bottom and middle hits, whose smoothed states (in ``scratch`` from
    /// `CombinatorialKalmanFilter.scratchAnchors`) re-anchor the inward search when it reaches
    /// their modules.
    var anchorHits: [Int32] = []
    /// The layers of the hole nodes of the track being finished (a layer may appear more than once).
    var holeLayers: [Int32] = []

    /// The detector's field, handed to the shim's field callback (see ``fieldContext``).
    let fieldModel: UnsafeMutablePointer<FieldModel>

    /// A cache for a filter working in `field`.
    public init(field: FieldModel) {
        fieldModel = .allocate(capacity: 1)
        fieldModel.initialize(to: field)
        capacity = 256
        data = .allocate(capacity: capacity * Self.stride)
        scratch = .allocate(capacity: Self.scratchSize)
        scratch.initialize(repeating: 0, count: Self.scratchSize)
        branches.reserveCapacity(64); finished.reserveCapacity(64); children.reserveCapacity(16)
        next.reserveCapacity(16); candidates.reserveCapacity(64); crossings.reserveCapacity(16); path.reserveCapacity(64)
    }

    deinit {
        data.deallocate(); scratch.deallocate()
        fieldModel.deinitialize(count: 1); fieldModel.deallocate()
    }

    /// The number of nodes.
    var nodeCount: Int { parent.count }

    /// Forgets every node (keeps the memory).
    func reset() {
        parent.removeAll(keepingCapacity: true); hit.removeAll(keepingCapacity: true)
        kind.removeAll(keepingCapacity: true); module.removeAll(keepingCapacity: true)
        chi2.removeAll(keepingCapacity: true)
        branches.removeAll(keepingCapacity: true); finished.removeAll(keepingCapacity: true)
    }

    /// Appends a node and returns its index; its doubles are uninitialised.
    func addNode(parent p: Int32, hit h: Int32, kind k: NodeKind, module m: Int32, chi2 c: Double) -> Int32 {
        if parent.count == capacity {
            let bigger = UnsafeMutablePointer<Double>.allocate(capacity: 2 * capacity * Self.stride)
            bigger.update(from: data, count: capacity * Self.stride)
            data.deallocate()
            data = bigger
            capacity *= 2
        }
        parent.append(p); hit.append(h); kind.append(k); module.append(m); chi2.append(c)
        return Int32(parent.count - 1)
    }

    /// The doubles of node `n` (see ``stride``).
    @inline(__always) func node(_ n: Int32) -> UnsafeMutablePointer<Double> { data + Int(n) * Self.stride }
}
