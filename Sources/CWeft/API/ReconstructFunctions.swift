import CWeftHeader
import Weft

@c @implementation
public func weft_reconstruct(_ engine: OpaquePointer?, _ hits: UnsafePointer<weft_hit_input>?,
                             _ tracks: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    Reconstruction.run("weft_reconstruct", engine: engine, hits: hits, cells: nil, tracks: tracks)
}

@c @implementation
public func weft_reconstruct_with_cells(_ engine: OpaquePointer?, _ hits: UnsafePointer<weft_hit_input>?,
                                        _ cells: UnsafePointer<weft_cell_input>?,
                                        _ tracks: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    Reconstruction.run("weft_reconstruct_with_cells", engine: engine, hits: hits, cells: cells, tracks: tracks)
}

/// The body shared by the two reconstruction entry points.
enum Reconstruction {
    static func run(_ function: StaticString, engine: OpaquePointer?, hits: UnsafePointer<weft_hit_input>?,
                    cells: UnsafePointer<weft_cell_input>?, tracks: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
        Boundary.run(function) {
            guard let tracks else { throw APIError.null("tracks", in: function) }
            tracks.pointee = nil
            guard let engine else { throw APIError.null("engine", in: function) }
            guard let hits else { throw APIError.null("hits", in: function) }
            let start = MonotonicClock.now()
            let eventHits = try InputConversion.hits(hits.pointee, function: function)
            let eventCells = try cells.map { try InputConversion.cells($0.pointee, function: function) }
            let inputSeconds = MonotonicClock.now() - start
            let result = try Handle.object(EngineStorage.self, engine).engine.reconstruct(hits: eventHits, cells: eventCells)
            let storage = try TracksStorage.make(from: result, inputSeconds: inputSeconds, function: function)
            tracks.pointee = Handle.retained(storage)
            return WEFT_OK
        }
    }
}
