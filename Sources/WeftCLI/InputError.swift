/// A problem with an input file or the output directory, found at run time: reported as
/// `Error: <message>` with a non-zero exit status (and no usage text, unlike a bad option).
struct InputError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
