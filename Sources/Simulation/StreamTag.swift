/// The first stream id of every random stream, one per stage, so that stages never share a stream.
enum StreamTag {
    /// Number of pile-up interactions of an event.
    static let pileupCount: UInt64 = 1
    /// Particles of one interaction (third key: the vertex number).
    static let interaction: UInt64 = 2
    /// Material effects and secondaries of one primary particle and its descendants (third key: the barcode).
    static let propagation: UInt64 = 3
    /// Charge deposition and clustering on one module (third key: the module index).
    static let digitization: UInt64 = 4
    /// Noise hits of one layer (third key: the layer index).
    static let noise: UInt64 = 5
}
