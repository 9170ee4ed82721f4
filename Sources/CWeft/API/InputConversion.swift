import CWeftHeader
import Weft

/// Turns the C input structs into the engine's structure-of-arrays event data. Only pointers and
/// counts are checked here (nothing is read through a pointer before its count is known to be
/// addressable); values are checked by the engine, identically for both front doors.
enum InputConversion {
    /// The hits of `input`; rows keep their order and their row number becomes the hit id.
    static func hits(_ input: weft_hit_input, function: StaticString) throws -> Hits {
        let n = try rowCount(input.count, "hits", function: function)
        guard n > 0 else { return Hits() }
        guard let x = input.x else { throw APIError.null("hits->x", in: function) }
        guard let y = input.y else { throw APIError.null("hits->y", in: function) }
        guard let z = input.z else { throw APIError.null("hits->z", in: function) }
        guard let g = input.geometry_id else { throw APIError.null("hits->geometry_id", in: function) }
        return Hits(hitID: (0 ..< Int64(n)).map { $0 },
                    x: Array(UnsafeBufferPointer(start: x, count: n)),
                    y: Array(UnsafeBufferPointer(start: y, count: n)),
                    z: Array(UnsafeBufferPointer(start: z, count: n)),
                    geometryID: UnsafeBufferPointer(start: g, count: n).map(GeometryID.init(rawValue:)))
    }

    /// The cells of `input`.
    static func cells(_ input: weft_cell_input, function: StaticString) throws -> Cells {
        let n = try rowCount(input.count, "cells", function: function)
        guard n > 0 else { return Cells() }
        guard let h = input.hit_index else { throw APIError.null("cells->hit_index", in: function) }
        guard let c0 = input.channel0 else { throw APIError.null("cells->channel0", in: function) }
        guard let c1 = input.channel1 else { throw APIError.null("cells->channel1", in: function) }
        guard let v = input.value else { throw APIError.null("cells->value", in: function) }
        return Cells(hitIndex: Array(UnsafeBufferPointer(start: h, count: n)),
                     channel0: Array(UnsafeBufferPointer(start: c0, count: n)),
                     channel1: Array(UnsafeBufferPointer(start: c1, count: n)),
                     value: Array(UnsafeBufferPointer(start: v, count: n)))
    }

    /// `count` as an `Int`, refused beyond what 32-bit row indices address.
    private static func rowCount(_ count: Int, _ what: String, function: StaticString) throws -> Int {
        // size_t arrives as Int: a count above Int.max shows up negative and is refused too.
        guard count >= 0, count <= Int(Int32.max) else {
            throw APIError(status: WEFT_ERROR_OUT_OF_RANGE,
                           message: "\(function): \(UInt(bitPattern: count)) \(what): at most \(Int32.max) rows can be indexed")
        }
        return count
    }
}
