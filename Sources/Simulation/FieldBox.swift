import GeometryShim

/// A field evaluation closure behind a stable reference, so that its address can be handed to the
/// shim's C callback as context. Immutable, hence safe to share between threads.
final class FieldBox: Sendable {
    let evaluate: @Sendable (SIMD3<Double>) -> SIMD3<Double>
    init(_ evaluate: @escaping @Sendable (SIMD3<Double>) -> SIMD3<Double>) { self.evaluate = evaluate }

    /// The C callback of the shim: `ctx` is an unretained `FieldBox`.
    static let callback: weft_shim_field_fn = { ctx, pos, b in
        guard let ctx, let pos, let b else { return }
        let box = Unmanaged<FieldBox>.fromOpaque(ctx).takeUnretainedValue()
        let f = box.evaluate(SIMD3(pos[0], pos[1], pos[2]))
        b[0] = f.x; b[1] = f.y; b[2] = f.z
    }
}
