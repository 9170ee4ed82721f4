/// C strings in static storage, for functions that return text the caller never frees.
enum StaticCString {
    /// The C string of a string literal (its UTF-8 bytes live in the library image, NUL-terminated).
    static func of(_ literal: StaticString) -> UnsafePointer<CChar> {
        UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    /// "".
    static var empty: UnsafePointer<CChar> { of("") }
}
