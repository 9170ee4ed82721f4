#if canImport(Glibc)
import Glibc
#endif
import CWeftHeader
import Weft

@c @implementation
public func weft_engine_create(_ configJSON: UnsafePointer<CChar>?, _ engine: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    Boundary.run("weft_engine_create") {
        guard let engine else { throw APIError.null("engine", in: "weft_engine_create") }
        engine.pointee = nil
        var config = ReconstructionConfig()
        if let configJSON {
            let text = UnsafeRawPointer(configJSON).assumingMemoryBound(to: UInt8.self)
            config = try ReconstructionConfig(json: Array(UnsafeBufferPointer(start: text, count: strlen(configJSON))))
        }
        let storage = try EngineStorage(engine: try ReconstructionEngine(config: config), function: "weft_engine_create")
        engine.pointee = Handle.retained(storage)
        return WEFT_OK
    }
}

@c @implementation
public func weft_engine_free(_ engine: OpaquePointer?) {
    guard let engine else { return }
    Handle.release(EngineStorage.self, engine)
}

@c @implementation
public func weft_engine_config(_ engine: OpaquePointer?) -> UnsafePointer<CChar>? {
    guard let engine else {
        Boundary.fail("weft_engine_config: argument 'engine' is NULL")
        return nil
    }
    return UnsafePointer(Handle.object(EngineStorage.self, engine).configJSON)
}
