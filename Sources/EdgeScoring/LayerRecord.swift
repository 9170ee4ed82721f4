/// What the backward pass needs from one dense-layer application of a recorded forward pass:
/// the normalised pre-activations x̂, the layer output a (post-ReLU) and the per-row 1/σ.
final class LayerRecord {
    /// x̂ = (z − μ)/σ per row (rows × outputs); unused without layer norm.
    let normalized = ScratchBuffer()
    /// The layer output (rows × outputs).
    let output = ScratchBuffer()
    /// 1/σ per row (rows); unused without layer norm.
    let inverseStd = ScratchBuffer()

    /// Makes room for `rows × width` outputs.
    func reserve(rows: Int, width: Int) {
        normalized.reserve(rows * width)
        output.reserve(rows * width)
        inverseStd.reserve(rows)
    }

    var bytes: Int { normalized.bytes + output.bytes + inverseStd.bytes }
}
