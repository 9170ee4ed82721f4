/// A parsed JSON value that remembers the line it starts on, so that description errors can name it.
struct JSONNode: Sendable {
    /// The kinds of JSON value.
    enum Value: Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONNode])
        /// Members in file order (keys are unique: the parser rejects duplicates).
        case object([(key: String, node: JSONNode)])
    }

    /// The value.
    let value: Value
    /// The 1-based line on which the value starts.
    let line: Int

    /// A short name of the value's kind, for error messages.
    var kindName: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
