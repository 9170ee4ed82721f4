/// Reusable scratch memory for ``InteractionNetwork`` forward and backward passes.
///
/// Buffers grow to the largest graph seen and are then reused: repeated calls allocate nothing.
/// A workspace is not thread-safe; give each thread its own. The network itself is immutable and
/// may be shared.
public final class InteractionNetworkWorkspace {
    var topology = GraphTopology()
    // Standardised inputs.
    let nodeInput = ScratchBuffer(), edgeInput = ScratchBuffer()
    // Inference: current latents, two temporaries per kind, the node-update input [x, Σin, Σout],
    // the node projections gathered by the edge layers, and the logits.
    let nodeLatent = ScratchBuffer(), edgeLatent = ScratchBuffer()
    let nodeTemp = (ScratchBuffer(), ScratchBuffer()), edgeTemp = (ScratchBuffer(), ScratchBuffer())
    let nodeConcat = ScratchBuffer()
    let projectSource = ScratchBuffer(), projectTarget = ScratchBuffer()
    let logits = ScratchBuffer()
    // Recorded forward pass (training): one record per dense-layer application, latents per step.
    var records: [LayerRecord] = []
    var recordCount = 0
    var tape = Tape()
    var nodeLatents: [ScratchBuffer] = [], edgeLatents: [ScratchBuffer] = [], nodeConcats: [ScratchBuffer] = []
    // Backward.
    let edgeGrad = ScratchBuffer(), nodeGrad = ScratchBuffer()
    let edgeGradTemp = (ScratchBuffer(), ScratchBuffer()), nodeGradTemp = (ScratchBuffer(), ScratchBuffer())
    let nodeConcatGrad = ScratchBuffer()
    let projectGradSource = ScratchBuffer(), projectGradTarget = ScratchBuffer()
    let logitGrad = ScratchBuffer()
    let partials = ScratchBuffer(), weightPartials = ScratchBuffer()

    /// An empty workspace; buffers are sized on first use.
    public init() {}

    /// Bytes currently held by the workspace (its peak need so far).
    public var bytesHeld: Int {
        var total = 0
        let buffers: [ScratchBuffer] = [nodeInput, edgeInput, nodeLatent, edgeLatent, nodeTemp.0, nodeTemp.1,
                                        edgeTemp.0, edgeTemp.1, nodeConcat, projectSource, projectTarget, logits,
                                        edgeGrad, nodeGrad, edgeGradTemp.0, edgeGradTemp.1, nodeGradTemp.0,
                                        nodeGradTemp.1, nodeConcatGrad, projectGradSource, projectGradTarget,
                                        logitGrad, partials, weightPartials]
        for b in buffers + nodeLatents + edgeLatents + nodeConcats { total += b.bytes }
        for r in records { total += r.bytes }
        return total
    }

    /// The record for the next dense-layer application of a recorded pass, sized for `rows × width`.
    func nextRecord(rows: Int, width: Int) -> Int {
        if recordCount == records.count { records.append(LayerRecord()) }
        records[recordCount].reserve(rows: rows, width: width)
        recordCount += 1
        return recordCount - 1
    }

    /// The `k`-th buffer of `list`, created on demand and sized for `count` floats.
    static func buffer(_ list: inout [ScratchBuffer], _ k: Int, _ count: Int) -> UnsafeMutablePointer<Float> {
        while list.count <= k { list.append(ScratchBuffer()) }
        return list[k].reserve(count)
    }

    /// Indices into ``records`` of the layers of one recorded forward pass.
    struct Tape {
        var nodeEncoder: [Int] = [], edgeEncoder: [Int] = []
        var nodeSteps: [[Int]] = [], edgeSteps: [[Int]] = []
        var classifier: [Int] = []
        /// Where X_k and E_k (k = 0 … steps) live.
        var nodeLatents: [UnsafeMutablePointer<Float>] = [], edgeLatents: [UnsafeMutablePointer<Float>] = []
    }
}
