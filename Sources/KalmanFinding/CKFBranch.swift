/// One branch (track candidate under construction) of the combinatorial Kalman filter: its last
/// trajectory node, whose filtered state is the branch's current state, and its counters.
struct CKFBranch {
    /// The last node in the ``CKFCache`` arena (its filtered state is the current state).
    var node: Int32
    /// Layer of the last crossing (the navigation skips it when looking for the next layer).
    var layer: Int32
    /// Layer whose material was last added (each layer's material is added once).
    var materialLayer: Int32
    /// Path length from the node's surface below which the navigation looks no further, mm (past a
    /// layer crossed without touching a module).
    var searchFrom: Double
    var measurements: Int16 = 0
    var holes: Int16 = 0
    var outliers: Int16 = 0
    var consecutiveHoles: Int16 = 0
    var steps: Int16 = 0
    /// Sum of the χ² of the updates (the seed's bottom hit excluded).
    var chi2: Double = 0
    /// Path length travelled, mm.
    var path: Double = 0
}
