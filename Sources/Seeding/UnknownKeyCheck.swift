/// Rejects JSON objects with keys a `Codable` configuration does not know, so that a misspelt field
/// is an error instead of being silently replaced by its default.
public struct UnknownKeyCheck: CodingKey {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }

    /// Throws `DecodingError.dataCorrupted` naming the first key of the object at `decoder` that is
    /// not in `known` (and listing the known ones).
    public static func check(_ decoder: Decoder, known: [String], type: String) throws {
        let container = try decoder.container(keyedBy: UnknownKeyCheck.self)
        let allowed = Set(known)
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !allowed.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [key],
                debugDescription: "\(type): unknown field '\(key.stringValue)' (known: \(known.sorted().joined(separator: ", ")))"))
        }
    }
}
