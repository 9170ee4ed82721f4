/// One `Linear → [LayerNorm] → [ReLU]` layer: where its parameters sit in the flat vector.
struct DenseLayer: Equatable, Sendable {
    /// Input width.
    let inputs: Int
    /// Output width.
    let outputs: Int
    /// Offset of the `inputs × outputs` weight matrix.
    let weight: Int
    /// Offset of the `outputs` biases.
    let bias: Int
    /// Offsets of the layer-norm scale and shift (`outputs` each), or nil without normalisation.
    let norm: (scale: Int, shift: Int)?
    /// Whether a ReLU follows.
    let relu: Bool

    static func == (a: DenseLayer, b: DenseLayer) -> Bool {
        a.inputs == b.inputs && a.outputs == b.outputs && a.weight == b.weight && a.bias == b.bias
            && a.norm?.scale == b.norm?.scale && a.norm?.shift == b.norm?.shift && a.relu == b.relu
    }
}
