extension KeyedDecodingContainer {
    /// The case named by the string at `key`, or nil when the key is absent.
    ///
    /// - Throws: `DecodingError.dataCorrupted` at `key` when the string names no case (the message
    ///   lists the cases), or the container's own errors.
    public func decodeChoiceIfPresent<T: RawRepresentable & CaseIterable>(_ type: T.Type, forKey key: Key) throws -> T?
        where T.RawValue == String {
        guard let name = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let value = T(rawValue: name) else {
            let known = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\"\(name)\" is not one of \(known)")
        }
        return value
    }
}
