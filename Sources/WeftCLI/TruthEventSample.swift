import ArgumentParser

/// Where the learning commands (`build-module-map`, `train`) take their events with truth from: a
/// directory of events, or events simulated in memory.
struct TruthEventSample: ParsableArguments {
    @Option(help: "Directory of events with truth (TrackML CSV and/or HDF5 stores).")
    var events: String?

    @Option(help: "Simulate this many events in memory instead of reading --events.")
    var simulate: Int?

    @Option(parsing: .unconditional, help: "Pile-up μ of simulated events.")
    var mu: Double = 200

    @Option(help: "Seed of simulated events.")
    var seed: UInt64 = 1

    @Option(help: "Number of the first simulated event.")
    var firstEvent: UInt64 = 0

    func validate() throws {
        guard (events == nil) != (simulate == nil) else { throw ValidationError("give exactly one of --events DIR or --simulate N") }
        if let n = simulate, n < 1 { throw ValidationError("--simulate must be at least 1") }
        guard mu.isFinite, mu >= 0 else { throw ValidationError("--mu must be ≥ 0") }
    }

    /// How the simulated sample of `count` events starting at ``firstEvent`` is described in provenance records.
    func simulatedDescription(count: Int) -> String {
        "simulated tt̄ + pile-up μ = \(mu), seed \(seed), events \(firstEvent)…\(firstEvent + UInt64(count) - 1)"
    }
}
