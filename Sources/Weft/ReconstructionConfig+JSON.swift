import Foundation

extension ReconstructionConfig {
    /// Parses a JSON document (UTF-8).
    ///
    /// - Throws: ``ReconstructionError/invalidConfig(field:reason:)`` naming the JSON path at fault
    ///   for malformed JSON, a value of the wrong kind or an unknown field. Value ranges are checked
    ///   when an engine is built from the configuration.
    public init(json: [UInt8]) throws {
        let data = Data(json)
        do {
            self = try JSONDecoder().decode(ReconstructionConfig.self, from: data)
        } catch let error as DecodingError {
            // JSONDecoder says only "not valid JSON"; JSONSerialization says where.
            if case let .dataCorrupted(c) = error, c.codingPath.isEmpty,
               let located = Self.syntaxError(in: data) {
                throw ReconstructionError.invalidConfig(field: "", reason: "not valid JSON: \(located)")
            }
            throw Self.configError(error)
        }
    }

    /// The configuration as one line of JSON with sorted keys (complete: every default written out).
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The engine error for a decoding failure, with the dotted JSON path of the field
    /// (`ckf.seeding.passes[1].min_pt`).
    static func configError(_ error: DecodingError) -> ReconstructionError {
        func path(_ keys: [CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let i = key.intValue { text += "[\(i)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text
        }
        switch error {
        case let .typeMismatch(type, c):
            return .invalidConfig(field: path(c.codingPath), reason: "expected \(Self.kind(of: type))")
        case let .valueNotFound(type, c):
            return .invalidConfig(field: path(c.codingPath), reason: "expected \(Self.kind(of: type)), found null")
        case let .keyNotFound(key, c):
            return .invalidConfig(field: path(c.codingPath + [key]), reason: "is missing")
        case let .dataCorrupted(c):
            var reason = c.debugDescription
            if let underlying = c.underlyingError { reason += " (\(underlying))" }
            return .invalidConfig(field: path(c.codingPath), reason: reason)
        @unknown default:
            return .invalidConfig(field: "", reason: "\(error)")
        }
    }

    /// Where a JSON document stops being valid ("Invalid value around character 14."), or `nil`
    /// when it is valid JSON.
    private static func syntaxError(in data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            return ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        }
    }

    /// "a number", "a string", … for a decoded type.
    private static func kind(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Int32.Type, is Int16.Type, is Int64.Type: return "an integer"
        case is Double.Type, is Float.Type: return "a number"
        case is ReconstructionMethod.Type:
            return "one of " + ReconstructionMethod.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "an array" : (name.hasPrefix("Dictionary") ? "an object" : "a \(name)")
        }
    }
}
