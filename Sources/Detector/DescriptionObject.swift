/// Typed, path-aware access to one JSON object of a detector description.
///
/// Every accessor throws ``DetectorError/malformedDescription(file:line:field:reason:)`` naming the
/// file, the line of the offending value and its JSON path. ``finish()`` rejects keys that no
/// accessor asked for, so a misspelt field is an error rather than a silently ignored default.
/// A key `"comment"` (any value) is allowed everywhere and ignored.
struct DescriptionObject {
    let file: String
    /// The JSON path of this object (`volumes[2]`), empty for the document root.
    let path: String
    let line: Int
    private let members: [(key: String, node: JSONNode)]
    private var used: Set<String> = ["comment"]

    init(_ node: JSONNode, file: String, path: String) throws {
        guard case .object(let m) = node.value else {
            throw DetectorError.malformedDescription(file: file, line: node.line, field: path,
                                                     reason: "expected an object, found \(node.kindName)")
        }
        self.file = file
        self.path = path
        self.line = node.line
        self.members = m
    }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func error(_ key: String, line: Int, _ reason: String) -> DetectorError {
        .malformedDescription(file: file, line: line, field: fieldPath(key), reason: reason)
    }

    private mutating func node(_ key: String) -> JSONNode? {
        used.insert(key)
        return members.first { $0.key == key }?.node
    }

    private mutating func required(_ key: String) throws -> JSONNode {
        guard let n = node(key) else {
            throw DetectorError.malformedDescription(file: file, line: line, field: fieldPath(key),
                                                     reason: "missing required field")
        }
        return n
    }

    /// Whether the object has `key` (marks it as used).
    mutating func has(_ key: String) -> Bool { node(key) != nil }

    /// A required finite number, optionally restricted to a range.
    mutating func double(_ key: String, in range: ClosedRange<Double>? = nil, _ what: String = "") throws -> Double {
        try number(try required(key), key, range, what)
    }

    /// An optional finite number (`nil` when absent).
    mutating func optionalDouble(_ key: String, in range: ClosedRange<Double>? = nil, _ what: String = "") throws -> Double? {
        guard let n = node(key) else { return nil }
        return try number(n, key, range, what)
    }

    private func number(_ n: JSONNode, _ key: String, _ range: ClosedRange<Double>?, _ what: String) throws -> Double {
        guard case .number(let v) = n.value else { throw error(key, line: n.line, "expected a number, found \(n.kindName)") }
        if let r = range, !r.contains(v) {
            throw error(key, line: n.line, "value \(v) is outside the allowed range \(what.isEmpty ? "\(r)" : what)")
        }
        return v
    }

    /// A required integer (a JSON number without fraction), optionally restricted to a range.
    mutating func int(_ key: String, in range: ClosedRange<Int>) throws -> Int {
        try integer(try required(key), key, range)
    }

    /// An optional integer (`nil` when absent).
    mutating func optionalInt(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let n = node(key) else { return nil }
        return try integer(n, key, range)
    }

    private func integer(_ n: JSONNode, _ key: String, _ range: ClosedRange<Int>) throws -> Int {
        guard case .number(let v) = n.value else { throw error(key, line: n.line, "expected an integer, found \(n.kindName)") }
        guard v.rounded() == v, let i = Int(exactly: v) else { throw error(key, line: n.line, "expected an integer, found \(v)") }
        guard range.contains(i) else { throw error(key, line: n.line, "value \(i) is outside the allowed range \(range)") }
        return i
    }

    /// A required string.
    mutating func string(_ key: String) throws -> String {
        let n = try required(key)
        guard case .string(let s) = n.value else { throw error(key, line: n.line, "expected a string, found \(n.kindName)") }
        return s
    }

    /// An optional string.
    mutating func optionalString(_ key: String) throws -> String? {
        guard let n = node(key) else { return nil }
        guard case .string(let s) = n.value else { throw error(key, line: n.line, "expected a string, found \(n.kindName)") }
        return s
    }

    /// A required nested object.
    mutating func object(_ key: String) throws -> DescriptionObject {
        try DescriptionObject(try required(key), file: file, path: fieldPath(key))
    }

    /// An optional nested object.
    mutating func optionalObject(_ key: String) throws -> DescriptionObject? {
        guard let n = node(key) else { return nil }
        return try DescriptionObject(n, file: file, path: fieldPath(key))
    }

    /// A required, non-empty array of objects.
    mutating func objects(_ key: String) throws -> [DescriptionObject] {
        let n = try required(key)
        return try objectArray(n, key)
    }

    /// An optional array of objects (`nil` when absent; when present it must not be empty).
    mutating func optionalObjects(_ key: String) throws -> [DescriptionObject]? {
        guard let n = node(key) else { return nil }
        return try objectArray(n, key)
    }

    private func objectArray(_ n: JSONNode, _ key: String) throws -> [DescriptionObject] {
        guard case .array(let items) = n.value else { throw error(key, line: n.line, "expected an array, found \(n.kindName)") }
        guard !items.isEmpty else { throw error(key, line: n.line, "must not be empty") }
        return try items.enumerated().map { k, item in
            try DescriptionObject(item, file: file, path: "\(fieldPath(key))[\(k)]")
        }
    }

    /// The line of `key`'s value (the object's own line when absent).
    func line(of key: String) -> Int { members.first { $0.key == key }?.node.line ?? line }

    /// Rejects every key that no accessor read.
    func finish() throws {
        for (key, n) in members where !used.contains(key) {
            throw error(key, line: n.line, "unknown field (misspelt, or not valid here)")
        }
    }
}
