import Detector
import EventData
import GeometryShim
import Seeding

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The field callback of the shim's Runge–Kutta: `ctx` points at the detector's ``FieldModel``.
private let fieldCallback: weft_shim_field_fn = { ctx, position, b in
    let model = ctx!.assumingMemoryBound(to: FieldModel.self)
    let f = model.pointee.field(at: SIMD3(position![0], position![1], position![2]))
    b![0] = f.x; b![1] = f.y; b![2] = f.z
}

extension CombinatorialKalmanFilter {
    /// Scratch offsets (doubles) in ``CKFCache/scratch``.
    private static let scratchNoise = 0, scratchSmoothNext = 32, scratchSmooth = 64, scratchTemp = 96
    /// The smoothed states at the seed's bottom, middle and top hits, 30 doubles each.
    static let scratchAnchors = 128

    /// Follows one seed; nil when no branch reaches ``CKFOptions/minMeasurements``.
    ///
    /// Three passes: the seed's three hits are fitted (bottom, middle, top, each reached by direct
    /// propagation); the branching search runs outwards from the top hit; the best branch is
    /// smoothed back to the bottom hit and searched again inwards from the top hit, against the
    /// flight direction, which adds the hits of overlapping modules on the seed layers and of layers
    /// inside the bottom hit. On reaching the middle or bottom hit's module the inward search takes
    /// the smoothed state there. The seed hits are not used twice.
    func follow(bottom: Int32, middle: Int32, top: Int32, seed: Int32, hits: Hits,
                measurements: Measurements, cache: CKFCache) -> FoundTrack? {
        cache.reset()
        let bottomModule = measurements.module[Int(bottom)]
        let root = cache.addNode(parent: -1, hit: bottom, kind: .measurement, module: bottomModule, chi2: 0)
        let r = cache.node(root)
        guard let module = estimator.estimate(bottom: bottom, middle: middle, top: top, hits: hits, detector: detector,
                                              parameters: r + CKFCache.predictedX, covariance: r + CKFCache.predictedC),
              module == bottomModule else { return nil }
        setIdentity(r + CKFCache.jacobian)
        let b = Int(bottom)
        guard extensions.updater.update(x: r + CKFCache.predictedX, cov: r + CKFCache.predictedC,
                                        u: measurements.u[b], v: measurements.v[b],
                                        vu: measurements.varianceU[b], vv: measurements.varianceV[b],
                                        outX: r + CKFCache.filteredX, outCov: r + CKFCache.filteredC) != nil else { return nil }
        wrapPhi(r + CKFCache.filteredX)
        var seedBranch = CKFBranch(node: root, layer: measurements.layer[b], materialLayer: measurements.layer[b],
                                   searchFrom: 1e-3, measurements: 1)
        // The seed fit: middle and top hits by direct propagation.
        let seedChi2 = moduleFrames.withUnsafeBufferPointer { frames -> Double? in
            var chi2 = 0.0
            for h in [middle, top] {
                let hm = measurements.module[Int(h)], hl = measurements.layer[Int(h)]
                guard let node = predict(from: seedBranch, to: hm, layer: hl, sMax: options.maxPathLength, backward: false,
                                         frames: frames.baseAddress!, cache: cache) else { return nil }
                let n = cache.node(node)
                guard let c = extensions.updater.update(x: n + CKFCache.predictedX, cov: n + CKFCache.predictedC,
                                                        u: measurements.u[Int(h)], v: measurements.v[Int(h)],
                                                        vu: measurements.varianceU[Int(h)], vv: measurements.varianceV[Int(h)],
                                                        outX: n + CKFCache.filteredX, outCov: n + CKFCache.filteredC),
                      c < options.seedChi2Cut else { return nil }
                wrapPhi(n + CKFCache.filteredX)
                cache.kind[Int(node)] = .measurement
                cache.hit[Int(node)] = h
                cache.chi2[Int(node)] = c
                chi2 += c
                seedBranch.node = node
                seedBranch.layer = hl
                seedBranch.materialLayer = hl
                seedBranch.measurements += 1
                seedBranch.path += cache.lastPath
            }
            return chi2
        }
        guard let seedChi2 else { return nil }
        seedBranch.chi2 = seedChi2
        let topNode = seedBranch.node
        // Neither search from the top hit skips its layer: a particle crossing the overlap of two of
        // the layer's modules (staggered barrel staves, the two faces of a disc) leaves a second hit
        // there, and the layer's reference surface lies ahead of the top hit or behind it; whichever
        // search crosses it visits the layer's modules (the top hit's own is passed over).
        seedBranch.layer = -1
        cache.topLayer = measurements.layer[Int(top)]
        search(from: seedBranch, backward: false, measurements: measurements, cache: cache)
        guard let best = bestBranch(cache.finished) else { return nil }

        // The node chain of the best branch, root first, trailing holes and outliers dropped.
        var last = best.node
        while last >= 0 && cache.kind[Int(last)] != .measurement { last = cache.parent[Int(last)] }
        cache.path.removeAll(keepingCapacity: true)
        var n = last
        while n >= 0 { cache.path.append(n); n = cache.parent[Int(n)] }
        cache.path.reverse()
        cache.trackHits.removeAll(keepingCapacity: true)
        var outliers: Int16 = 0
        cache.holeLayers.removeAll(keepingCapacity: true)
        var chi2 = 0.0
        for node in cache.path {
            switch cache.kind[Int(node)] {
            case .measurement:
                cache.trackHits.append(cache.hit[Int(node)])
                if node != root { chi2 += cache.chi2[Int(node)] }
            case .hole: cache.holeLayers.append(layerOfModule(cache.module[Int(node)]))
            case .outlier: outliers += 1
            case .passive, .known: break
            }
        }
        // Smoothed down to the bottom hit: the states at the seed's bottom and middle hits anchor
        // the inward search; the one at the top hit starts it.
        guard let topIndex = cache.path.firstIndex(of: topNode), topIndex <= 2,
              smooth(from: cache.path.count - 1, to: 0, cache: cache, keepBelow: topIndex) else { return nil }
        cache.anchorHits.removeAll(keepingCapacity: true)
        for k in 0 ..< topIndex { cache.anchorHits.append(cache.hit[Int(cache.path[k])]) }
        var trackHits = Array(cache.trackHits)
        // Parameters: the smoothed state at the top hit, carried inwards below when possible.
        for i in 0 ..< 30 { cache.scratch[Self.scratchSmooth + i] = cache.scratch[Self.scratchAnchors + 30 * topIndex + i] }
        let perigeeState = cache.scratch + Self.scratchTemp
        for i in 0 ..< 30 { perigeeState[i] = cache.scratch[Self.scratchSmooth + i] }
        var perigeeModule = measurements.module[Int(top)]

        if options.extendInwards {
            // Inward search from the smoothed top state, flipped to run against the flight direction.
            let inner = cache.addNode(parent: -1, hit: -1, kind: .passive, module: perigeeModule, chi2: 0)
            let p = cache.node(inner)
            for i in 0 ..< 30 { p[CKFCache.predictedX + i] = cache.scratch[Self.scratchSmooth + i] }
            flip(p + CKFCache.predictedX, p + CKFCache.predictedC)
            // The forward filter adds a layer's scattering on arrival, before its hit: the smoothed
            // top state holds the direction after the top layer's material. Inwards, that scattering
            // lies between the top hit and every inner hit, so its noise enters first (and the
            // energy lost in it is given back). Without it the inward predictions on the seed
            // layers are too narrow by θ0 × the lever arm: for 1 GeV in the pixel barrel about
            // 0.1 mm against a predicted σ of 0.05 mm (simulated μ = 200: 38 % of the true
            // pixel-barrel hits the inward search met had χ² > 16).
            addLayerScattering(p + CKFCache.predictedX, module: perigeeModule, layer: measurements.layer[Int(top)], cache: cache)
            for i in 0 ..< 30 { p[CKFCache.filteredX + i] = p[CKFCache.predictedX + i] }
            setIdentity(p + CKFCache.jacobian)
            cache.finished.removeAll(keepingCapacity: true)
            let layer = measurements.layer[Int(top)]
            // Layer -1: the top hit's layer may be crossed again (see the outward search above).
            let inward = CKFBranch(node: inner, layer: -1, materialLayer: layer, searchFrom: 1e-3)
            search(from: inward, backward: true, measurements: measurements, cache: cache)
            if let bestInward = bestBranch(cache.finished) {
                // The innermost node that carries information: a new measurement or a known hit.
                var m = bestInward.node
                while m >= 0 && m != inner && cache.kind[Int(m)] != .measurement && cache.kind[Int(m)] != .known {
                    m = cache.parent[Int(m)]
                }
                if m >= 0 && m != inner {
                    let q = cache.node(m)
                    for i in 0 ..< 30 { perigeeState[i] = q[CKFCache.filteredX + i] }
                    flip(perigeeState, perigeeState + 5)
                    perigeeModule = cache.module[Int(m)]
                }
                var inwardHits: [Int32] = []
                while m >= 0 && m != inner {
                    if cache.kind[Int(m)] == .measurement {
                        inwardHits.append(cache.hit[Int(m)])
                        chi2 += cache.chi2[Int(m)]
                    } else if cache.kind[Int(m)] == .hole {
                        cache.holeLayers.append(layerOfModule(cache.module[Int(m)]))
                    }
                    m = cache.parent[Int(m)]
                }
                if !inwardHits.isEmpty {
                    // New hits inside the seed go first; overlap hits on the seed layers join in
                    // flight order (by their distance from the beam line along the track).
                    trackHits = mergeInFlightOrder(inwardHits, into: trackHits, hits: hits)
                }
            }
        }
        // A hole is a layer the track crossed without a hit: modules of a layer that holds one of its
        // hits (an overlap whose second hit the particle did not leave or the data lacks) and further
        // empty modules of a layer already missed do not add to it.
        // A track has a few holes at most: linear scans, nothing allocated per seed.
        var holes: Int16 = 0
        for (k, layer) in cache.holeLayers.enumerated()
        where !cache.holeLayers[..<k].contains(layer) && !trackHits.contains(where: { measurements.layer[Int($0)] == layer }) {
            holes += 1
        }
        let needed = holes == 0 && outliers == 0 ? min(options.minMeasurements, options.minCleanMeasurements) : options.minMeasurements
        guard trackHits.count >= needed else { return nil }
        let (position, direction) = globalState(perigeeState, module: perigeeModule)
        let parameters = PerigeeConversion.perigee(position: position, direction: direction, qOverP: perigeeState[4],
                                                   bz: detector.field.field(at: SIMD3(0, 0, position.z)).z)
        let state = BoundTrackState(module: perigeeModule, parameters: (0 ..< 5).map { perigeeState[$0] },
                                    covariance: (0 ..< 25).map { perigeeState[5 + $0] })
        return FoundTrack(hits: trackHits, chi2: chi2, measurements: trackHits.count, holes: holes, outliers: outliers,
                          parameters: parameters, seed: seed, innermostState: state)
    }

    /// The detector layer index of module row `module`.
    private func layerOfModule(_ module: Int32) -> Int32 {
        detector.layerIndex(of: detector.modules.id[Int(module)]) ?? -1
    }

    /// `extra` merged into `track` (both ordered along the flight), ordered by 3D distance from the
    /// track's first hit's... origin: hits of one track are ordered by their distance from the beam
    /// spot, which increases monotonically along an outgoing track until its transverse apex.
    private func mergeInFlightOrder(_ extra: [Int32], into track: [Int32], hits: Hits) -> [Int32] {
        func key(_ h: Int32) -> Float {
            let i = Int(h)
            return hits.x[i] * hits.x[i] + hits.y[i] * hits.y[i] + hits.z[i] * hits.z[i]
        }
        var out = track
        for h in extra where !out.contains(h) {
            let k = key(h)
            let at = out.firstIndex { key($0) > k } ?? out.count
            out.insert(h, at: at)
        }
        return out
    }

    /// The best finished branch: most measurements, then fewest holes, then smallest χ², then first.
    private func bestBranch(_ branches: [CKFBranch]) -> CKFBranch? {
        var best: CKFBranch? = nil
        for b in branches {
            guard let c = best else { best = b; continue }
            if b.measurements != c.measurements { if b.measurements > c.measurements { best = b }; continue }
            if b.holes != c.holes { if b.holes < c.holes { best = b }; continue }
            if b.chi2 < c.chi2 { best = b }
        }
        return best
    }

    /// Runs the branching search from `start` until every branch has finished (into `cache.finished`).
    private func search(from start: CKFBranch, backward: Bool, measurements: Measurements, cache: CKFCache) {
        cache.branches.removeAll(keepingCapacity: true)
        cache.branches.append(start)
        var created = 1
        let stopper = extensions.stopper
        moduleFrames.withUnsafeBufferPointer { framesBuffer in
            let frames = framesBuffer.baseAddress!
            while let tip = cache.branches.popLast() {
                let state = cache.node(tip.node) + CKFCache.filteredX
                let (position, direction) = globalState(state, module: cache.module[Int(tip.node)])
                // The look-ahead helix uses the field where the branch stands (exact when uniform).
                let helix = HelixCrossing(position: position, direction: direction, qOverP: state[4],
                                          bz: detector.field.field(at: position).z)
                let radial = backward ? -1 : (options.stopAtTransverseApex ? 1 : 0)
                guard let (layer, sLayer) = navigation.nextLayer(helix, excluding: Int(tip.layer), sMin: tip.searchFrom,
                                                                  sMax: options.maxPathLength - tip.path, radial: radial) else {
                    cache.finished.append(tip)
                    continue
                }
                // Modules of the layer the straight continuation from the layer crossing reaches.
                let (p, d) = helix.point(at: sLayer)
                let cov = cache.node(tip.node) + CKFCache.filteredC
                let sigma = max(cov[0], cov[6], 0).squareRoot()
                let tolerance = options.moduleTolerance + 3 * sigma
                cache.crossings.removeAll(keepingCapacity: true)
                for m in navigation.modules(layer: layer, near: p) {
                    let f = frames + 12 * Int(m)
                    let w = SIMD3(f[5], f[8], f[11])
                    let denom = (d * w).sum()
                    guard abs(denom) > 1e-3 else { continue }
                    let c = SIMD3(f[0], f[1], f[2])
                    let t = ((c - p) * w).sum() / denom
                    let q = p + t * d - c
                    let u = q.x * f[3] + q.y * f[6] + q.z * f[9], v = q.x * f[4] + q.y * f[7] + q.z * f[10]
                    guard detector.contains(u: u, v: v, module: m, tolerance: tolerance) else { continue }
                    cache.crossings.append((m, sLayer + t))
                }
                cache.crossings.sort { $0.s != $1.s ? $0.s < $1.s : $0.module < $1.module }
                var base = tip
                base.layer = Int32(layer)
                base.steps += 1
                cache.children.removeAll(keepingCapacity: true)
                cache.children.append(base)
                for (module, sEstimate) in cache.crossings {
                    cache.next.removeAll(keepingCapacity: true)
                    for child in cache.children {
                        visit(module: module, layer: Int32(layer), sEstimate: sEstimate, branch: child,
                              backward: backward, frames: frames, measurements: measurements, created: &created, cache: cache)
                    }
                    swap(&cache.children, &cache.next)
                }
                for var child in cache.children {
                    child.searchFrom = child.node == tip.node ? sLayer + 0.1 : 1e-3
                    if child.node == tip.node { child.searchFrom = max(child.searchFrom, tip.searchFrom) }
                    if stopper.shouldStop(child) { cache.finished.append(child) } else { cache.branches.append(child) }
                }
            }
        }
    }

    /// Propagates `branch` to `module` (of `layer`), adding the layer's material when the branch has
    /// not crossed it yet: a new node holding the predicted state (kind `.passive`), or nil when the
    /// module is not reached within its outline (grown by ``CKFOptions/moduleTolerance`` and three
    /// standard deviations). The path length is left in ``CKFCache/lastPath``.
    private func predict(from branch: CKFBranch, to module: Int32, layer: Int32, sMax: Double, backward: Bool,
                         frames: UnsafePointer<Double>, cache: CKFCache, material useMaterial: Bool = true) -> Int32? {
        let source = branch.node
        let sourceModule = cache.module[Int(source)]
        guard sourceModule != module else { return nil }
        let node = cache.addNode(parent: source, hit: -1, kind: .passive, module: module, chi2: 0)
        let s = cache.node(source), n = cache.node(node)
        var path = 0.0
        let status: Int32
        if let bz = helixBz {
            status = weft_shim_helix_bound_plane(frames + 12 * Int(sourceModule), frames + 12 * Int(sourceModule) + 3,
                                                 s + CKFCache.filteredX, frames + 12 * Int(module), frames + 12 * Int(module) + 3,
                                                 bz, 0, sMax, n + CKFCache.predictedX, n + CKFCache.jacobian, &path)
        } else {
            var rk = rkOptions
            status = withUnsafePointer(to: &rk) { rkPointer in
                weft_shim_rk_bound_plane(frames + 12 * Int(sourceModule), frames + 12 * Int(sourceModule) + 3,
                                         s + CKFCache.filteredX, frames + 12 * Int(module), frames + 12 * Int(module) + 3,
                                         fieldCallback, UnsafeMutableRawPointer(cache.fieldModel),
                                         rkPointer, 0, sMax, n + CKFCache.predictedX, n + CKFCache.jacobian, &path)
            }
        }
        guard status == WEFT_SHIM_OK else { dropLast(cache); return nil }
        wrapPhi(n + CKFCache.predictedX)
        var noise: UnsafePointer<Double>? = nil
        if useMaterial, let material = extensions.material, branch.materialLayer != layer {
            let f = frames + 12 * Int(module)
            let x = n + CKFCache.predictedX
            let sinT = sin(x[3])
            let dir = SIMD3(sinT * cos(x[2]), sinT * sin(x[2]), cos(x[3]))
            let cosIncidence = abs((dir * SIMD3(f[5], f[8], f[11])).sum())
            material.apply(parameters: x, noise: cache.scratch + Self.scratchNoise, x0: layerMaterial[Int(layer)],
                           cosIncidence: cosIncidence, backward: backward)
            noise = UnsafePointer(cache.scratch + Self.scratchNoise)
        }
        guard extensions.updater.transport(jacobian: n + CKFCache.jacobian, cov: s + CKFCache.filteredC, noise: noise,
                                           out: n + CKFCache.predictedC) else {
            dropLast(cache); return nil
        }
        let x = n + CKFCache.predictedX, c = n + CKFCache.predictedC
        let sigma = max(c[0], c[6], 0).squareRoot()
        guard detector.contains(u: x[0], v: x[1], module: module, tolerance: options.moduleTolerance + 3 * sigma) else {
            dropLast(cache); return nil
        }
        cache.lastPath = path
        return node
    }

    /// Propagates `branch` to `module` and applies the measurement selection there; the resulting
    /// branches (the unchanged one when the module is not reached) are appended to `cache.next`.
    private func visit(module: Int32, layer: Int32, sEstimate: Double, branch: CKFBranch,
                       backward: Bool, frames: UnsafePointer<Double>, measurements: Measurements,
                       created: inout Int, cache: CKFCache) {
        guard let node = predict(from: branch, to: module, layer: layer, sMax: max(sEstimate, 0) + 100,
                                 backward: backward, frames: frames, cache: cache) else {
            cache.next.append(branch); return
        }
        let source = branch.node
        var updated = branch
        updated.materialLayer = layer
        updated.path += cache.lastPath
        let n = cache.node(node)
        let x = n + CKFCache.predictedX, c = n + CKFCache.predictedC

        // Measurement selection.
        cache.candidates.removeAll(keepingCapacity: true)
        let selector = extensions.selector
        let updater = extensions.updater
        var known = false, knownHit: Int32 = -1
        for h32 in measurements.hits(onModule: module) {
            if backward && cache.trackHits.contains(h32) { known = true; knownHit = h32; continue }
            let h = Int(h32)
            let du = measurements.u[h] - x[0], dv = measurements.v[h] - x[1]
            guard selector.mayBeCompatible(du: du, dv: dv, suu: c[0] + measurements.varianceU[h],
                                           svv: c[6] + measurements.varianceV[h]),
                  let chi2 = updater.chi2(x: x, cov: c, u: measurements.u[h], v: measurements.v[h],
                                          vu: measurements.varianceU[h], vv: measurements.varianceV[h]),
                  // A looper may cross a module twice: a hit is used once per track.
                  !branchHolds(h32, from: source, cache: cache) else { continue }
            cache.candidates.append((h32, chi2))
        }
        let selected = known ? 0 : selector.select(&cache.candidates, budget: options.maxBranchesPerSeed - created + 1)
        if selected == 0 {
            if known {
                // A module of the track itself: crossed again, not used again.
                cache.kind[Int(node)] = .known
            } else if let best = cache.candidates.first, best.chi2 < selector.outlierChi2Cut {
                cache.kind[Int(node)] = .outlier
                cache.hit[Int(node)] = best.hit
                cache.chi2[Int(node)] = best.chi2
                updated.outliers += 1
            } else if measurements.layerIsReadOut[Int(layer)], layer != cache.topLayer,
                      detector.contains(u: x[0], v: x[1], module: module, tolerance: -options.holeEdgeMargin) {
                // No hole on a volume that gave no hit at all in this event (not read out), nor on the
                // top hit's layer: the track has its hit there, and a neighbour crossed without one is
                // an overlap the particle did not reach or whose hit the data lacks.
                cache.kind[Int(node)] = .hole
                updated.holes += 1
                updated.consecutiveHoles += 1
            }
            for i in 0 ..< 30 { n[CKFCache.filteredX + i] = n[CKFCache.predictedX + i] }
            if known, let k = cache.anchorHits.firstIndex(of: knownHit) {
                // One of the seed's own hits: the smoothed state there knows where the track was
                // (the state carried in from the top hit does not: the scattering between them
                // widens it to about a millimetre along a pixel module at 1 GeV, where hits of
                // other particles then compete with the track's own overlap hit on that layer).
                let anchor = cache.scratch + Self.scratchAnchors + 30 * k
                for i in 0 ..< 30 { n[CKFCache.filteredX + i] = anchor[i] }
                flip(n + CKFCache.filteredX, n + CKFCache.filteredC)
                addLayerScattering(n + CKFCache.filteredX, module: module, layer: layer, cache: cache)
            }
            updated.node = node
            cache.next.append(updated)
            return
        }
        for k in 0 ..< selected {
            let (h32, _) = cache.candidates[k]
            let target: Int32
            if k == 0 {
                target = node
            } else {
                target = cache.addNode(parent: source, hit: h32, kind: .measurement, module: module, chi2: 0)
                let from = cache.node(node), to = cache.node(target)
                for i in 0 ..< 30 { to[CKFCache.predictedX + i] = from[CKFCache.predictedX + i] }
                for i in 0 ..< 25 { to[CKFCache.jacobian + i] = from[CKFCache.jacobian + i] }
                created += 1
            }
            let t = cache.node(target)
            let h = Int(h32)
            guard let chi2 = updater.update(x: t + CKFCache.predictedX, cov: t + CKFCache.predictedC,
                                            u: measurements.u[h], v: measurements.v[h],
                                            vu: measurements.varianceU[h], vv: measurements.varianceV[h],
                                            outX: t + CKFCache.filteredX, outCov: t + CKFCache.filteredC) else { continue }
            wrapPhi(t + CKFCache.filteredX)
            cache.kind[Int(target)] = .measurement
            cache.hit[Int(target)] = h32
            cache.chi2[Int(target)] = chi2
            var child = updated
            child.node = target
            child.measurements += 1
            child.consecutiveHoles = 0
            child.chi2 += chi2
            cache.next.append(child)
        }
    }

    /// Whether the branch ending at `node` already holds `hit` as a measurement.
    private func branchHolds(_ hit: Int32, from node: Int32, cache: CKFCache) -> Bool {
        var n = node
        while n >= 0 {
            if cache.hit[Int(n)] == hit && cache.kind[Int(n)] == .measurement { return true }
            n = cache.parent[Int(n)]
        }
        return false
    }

    /// Removes the node just added (a module that was not reached).
    @inline(__always) private func dropLast(_ cache: CKFCache) {
        cache.parent.removeLast(); cache.hit.removeLast(); cache.kind.removeLast()
        cache.module.removeLast(); cache.chi2.removeLast()
    }

    /// Adds to the covariance following state `x` (on `module`, running inwards) the scattering of
    /// `layer`'s material, and gives back the energy lost in it: the inward search leaves a smoothed
    /// state, whose direction is the one after that layer's material.
    private func addLayerScattering(_ x: UnsafeMutablePointer<Double>, module: Int32, layer: Int32, cache: CKFCache) {
        guard let material = extensions.material else { return }
        let sinT = sin(x[3])
        let dir = SIMD3(sinT * cos(x[2]), sinT * sin(x[2]), cos(x[3]))
        let cosIncidence = moduleFrames.withUnsafeBufferPointer { frames -> Double in
            let f = frames.baseAddress! + 12 * Int(module)
            return abs((dir * SIMD3(f[5], f[8], f[11])).sum())
        }
        let noise = cache.scratch + Self.scratchNoise
        material.apply(parameters: x, noise: noise, x0: layerMaterial[Int(layer)], cosIncidence: cosIncidence, backward: true)
        for i in 0 ..< 25 { x[5 + i] += noise[i] }
    }

    /// Rauch–Tung–Striebel smoothing along `cache.path` from index `from` (its filtered state) back
    /// to index `to`; the smoothed state there is left in the scratch at `scratchSmooth` (x then C),
    /// and those at the indices up to `keepBelow` at `scratchAnchors` (30 doubles each).
    private func smooth(from: Int, to: Int, cache: CKFCache, keepBelow: Int = -1) -> Bool {
        let path = cache.path
        let next = cache.scratch + Self.scratchSmoothNext, out = cache.scratch + Self.scratchSmooth
        let kept = cache.scratch + Self.scratchAnchors
        let last = cache.node(path[from])
        for i in 0 ..< 30 { out[i] = last[CKFCache.filteredX + i] }
        if from <= keepBelow { for i in 0 ..< 30 { kept[30 * from + i] = out[i] } }
        var k = from - 1
        while k >= to {
            for i in 0 ..< 30 { next[i] = out[i] }
            let f = cache.node(path[k]), p1 = cache.node(path[k + 1])
            // Keep φ continuous across ±π between the smoothed and predicted states.
            let dphi = next[2] - p1[CKFCache.predictedX + 2]
            if dphi > Double.pi { next[2] -= 2 * Double.pi } else if dphi < -Double.pi { next[2] += 2 * Double.pi }
            guard extensions.updater.smooth(filteredX: f + CKFCache.filteredX, filteredCov: f + CKFCache.filteredC,
                                            jacobian: p1 + CKFCache.jacobian,
                                            predictedNextX: p1 + CKFCache.predictedX, predictedNextCov: p1 + CKFCache.predictedC,
                                            smoothedNextX: next, smoothedNextCov: next + 5,
                                            outX: out, outCov: out + 5) else { return false }
            wrapPhi(out)
            if k <= keepBelow { for i in 0 ..< 30 { kept[30 * k + i] = out[i] } }
            k -= 1
        }
        return true
    }

    /// Global position (mm) and unit direction of bound state `x` on `module`.
    @inline(__always) func globalState(_ x: UnsafePointer<Double>, module: Int32) -> (SIMD3<Double>, SIMD3<Double>) {
        let position = detector.localToGlobal(SIMD3(x[0], x[1], 0), module: module)
        let sinT = sin(x[3])
        return (position, SIMD3(sinT * cos(x[2]), sinT * sin(x[2]), cos(x[3])))
    }

    /// Reverses the direction of a bound state in place: φ → φ + π, θ → π − θ, q/p → −q/p; the
    /// covariance entries that mix (θ, q/p) with the other parameters change sign.
    func flip(_ x: UnsafeMutablePointer<Double>, _ c: UnsafeMutablePointer<Double>) {
        x[2] += Double.pi
        wrapPhi(x)
        x[3] = Double.pi - x[3]
        x[4] = -x[4]
        let sign: [Double] = [1, 1, 1, -1, -1]
        for i in 0 ..< 5 { for j in 0 ..< 5 { c[i * 5 + j] *= sign[i] * sign[j] } }
    }

    @inline(__always) private func wrapPhi(_ x: UnsafeMutablePointer<Double>) {
        if x[2] > Double.pi { x[2] -= 2 * Double.pi } else if x[2] <= -Double.pi { x[2] += 2 * Double.pi }
    }

    @inline(__always) private func setIdentity(_ m: UnsafeMutablePointer<Double>) {
        for i in 0 ..< 25 { m[i] = 0 }
        for i in 0 ..< 5 { m[i * 6] = 1 }
    }
}

extension CombinatorialKalmanFilter {
    /// Propagates `state` to the plane of `module` (no material, no measurement), the way the filter
    /// predicts; with `reversed` the state is first flipped to run against its direction and the
    /// result flipped back. Nil when the plane is not reached within its outline.
    func transport(_ state: BoundTrackState, to module: Int32, reversed: Bool, cache: CKFCache) -> BoundTrackState? {
        cache.reset()
        let root = cache.addNode(parent: -1, hit: -1, kind: .passive, module: state.module, chi2: 0)
        let r = cache.node(root)
        for i in 0 ..< 5 { r[CKFCache.filteredX + i] = state.parameters[i] }
        for i in 0 ..< 25 { r[CKFCache.filteredC + i] = state.covariance[i] }
        if reversed { flip(r + CKFCache.filteredX, r + CKFCache.filteredC) }
        let branch = CKFBranch(node: root, layer: -1, materialLayer: -1, searchFrom: 0)
        let node = moduleFrames.withUnsafeBufferPointer { frames in
            predictWithoutMaterial(from: branch, to: module, frames: frames.baseAddress!, cache: cache)
        }
        guard let node else { return nil }
        let n = cache.node(node)
        if reversed { flip(n + CKFCache.predictedX, n + CKFCache.predictedC) }
        return BoundTrackState(module: module, parameters: (0 ..< 5).map { n[CKFCache.predictedX + $0] },
                               covariance: (0 ..< 25).map { n[CKFCache.predictedC + $0] })
    }

    private func predictWithoutMaterial(from branch: CKFBranch, to module: Int32, frames: UnsafePointer<Double>,
                                        cache: CKFCache) -> Int32? {
        // Layer −1 never matches a real layer, so material is never added.
        predict(from: CKFBranch(node: branch.node, layer: -1, materialLayer: -1, searchFrom: 0), to: module, layer: -1,
                sMax: options.maxPathLength, backward: false, frames: frames, cache: cache, material: false)
    }
}
