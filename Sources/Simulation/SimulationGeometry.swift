import Detector

/// The detector as the simulation navigates it: sensors packed for the propagation loop, one
/// ``LayerGrid`` per layer, barrel layers ordered by radius and end-cap discs by z, and the world
/// boundary. Built once per detector; immutable and shared by all threads.
struct SimulationGeometry: Sendable {
    /// One sensor per module index of the detector.
    let sensors: [SensorSurface]
    /// One grid per layer index of the detector.
    let grids: [LayerGrid]
    /// Barrel navigation surfaces sorted by radius, and those radii (mm).
    let barrelSurfaces: [NavigationSurface], barrelRadii: [Double]
    /// End-cap navigation surfaces sorted by z, and those z (mm).
    let discSurfaces: [NavigationSurface], discZ: [Double]
    /// Particles leaving the cylinder r < worldRadius, |z| < worldHalfLength (mm) are not followed.
    let worldRadius: Double, worldHalfLength: Double

    /// Builds the navigation tables of `detector`.
    ///
    /// - Throws: ``SimulationError/unsupportedDetector(_:)`` when the detector has no layers.
    init(detector: Detector) throws {
        guard !detector.layers.isEmpty, detector.modules.count > 0 else {
            throw SimulationError.unsupportedDetector("\(detector.name) has no layers")
        }
        var sensors = [SensorSurface]()
        sensors.reserveCapacity(detector.modules.count)
        var layerOfModule = [Int32](repeating: -1, count: detector.modules.count)
        for (l, layer) in detector.layers.enumerated() {
            for m in layer.modules { layerOfModule[Int(m)] = Int32(l) }
        }
        for i in 0 ..< detector.modules.count {
            guard layerOfModule[i] >= 0 else {
                throw SimulationError.unsupportedDetector("module \(detector.modules.id[i]) belongs to no layer")
            }
            sensors.append(SensorSurface(detector.modules[i], layer: layerOfModule[i]))
        }
        let grids = detector.layers.map { LayerGrid(layer: $0, sensors: sensors) }
        let barrel = grids.indices.filter { grids[$0].kind == .barrel }.sorted { grids[$0].reference < grids[$1].reference }
        let discs = grids.indices.filter { grids[$0].kind == .endcap }.sorted { grids[$0].reference < grids[$1].reference }
        self.sensors = sensors
        self.grids = grids
        barrelSurfaces = NavigationSurface.group(barrel, grids: grids); barrelRadii = barrelSurfaces.map(\.reference)
        discSurfaces = NavigationSurface.group(discs, grids: grids); discZ = discSurfaces.map(\.reference)
        var rMax = 0.0, zMax = 0.0
        for s in sensors {
            for c in s.corners {
                rMax = max(rMax, (c.x * c.x + c.y * c.y).squareRoot()); zMax = max(zMax, abs(c.z))
            }
        }
        worldRadius = rMax + 10
        worldHalfLength = zMax + 10
    }
}
