/// Settings of ``TrackBuilder``. JSON keys are snake_case; every field has a default, and a field
/// missing from the JSON takes it (older model files decode unchanged).
public struct TrackBuildingConfig: Codable, Equatable, Sendable {
    /// Edges with a score strictly above this are kept (dimensionless, in [0, 1]; default 0.5).
    public var scoreCut: Float
    /// Tracks with fewer hits are dropped (default 3).
    public var minHits: Int
    /// Whether a hit left out between two consecutive track hits `u → w` is put back as `u → v → w`
    /// when both `u → v` and `v → w` are kept edges (a graph edge that skips a layer outscored the
    /// two edges through the hit; default true).
    public var insertSkippedHits: Bool
    /// Tracks whose transverse momentum, estimated from the circle through the beam line and the
    /// track's middle and last hits, is below this (GeV) are dropped; nil keeps all (default nil).
    /// A graph learned for pT above some cut (the module map's `pt_min`) holds only the first,
    /// outgoing segment of softer particles, which then curl on through many more layers: such a
    /// segment has fewer than half its particle's hits and counts as a fake track.
    public var minPt: Float?
    /// The solenoid field in tesla used by the pT estimate (default 2, the TrackML detector).
    public var fieldBz: Float
    /// Tracks with a hit farther than this from the circle fitted to the track in xy are dropped, mm;
    /// nil: no cut (default nil). See ``TrackHelixFit``.
    public var maxTransverseResidual: Float?
    /// Tracks with a hit farther than this (along z) from the straight line fitted in arc length–z
    /// are dropped, mm; nil: no cut (default nil).
    public var maxLongitudinalResidual: Float?
    /// Tracks whose fitted circle passes farther than this from the beam line (|d0|) are dropped, mm;
    /// nil: no cut (default nil). Costs tracks of particles from displaced decays.
    public var maxTransverseImpact: Float?
    /// Tracks whose fitted helix crosses the beam line's closest approach farther than this from
    /// z = 0 (|z0|) are dropped, mm; nil: no cut (default nil).
    public var maxLongitudinalImpact: Float?
    /// The helix-fit cuts above apply only to tracks with fewer hits than this; nil: to all tracks
    /// (default nil). A long chain of edges that each passed the network is rarely a random
    /// combination of hits, a short one must fit a helix from the beam line to count.
    public var helixCutsBelowHits: Int?
    /// Tracks shorter than this whose estimated pT is below ``lowPtBelow`` are dropped; nil: no such
    /// cut (default nil). A soft particle that the graph follows only over its first, outgoing arc
    /// leaves short segments; a stiff one crosses the whole tracker.
    public var minHitsLowPt: Int?
    /// The estimated pT (GeV) below which ``minHitsLowPt`` applies; nil: no such cut (default nil).
    public var lowPtBelow: Float?
    /// Path ends are joined through edges with a score above this (and not above ``scoreCut``) when
    /// the joined track still fits one helix (``joinMaxTransverseResidual``,
    /// ``joinMaxLongitudinalResidual``); nil: no joins (default nil).
    public var joinScoreCut: Float?
    /// A join is made only when no hit of the joined track is farther than this from its circle in
    /// xy, mm; nil: no such test (default nil). One of the two join tests is needed.
    public var joinMaxTransverseResidual: Float?
    /// A join is made only when no hit of the joined track is farther than this (along z) from its
    /// arc length–z line, mm; nil: no such test (default nil).
    public var joinMaxLongitudinalResidual: Float?
    /// A path's end is merged with the start of another path within this 3D distance (mm) that lies
    /// ahead on its helix, even without a graph edge between them, by the join tests; nil: no merges
    /// (default nil). Needs a join residual cut.
    public var mergeMaxGap: Float?
    /// Unassigned hits within this distance (mm) in xy of a track's helix, between its first and last
    /// hit, join the track (with ``pickMaxLongitudinalResidual``); nil: no pick-up (default nil).
    public var pickMaxTransverseResidual: Float?
    /// The z distance (mm) from the track's arc length–z line within which a hit is picked up; nil:
    /// no pick-up (default nil). Both pick-up tolerances or neither must be set.
    public var pickMaxLongitudinalResidual: Float?
    /// Whether a join or merge also needs the joined track to pass the helix-fit cuts when it is short
    /// enough for them (``helixCutsBelowHits``), not only the looser join tolerances (default false).
    /// Without it, a clean fragment joined to a stray hit can fail the final cuts and lose both.
    public var strictJoins: Bool
    /// A track failing the helix-fit cuts loses its worst-fitting hit (largest residual in units of
    /// ``maxTransverseResidual`` and ``maxLongitudinalResidual``), again up to this many times and never
    /// below ``minHits``, before it is dropped; the hits it loses are free again. nil: a failing track
    /// is dropped whole (default nil).
    public var maxTrimmedHits: Int?
    /// End refinement: free hits within this distance (mm, in xy) of the helix through a track's
    /// hits nearest an end, beyond that end, extend the track (with ``endMaxLongitudinalResidual``,
    /// ``endMaxGap`` and ``endDropResidual``); nil: ends are kept as built (default nil). See
    /// `TrackBuilder.refineEnds(_:hits:scratch:)`.
    public var endMaxTransverseResidual: Float?
    /// The z tolerance (mm, from the arc length–z line, times √(1 + cot²θ)) of the end refinement;
    /// set with ``endMaxTransverseResidual`` and ``endMaxGap`` or not at all.
    public var endMaxLongitudinalResidual: Float?
    /// How far along the helix (mm of transverse arc length) beyond a track's end the end refinement
    /// looks for the next hit.
    public var endMaxGap: Float?
    /// With the end refinement, a track's first hit farther than this (mm) from the helix of the hits
    /// after it — in xy, or in z over √(1 + cot²θ) — is dropped before the track is extended; nil:
    /// no end hit is dropped (default nil).
    public var endDropResidual: Float?

    /// Whether any option needs the hits' positions.
    public var needsHits: Bool {
        minPt != nil || hasShapeCuts || joinScoreCut != nil || mergeMaxGap != nil || pickMaxTransverseResidual != nil
            || endMaxTransverseResidual != nil
    }
    /// Whether any helix-fit cut is set.
    public var hasHelixCuts: Bool {
        maxTransverseResidual != nil || maxLongitudinalResidual != nil || maxTransverseImpact != nil || maxLongitudinalImpact != nil
    }
    /// Whether any cut on the track's shape (helix fit, pT-dependent length) is set.
    public var hasShapeCuts: Bool { hasHelixCuts || (minHitsLowPt != nil && lowPtBelow != nil) }

    /// A validated configuration.
    ///
    /// - Throws: ``TrackBuildingError/invalidConfig(field:reason:)`` for a cut outside [0, 1],
    ///   `minHits < 1`, a negative or non-finite pT or length, or a join cut without a residual cut
    ///   or not below the score cut.
    public init(scoreCut: Float = 0.5, minHits: Int = 3, insertSkippedHits: Bool = true, minPt: Float? = nil,
                fieldBz: Float = 2, maxTransverseResidual: Float? = nil, maxLongitudinalResidual: Float? = nil,
                maxTransverseImpact: Float? = nil, maxLongitudinalImpact: Float? = nil, helixCutsBelowHits: Int? = nil,
                minHitsLowPt: Int? = nil, lowPtBelow: Float? = nil, joinScoreCut: Float? = nil,
                joinMaxTransverseResidual: Float? = nil, joinMaxLongitudinalResidual: Float? = nil,
                mergeMaxGap: Float? = nil, pickMaxTransverseResidual: Float? = nil,
                pickMaxLongitudinalResidual: Float? = nil, strictJoins: Bool = false, maxTrimmedHits: Int? = nil,
                endMaxTransverseResidual: Float? = nil, endMaxLongitudinalResidual: Float? = nil, endMaxGap: Float? = nil,
                endDropResidual: Float? = nil) throws {
        guard (0 ... 1).contains(scoreCut) else { throw TrackBuildingError.invalidConfig(field: "score_cut", reason: "\(scoreCut) is not in [0, 1]") }
        guard minHits >= 1 else { throw TrackBuildingError.invalidConfig(field: "min_hits", reason: "\(minHits) must be at least 1") }
        if let p = minPt, !(p >= 0 && p.isFinite) {
            throw TrackBuildingError.invalidConfig(field: "min_pt", reason: "\(p) must be ≥ 0 GeV")
        }
        guard fieldBz > 0, fieldBz.isFinite else { throw TrackBuildingError.invalidConfig(field: "field_bz", reason: "\(fieldBz) must be > 0 T") }
        for (name, value) in [("max_transverse_residual", maxTransverseResidual), ("max_longitudinal_residual", maxLongitudinalResidual),
                              ("max_transverse_impact", maxTransverseImpact), ("max_longitudinal_impact", maxLongitudinalImpact),
                              ("low_pt_below", lowPtBelow), ("join_max_transverse_residual", joinMaxTransverseResidual),
                              ("join_max_longitudinal_residual", joinMaxLongitudinalResidual),
                              ("pick_max_transverse_residual", pickMaxTransverseResidual),
                              ("pick_max_longitudinal_residual", pickMaxLongitudinalResidual)] {
            if let v = value, !(v >= 0 && v.isFinite) { throw TrackBuildingError.invalidConfig(field: name, reason: "\(v) must be finite and ≥ 0") }
        }
        guard (pickMaxTransverseResidual == nil) == (pickMaxLongitudinalResidual == nil) else {
            throw TrackBuildingError.invalidConfig(field: "pick_max_transverse_residual",
                                                   reason: "pick_max_transverse_residual and pick_max_longitudinal_residual go together")
        }
        guard (endMaxTransverseResidual == nil) == (endMaxLongitudinalResidual == nil),
              (endMaxTransverseResidual == nil) == (endMaxGap == nil) else {
            throw TrackBuildingError.invalidConfig(field: "end_max_transverse_residual",
                                                   reason: "end_max_transverse_residual, end_max_longitudinal_residual and end_max_gap go together")
        }
        if endDropResidual != nil && endMaxGap == nil {
            throw TrackBuildingError.invalidConfig(field: "end_drop_residual", reason: "needs the end refinement (end_max_transverse_residual, …)")
        }
        for (name, value) in [("end_max_transverse_residual", endMaxTransverseResidual),
                              ("end_max_longitudinal_residual", endMaxLongitudinalResidual), ("end_max_gap", endMaxGap),
                              ("end_drop_residual", endDropResidual)] {
            if let v = value, !(v > 0 && v.isFinite) { throw TrackBuildingError.invalidConfig(field: name, reason: "\(v) must be finite and > 0") }
        }
        if let gap = mergeMaxGap {
            guard gap > 0, gap.isFinite else { throw TrackBuildingError.invalidConfig(field: "merge_max_gap", reason: "\(gap) must be finite and > 0") }
            guard joinMaxTransverseResidual != nil || joinMaxLongitudinalResidual != nil else {
                throw TrackBuildingError.invalidConfig(field: "merge_max_gap",
                                                       reason: "merges need join_max_transverse_residual or join_max_longitudinal_residual")
            }
        }
        if let n = helixCutsBelowHits, n < 1 {
            throw TrackBuildingError.invalidConfig(field: "helix_cuts_below_hits", reason: "\(n) must be at least 1")
        }
        if let n = maxTrimmedHits, n < 1 { throw TrackBuildingError.invalidConfig(field: "max_trimmed_hits", reason: "\(n) must be at least 1") }
        if let n = minHitsLowPt, n < 1 { throw TrackBuildingError.invalidConfig(field: "min_hits_low_pt", reason: "\(n) must be at least 1") }
        if let j = joinScoreCut {
            guard j >= 0, j < scoreCut else {
                throw TrackBuildingError.invalidConfig(field: "join_score_cut", reason: "\(j) must be in [0, score_cut)")
            }
            guard joinMaxTransverseResidual != nil || joinMaxLongitudinalResidual != nil else {
                throw TrackBuildingError.invalidConfig(field: "join_score_cut",
                                                       reason: "joins need join_max_transverse_residual or join_max_longitudinal_residual")
            }
        }
        self.scoreCut = scoreCut; self.minHits = minHits; self.insertSkippedHits = insertSkippedHits
        self.minPt = minPt; self.fieldBz = fieldBz
        self.maxTransverseResidual = maxTransverseResidual; self.maxLongitudinalResidual = maxLongitudinalResidual
        self.maxTransverseImpact = maxTransverseImpact; self.maxLongitudinalImpact = maxLongitudinalImpact
        self.helixCutsBelowHits = helixCutsBelowHits
        self.minHitsLowPt = minHitsLowPt; self.lowPtBelow = lowPtBelow; self.joinScoreCut = joinScoreCut
        self.joinMaxTransverseResidual = joinMaxTransverseResidual; self.joinMaxLongitudinalResidual = joinMaxLongitudinalResidual
        self.mergeMaxGap = mergeMaxGap
        self.pickMaxTransverseResidual = pickMaxTransverseResidual; self.pickMaxLongitudinalResidual = pickMaxLongitudinalResidual
        self.strictJoins = strictJoins; self.maxTrimmedHits = maxTrimmedHits
        self.endMaxTransverseResidual = endMaxTransverseResidual; self.endMaxLongitudinalResidual = endMaxLongitudinalResidual
        self.endMaxGap = endMaxGap; self.endDropResidual = endDropResidual
    }

    /// This configuration without the end refinement (a pass whose tracks a later pass's builder
    /// refines at the end of the chain).
    public var withoutEndRefinement: TrackBuildingConfig {
        var c = self
        c.endMaxTransverseResidual = nil; c.endMaxLongitudinalResidual = nil; c.endMaxGap = nil; c.endDropResidual = nil
        return c
    }

    /// This configuration with the given fields replaced (nil keeps the current value), validated.
    ///
    /// - Throws: ``TrackBuildingError/invalidConfig(field:reason:)`` as ``init(scoreCut:minHits:insertSkippedHits:minPt:fieldBz:maxTransverseResidual:maxLongitudinalResidual:maxTransverseImpact:maxLongitudinalImpact:helixCutsBelowHits:minHitsLowPt:lowPtBelow:joinScoreCut:joinMaxTransverseResidual:joinMaxLongitudinalResidual:mergeMaxGap:pickMaxTransverseResidual:pickMaxLongitudinalResidual:strictJoins:maxTrimmedHits:endMaxTransverseResidual:endMaxLongitudinalResidual:endMaxGap:endDropResidual:)``.
    public func overriding(scoreCut: Float? = nil, minHits: Int? = nil, minPt: Float?? = nil) throws -> TrackBuildingConfig {
        try TrackBuildingConfig(scoreCut: scoreCut ?? self.scoreCut, minHits: minHits ?? self.minHits, insertSkippedHits: insertSkippedHits,
                                minPt: minPt ?? self.minPt, fieldBz: fieldBz, maxTransverseResidual: maxTransverseResidual,
                                maxLongitudinalResidual: maxLongitudinalResidual, maxTransverseImpact: maxTransverseImpact,
                                maxLongitudinalImpact: maxLongitudinalImpact, helixCutsBelowHits: helixCutsBelowHits, minHitsLowPt: minHitsLowPt, lowPtBelow: lowPtBelow,
                                joinScoreCut: joinScoreCut.flatMap { $0 < (scoreCut ?? self.scoreCut) ? $0 : nil },
                                joinMaxTransverseResidual: joinMaxTransverseResidual, joinMaxLongitudinalResidual: joinMaxLongitudinalResidual,
                                mergeMaxGap: mergeMaxGap, pickMaxTransverseResidual: pickMaxTransverseResidual,
                                pickMaxLongitudinalResidual: pickMaxLongitudinalResidual, strictJoins: strictJoins,
                                maxTrimmedHits: maxTrimmedHits, endMaxTransverseResidual: endMaxTransverseResidual,
                                endMaxLongitudinalResidual: endMaxLongitudinalResidual, endMaxGap: endMaxGap,
                                endDropResidual: endDropResidual)
    }

    enum CodingKeys: String, CodingKey {
        case scoreCut = "score_cut", minHits = "min_hits", insertSkippedHits = "insert_skipped_hits"
        case minPt = "min_pt", fieldBz = "field_bz"
        case maxTransverseResidual = "max_transverse_residual", maxLongitudinalResidual = "max_longitudinal_residual"
        case maxTransverseImpact = "max_transverse_impact", maxLongitudinalImpact = "max_longitudinal_impact"
        case helixCutsBelowHits = "helix_cuts_below_hits"
        case minHitsLowPt = "min_hits_low_pt", lowPtBelow = "low_pt_below", joinScoreCut = "join_score_cut"
        case joinMaxTransverseResidual = "join_max_transverse_residual", joinMaxLongitudinalResidual = "join_max_longitudinal_residual"
        case mergeMaxGap = "merge_max_gap"
        case pickMaxTransverseResidual = "pick_max_transverse_residual", pickMaxLongitudinalResidual = "pick_max_longitudinal_residual"
        case strictJoins = "strict_joins", maxTrimmedHits = "max_trimmed_hits"
        case endMaxTransverseResidual = "end_max_transverse_residual", endMaxLongitudinalResidual = "end_max_longitudinal_residual"
        case endMaxGap = "end_max_gap", endDropResidual = "end_drop_residual"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(scoreCut: c.decodeIfPresent(Float.self, forKey: .scoreCut) ?? 0.5,
                      minHits: c.decodeIfPresent(Int.self, forKey: .minHits) ?? 3,
                      insertSkippedHits: c.decodeIfPresent(Bool.self, forKey: .insertSkippedHits) ?? true,
                      minPt: c.decodeIfPresent(Float.self, forKey: .minPt),
                      fieldBz: c.decodeIfPresent(Float.self, forKey: .fieldBz) ?? 2,
                      maxTransverseResidual: c.decodeIfPresent(Float.self, forKey: .maxTransverseResidual),
                      maxLongitudinalResidual: c.decodeIfPresent(Float.self, forKey: .maxLongitudinalResidual),
                      maxTransverseImpact: c.decodeIfPresent(Float.self, forKey: .maxTransverseImpact),
                      maxLongitudinalImpact: c.decodeIfPresent(Float.self, forKey: .maxLongitudinalImpact),
                      helixCutsBelowHits: c.decodeIfPresent(Int.self, forKey: .helixCutsBelowHits),
                      minHitsLowPt: c.decodeIfPresent(Int.self, forKey: .minHitsLowPt),
                      lowPtBelow: c.decodeIfPresent(Float.self, forKey: .lowPtBelow),
                      joinScoreCut: c.decodeIfPresent(Float.self, forKey: .joinScoreCut),
                      joinMaxTransverseResidual: c.decodeIfPresent(Float.self, forKey: .joinMaxTransverseResidual),
                      joinMaxLongitudinalResidual: c.decodeIfPresent(Float.self, forKey: .joinMaxLongitudinalResidual),
                      mergeMaxGap: c.decodeIfPresent(Float.self, forKey: .mergeMaxGap),
                      pickMaxTransverseResidual: c.decodeIfPresent(Float.self, forKey: .pickMaxTransverseResidual),
                      pickMaxLongitudinalResidual: c.decodeIfPresent(Float.self, forKey: .pickMaxLongitudinalResidual),
                      strictJoins: c.decodeIfPresent(Bool.self, forKey: .strictJoins) ?? false,
                      maxTrimmedHits: c.decodeIfPresent(Int.self, forKey: .maxTrimmedHits),
                      endMaxTransverseResidual: c.decodeIfPresent(Float.self, forKey: .endMaxTransverseResidual),
                      endMaxLongitudinalResidual: c.decodeIfPresent(Float.self, forKey: .endMaxLongitudinalResidual),
                      endMaxGap: c.decodeIfPresent(Float.self, forKey: .endMaxGap),
                      endDropResidual: c.decodeIfPresent(Float.self, forKey: .endDropResidual))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(scoreCut, forKey: .scoreCut)
        try c.encode(minHits, forKey: .minHits)
        try c.encode(insertSkippedHits, forKey: .insertSkippedHits)
        try c.encode(minPt, forKey: .minPt)
        try c.encode(fieldBz, forKey: .fieldBz)
        // The newer options are written only when set, so that a model without them reads the same
        // in an older build.
        try c.encodeIfPresent(maxTransverseResidual, forKey: .maxTransverseResidual)
        try c.encodeIfPresent(maxLongitudinalResidual, forKey: .maxLongitudinalResidual)
        try c.encodeIfPresent(maxTransverseImpact, forKey: .maxTransverseImpact)
        try c.encodeIfPresent(maxLongitudinalImpact, forKey: .maxLongitudinalImpact)
        try c.encodeIfPresent(helixCutsBelowHits, forKey: .helixCutsBelowHits)
        try c.encodeIfPresent(minHitsLowPt, forKey: .minHitsLowPt)
        try c.encodeIfPresent(lowPtBelow, forKey: .lowPtBelow)
        try c.encodeIfPresent(joinScoreCut, forKey: .joinScoreCut)
        try c.encodeIfPresent(joinMaxTransverseResidual, forKey: .joinMaxTransverseResidual)
        try c.encodeIfPresent(joinMaxLongitudinalResidual, forKey: .joinMaxLongitudinalResidual)
        try c.encodeIfPresent(mergeMaxGap, forKey: .mergeMaxGap)
        try c.encodeIfPresent(pickMaxTransverseResidual, forKey: .pickMaxTransverseResidual)
        try c.encodeIfPresent(pickMaxLongitudinalResidual, forKey: .pickMaxLongitudinalResidual)
        if strictJoins { try c.encode(strictJoins, forKey: .strictJoins) }
        try c.encodeIfPresent(maxTrimmedHits, forKey: .maxTrimmedHits)
        try c.encodeIfPresent(endMaxTransverseResidual, forKey: .endMaxTransverseResidual)
        try c.encodeIfPresent(endMaxLongitudinalResidual, forKey: .endMaxLongitudinalResidual)
        try c.encodeIfPresent(endMaxGap, forKey: .endMaxGap)
        try c.encodeIfPresent(endDropResidual, forKey: .endDropResidual)
    }
}
