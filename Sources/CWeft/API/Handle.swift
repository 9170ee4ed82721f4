/// Conversions between the opaque C handles (`weft_engine *`, `weft_tracks *`) and the Swift
/// objects behind them. A handle holds one retain of its object, taken when it is handed to C and
/// given back by the matching `_free`.
enum Handle {
    /// Hands `object` to C, retained.
    static func retained<T: AnyObject>(_ object: T) -> OpaquePointer {
        OpaquePointer(Unmanaged.passRetained(object).toOpaque())
    }

    /// The object behind a handle, without changing its retain count.
    static func object<T: AnyObject>(_: T.Type, _ handle: OpaquePointer) -> T {
        Unmanaged<T>.fromOpaque(UnsafeRawPointer(handle)).takeUnretainedValue()
    }

    /// Gives back the retain a handle holds (the object is destroyed if that was the last one).
    static func release<T: AnyObject>(_: T.Type, _ handle: OpaquePointer) {
        Unmanaged<T>.fromOpaque(UnsafeRawPointer(handle)).release()
    }
}
