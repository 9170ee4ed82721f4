import Detector
import EventData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Triplet seeding: for every middle space point, compatible bottom and top doublets from the
/// linked seeding layers, triplet cuts on cot θ compatibility, curvature (minimum pT) and transverse
/// impact parameter, and a seed filter that ranks the triplets of each middle point by confirmation
/// and impact and keeps the best.
///
/// A `let` algorithm: immutable after creation, shareable between threads; all scratch lives in a
/// ``SeedFinderCache`` per thread.
public struct SeedFinder: Sendable {
    /// The configuration and everything derived from it.
    public let derived: SeedingDerivedConfig

    /// Middle space points handled per parallel chunk (a fixed size keeps results thread-count
    /// independent).
    public static let chunkSize = 512

    /// A seed finder for `derived`.
    public init(derived: SeedingDerivedConfig) { self.derived = derived }

    /// Finds the seeds of an event.
    ///
    /// - Parameters:
    ///   - spacePoints: the event's space points (``SpacePoints/init(hits:detector:derived:)`` with the
    ///     same derived config).
    ///   - threads: worker threads (≥ 1); the result is identical for every value.
    /// - Returns: the seeds, grouped by middle space point in space-point order.
    /// - Complexity: O(Σ over middle points of the candidates in their windows, squared per middle
    ///   point for the triplet test).
    public func findSeeds(spacePoints sp: SpacePoints, threads: Int = 1) -> Seeds {
        let parts = DeterministicParallel.mapChunks(count: sp.count, chunkSize: Self.chunkSize, threads: max(1, threads),
                                                   makeCache: { SeedFinderCache() }) { _, range, cache -> Seeds in
            var out = Seeds()
            for m in range { findSeeds(middle: m, spacePoints: sp, cache: &cache, into: &out) }
            return out
        }
        var seeds = Seeds()
        for p in parts { seeds.append(contentsOf: p) }
        return seeds
    }

    /// Finds the seeds whose middle hit is space point `m` and appends them to `out`.
    public func findSeeds(middle m: Int, spacePoints sp: SpacePoints, cache: inout SeedFinderCache, into out: inout Seeds) {
        let c = derived.config
        let ms = Int(sp.slot[m])
        let links = derived.links
        guard !links.bottomSlots[ms].isEmpty, !links.topSlots[ms].isEmpty else { return }
        let rm = sp.r[m], zm = sp.z[m]
        // The middle point must itself be reachable from the luminous region within |cot θ| ≤ max.
        guard abs(zm) - c.collisionRegionZ <= rm * c.cotThetaMax else { return }

        cache.bottoms.removeAll(keepingCapacity: true)
        collectDoublets(middle: m, slots: links.bottomSlots[ms], isBottom: true, sp: sp, into: &cache.bottoms)
        guard !cache.bottoms.isEmpty else { return }
        cache.tops.removeAll(keepingCapacity: true)
        collectDoublets(middle: m, slots: links.topSlots[ms], isBottom: false, sp: sp, into: &cache.tops)
        guard !cache.tops.isEmpty else { return }

        let varRM = sp.varianceR[m], varZM = sp.varianceZ[m]
        let nSigma2 = c.cotThetaSigmas * c.cotThetaSigmas
        let highland2 = derived.highland * derived.highland
        let minPt2 = c.minPt * c.minPt
        let isBarrelMiddle = derived.slotKind[ms] == .barrel
        let cuts = TripletCuts(rm: rm, zm: zm, varRM: varRM, varZM: varZM, isBarrelMiddle: isBarrelMiddle, derived: derived)
        let middleSlot = Int32(ms)
        cache.triplets.removeAll(keepingCapacity: true)
        // Tops sorted by cot θ: each bottom only scans the tops whose cot θ lies within the largest
        // window any top could need (measurement errors plus scattering at the minimum pT). The sort
        // moves 16-byte keys (cot θ, then space point: a total order) and gathers the tops once.
        cache.topOrder.removeAll(keepingCapacity: true)
        for (i, t) in cache.tops.enumerated() {
            cache.topOrder.append(.init(cotTheta: t.cotTheta, spacePoint: t.spacePoint, index: Int32(i)))
        }
        cache.topOrder.sort { $0.cotTheta != $1.cotTheta ? $0.cotTheta < $1.cotTheta : $0.spacePoint < $1.spacePoint }
        let nTops = cache.tops.count
        var maxTopError2 = 0.0, maxTopInverseDR = 0.0
        cache.sortedTops.removeAll(keepingCapacity: true)
        // The prefilter's inputs as columns (cot θ, u, v, σ²(cot θ), 1/Δr, secant), each nTops long.
        cache.topColumns.removeAll(keepingCapacity: true)
        cache.topColumns.append(contentsOf: repeatElement(0, count: 6 * nTops))
        for (k, key) in cache.topOrder.enumerated() {
            var t = cache.tops[Int(key.index)]
            t.secant = (1 + t.cotTheta * t.cotTheta).squareRoot()
            maxTopError2 = max(maxTopError2, t.errorCotTheta2); maxTopInverseDR = max(maxTopInverseDR, t.inverseDeltaR)
            cache.sortedTops.append(t)
            cache.topColumns[k] = t.cotTheta
            cache.topColumns[nTops + k] = t.u
            cache.topColumns[2 * nTops + k] = t.v
            cache.topColumns[3 * nTops + k] = t.errorCotTheta2
            cache.topColumns[4 * nTops + k] = t.inverseDeltaR
            cache.topColumns[5 * nTops + k] = t.secant
        }
        cache.topColumns.withUnsafeBufferPointer { cache.topWindows.rebuild(UnsafeBufferPointer(rebasing: $0[0 ..< nTops])) }
        if cache.rejected.count < nTops { cache.rejected = [Bool](repeating: false, count: nTops) }
        // Local references (no copies: nothing writes to them below) let the pair loop read through
        // raw buffers while it appends to the triplets.
        let sortedTops = cache.sortedTops, columns = cache.topColumns, topWindows = cache.topWindows
        var rejected: [Bool] = []
        swap(&rejected, &cache.rejected)
        defer { swap(&rejected, &cache.rejected) }
        for b in cache.bottoms {
            let groupStart = cache.triplets.count
            // A cot θ window valid for every top: the test below with |cot θ_t| ≤ |cot θ_b| + W.
            let absB = abs(b.cotTheta)
            var window = 1.0
            for _ in 0 ..< 2 {
                let ctMax = absB + window
                let iSin = 1 + absB * ctMax
                let pathMax = isBarrelMiddle ? iSin.squareRoot() : iSin.squareRoot() / max(absB, 1e-3)
                let bound2 = nSigma2 * (b.errorCotTheta2 + maxTopError2
                    + 2 * (varZM + absB * ctMax * varRM) * b.inverseDeltaR * maxTopInverseDR
                    + highland2 * pathMax * iSin / minPt2)
                let w = bound2.squareRoot()
                if w <= window { window = w; break }
                window = w
            }
            let bottomSecant = (1 + b.cotTheta * b.cotTheta).squareRoot()
            let pathScale = cuts.pathScale(bottomCotTheta: b.cotTheta)
            // The tops with cot θ in [cot_b − W, cot_b + W].
            let range = columns.withUnsafeBufferPointer { col in
                topWindows.window(lower: b.cotTheta - window, upper: b.cotTheta + window,
                                  in: UnsafeBufferPointer(rebasing: col[0 ..< nTops]))
            }
            guard !range.isEmpty else { continue }
            let lo = range.lowerBound, hi = range.upperBound
            // First the division-free necessary conditions for the whole range (straight-line
            // arithmetic over columns); then the reference cuts for the few pairs left, so the
            // accepted triplets are exactly the reference's.
            columns.withUnsafeBufferPointer { col in
                rejected.withUnsafeMutableBufferPointer { out in
                    for i in lo ..< hi {
                        out[i] = cuts.prefilterRejects(bottom: b, bottomSecant: bottomSecant, pathScale: pathScale,
                                                       topCotTheta: col[i], topU: col[nTops + i], topV: col[2 * nTops + i],
                                                       topError2: col[3 * nTops + i], topInverseDeltaR: col[4 * nTops + i],
                                                       topSecant: col[5 * nTops + i])
                    }
                }
            }
            sortedTops.withUnsafeBufferPointer { tops in
                for i in lo ..< hi where !rejected[i] {
                    let t = tops[i]
                    guard links.allows(bottom: b.slot, middle: middleSlot, top: t.slot) else { continue }
                    if let triplet = cuts.evaluate(bottom: b, top: t) { cache.triplets.append(triplet) }
                }
            }
            // Seed confirmation: other tops of the same bottom–middle pair on other layers with the
            // same curvature make the seed (very likely) a real track.
            let groupEnd = cache.triplets.count
            if groupEnd - groupStart > Self.sortedConfirmationMinimum {
                countConfirmationsSorted(groupStart ..< groupEnd, cache: &cache)
            } else if groupEnd - groupStart > 1 {
                countConfirmationsPairwise(groupStart ..< groupEnd, cache: &cache)
            }
        }
        guard !cache.triplets.isEmpty else { return }
        for i in cache.triplets.indices {
            let t = cache.triplets[i]
            cache.triplets[i].quality = c.confirmationWeight * Double(min(Int(t.confirmations), c.maxConfirmations))
                - c.impactWeight * t.impact - c.cotThetaWeight * t.cotChi2
        }
        // Only the triplets the filter below may keep are ranked: an unconfirmed one beyond the
        // unconfirmed impact limit, or when no unconfirmed seed is kept at all, is skipped there
        // whatever its rank (the kept seeds are the same; a pass seeding into the strips forms
        // thousands of unconfirmed triplets per middle point and keeps none of them).
        cache.order.removeAll(keepingCapacity: true)
        for (i, t) in cache.triplets.enumerated()
        where t.confirmations > 0 || (c.maxUnconfirmedSeedsPerMiddle > 0 && t.impact <= c.unconfirmedImpactMax) {
            cache.order.append(Int32(i))
        }
        let triplets = cache.triplets
        cache.order.sort { a, b in
            let qa = triplets[Int(a)].quality, qb = triplets[Int(b)].quality
            return qa != qb ? qa > qb : a < b
        }
        var kept = 0, unconfirmed = 0
        for i in cache.order {
            guard kept < c.maxSeedsPerMiddle else { break }
            let t = triplets[Int(i)]
            if t.confirmations == 0 {
                guard unconfirmed < c.maxUnconfirmedSeedsPerMiddle, t.impact <= c.unconfirmedImpactMax else { continue }
                unconfirmed += 1
            }
            kept += 1
            out.append(bottom: sp.hitIndex[Int(t.bottom)], middle: sp.hitIndex[m], top: sp.hitIndex[Int(t.top)],
                       quality: Float(t.quality), curvature: Float(t.curvature), impact: Float(t.impact),
                       z0: Float(t.z0), confirmations: t.confirmations)
        }
    }

    /// Bottom groups with more triplets than this count their confirmations by sorted ranges; smaller
    /// ones keep the pairwise loop, which needs no sorting.
    static let sortedConfirmationMinimum = 16

    /// The confirmations of the triplets in `group` (one bottom–middle pair): for each, the triplets
    /// of the group with a top on another layer and a curvature within its tolerance,
    /// t = `confirmation_curvature_tolerance` + `confirmation_relative_tolerance` × |k|. O(n²).
    func countConfirmationsPairwise(_ group: Range<Int>, cache: inout SeedFinderCache) {
        let c = derived.config
        for i in group {
            var n: Int16 = 0
            let k = cache.triplets[i].curvature
            let tolerance = c.confirmationCurvatureTolerance + c.confirmationRelativeTolerance * abs(k)
            for j in group where j != i && cache.triplets[j].topSlot != cache.triplets[i].topSlot
                && abs(cache.triplets[j].curvature - k) < tolerance {
                n += 1
            }
            cache.triplets[i].confirmations = n
        }
    }

    /// The same counts as ``countConfirmationsPairwise(_:cache:)``, exactly — |k_j − k_i| < t_i over
    /// all j minus over the same top layer — in O(n log n): the differences k_j − k_i are monotonic
    /// in k_j, so both counts are ranges of the group sorted by curvature (overall, and within each
    /// top layer).
    func countConfirmationsSorted(_ group: Range<Int>, cache: inout SeedFinderCache) {
        cache.confirmations.removeAll(keepingCapacity: true)
        cache.confirmations.append(contentsOf: repeatElement(0, count: group.count))
        fillConfirmationCounts(group, triplets: cache.triplets, cache: &cache)
        // Written once the read-only view of the triplets is gone (no copy of the array).
        for (k, i) in group.enumerated() { cache.triplets[i].confirmations = cache.confirmations[k] }
    }

    /// Fills `cache.confirmations` (group order) for ``countConfirmationsSorted(_:cache:)`` from a
    /// read-only view of the triplets.
    private func fillConfirmationCounts(_ group: Range<Int>, triplets: [SeedFinderCache.Triplet],
                                        cache: inout SeedFinderCache) {
        let c = derived.config
        // Group members by curvature, and by (top layer, curvature); ties by index (a total order).
        cache.byCurvature.removeAll(keepingCapacity: true)
        for i in group { cache.byCurvature.append(Int32(i)) }
        cache.byCurvature.sort { a, b in
            let ka = triplets[Int(a)].curvature, kb = triplets[Int(b)].curvature
            return ka != kb ? ka < kb : a < b
        }
        cache.bySlot.removeAll(keepingCapacity: true)
        cache.bySlot.append(contentsOf: cache.byCurvature)
        cache.bySlot.sort { a, b in
            let sa = triplets[Int(a)].topSlot, sb = triplets[Int(b)].topSlot
            if sa != sb { return sa < sb }
            let ka = triplets[Int(a)].curvature, kb = triplets[Int(b)].curvature
            return ka != kb ? ka < kb : a < b
        }
        // Number of members of `list[range]` (sorted by curvature) with −t < k_j − k < t.
        func inWindow(_ list: [Int32], _ range: Range<Int>, k: Double, tolerance t: Double) -> Int {
            var lo = range.lowerBound, hi = range.upperBound
            while lo < hi {  // first with k_j − k > −t
                let mid = (lo + hi) / 2
                if triplets[Int(list[mid])].curvature - k > -t { hi = mid } else { lo = mid + 1 }
            }
            let first = lo
            hi = range.upperBound
            while lo < hi {  // first with k_j − k ≥ t
                let mid = (lo + hi) / 2
                if triplets[Int(list[mid])].curvature - k < t { lo = mid + 1 } else { hi = mid }
            }
            return lo - first
        }
        var slotStart = 0
        let all = 0 ..< cache.byCurvature.count
        while slotStart < cache.bySlot.count {
            let slot = triplets[Int(cache.bySlot[slotStart])].topSlot
            var slotEnd = slotStart + 1
            while slotEnd < cache.bySlot.count && triplets[Int(cache.bySlot[slotEnd])].topSlot == slot { slotEnd += 1 }
            for p in slotStart ..< slotEnd {
                let i = Int(cache.bySlot[p])
                let k = triplets[i].curvature
                let tolerance = c.confirmationCurvatureTolerance + c.confirmationRelativeTolerance * abs(k)
                // Triplet i itself lies in both ranges (or, with a zero tolerance, in neither).
                let n = inWindow(cache.byCurvature, all, k: k, tolerance: tolerance)
                    - inWindow(cache.bySlot, slotStart ..< slotEnd, k: k, tolerance: tolerance)
                cache.confirmations[i - group.lowerBound] = Int16(clamping: n)
            }
            slotStart = slotEnd
        }
    }

    /// Appends the doublets of middle point `m` with the points of `slots` (inside it when
    /// `isBottom`, outside otherwise) that pass the Δr, cot θ and z0 cuts.
    private func collectDoublets(middle m: Int, slots: [Int32], isBottom: Bool, sp: SpacePoints,
                                 into list: inout [SeedFinderCache.Doublet]) {
        let c = derived.config
        let rm = sp.r[m], zm = sp.z[m], phim = sp.phi[m]
        let cosM = sp.x[m] / rm, sinM = sp.y[m] / rm
        let varRM = sp.varianceR[m], varZM = sp.varianceZ[m]
        let zc = c.collisionRegionZ
        let twoRmin = 2 * derived.minRadius
        for s32 in slots {
            let s = Int(s32)
            // Window along the layer's second coordinate from lines through the middle point and
            // the ends of the luminous region: z(ρ) = z0 + (zm − z0) ρ/rm.
            let rr = derived.slotRadiusRange[s], zr = derived.slotZRange[s]
            var lo = Double.infinity, hi = -Double.infinity
            var rLo = rr.lowerBound, rHi = rr.upperBound
            if derived.slotKind[s] == .barrel {
                for corner in 0 ..< 4 {
                    let z0 = corner & 1 == 0 ? -zc : zc
                    let rho = corner & 2 == 0 ? rr.lowerBound : rr.upperBound
                    let z = z0 + (zm - z0) * rho / rm
                    lo = min(lo, z); hi = max(hi, z)
                }
                let margin = 5 * varZM.squareRoot() + 1
                lo = max(lo - margin, zr.lowerBound); hi = min(hi + margin, zr.upperBound)
            } else {
                // ρ(z) = rm (z − z0)/(zm − z0) on the disc; unbounded when a line runs parallel to it.
                var bounded = true
                for corner in 0 ..< 4 {
                    let z0 = corner & 1 == 0 ? -zc : zc
                    let z = corner & 2 == 0 ? zr.lowerBound : zr.upperBound
                    let dzm = zm - z0
                    let ratio = (z - z0) / dzm
                    if dzm == 0 || !(ratio > 0) { bounded = false; continue }
                    lo = min(lo, rm * ratio); hi = max(hi, rm * ratio)
                }
                if !bounded { lo = rr.lowerBound; hi = rr.upperBound }
                let margin = 5 * varRM.squareRoot() + 1
                lo = max(lo - margin, rr.lowerBound); hi = min(hi + margin, rr.upperBound)
                rLo = lo; rHi = hi
            }
            guard lo <= hi else { continue }
            // φ window: the change of azimuth along a circle of the smallest radius through the
            // beam line, asin(r/2R), between the two radii, plus the effect of |d0| ≤ impactMax.
            let rOther = isBottom ? max(rLo, 1) : rHi
            let a1 = asin(min(1, rm / twoRmin)), a2 = asin(min(1, rOther / twoRmin))
            let dPhi = abs(a1 - a2) + c.impactMax * abs(1 / rOther - 1 / rm) + 0.01
            let nPhi = derived.config.gridPhiBins
            let phiBins = dPhi * 2 >= 2 * Double.pi ? nPhi : min(nPhi, Int(2 * dPhi / (2 * Double.pi) * Double(nPhi)) + 2)
            let firstPhi = derived.phiBin(phim - dPhi < -Double.pi ? phim - dPhi + 2 * Double.pi : phim - dPhi)
            let cLo = derived.coordinateBin(lo, slot: s), cHi = derived.coordinateBin(hi, slot: s)
            let nc = Int(derived.slotCoordinateBins[s]), base = Int(derived.slotBinOffset[s])
            for k in 0 ... phiBins {
                let pb = (firstPhi + k) % nPhi
                guard k == 0 || pb != firstPhi else { break }
                let rowStart = base + pb * nc
                for cb in cLo ... cHi {
                    let b = rowStart + cb
                    for o in Int(sp.binOffsets[b]) ..< Int(sp.binOffsets[b + 1]) {
                        var dphi = sp.phi[o] - phim
                        if dphi > Double.pi { dphi -= 2 * Double.pi } else if dphi < -Double.pi { dphi += 2 * Double.pi }
                        guard abs(dphi) <= dPhi else { continue }
                        let ro = sp.r[o], zo = sp.z[o]
                        let deltaR = isBottom ? rm - ro : ro - rm
                        guard deltaR > 0.5 else { continue }
                        let deltaZ = isBottom ? zm - zo : zo - zm
                        let cot = deltaZ / deltaR
                        guard abs(cot) <= c.cotThetaMax else { continue }
                        let z0 = zm - rm * cot
                        guard abs(z0) <= zc else { continue }
                        // Conformal coordinates in the middle point's frame.
                        let dx = sp.x[o] - sp.x[m], dy = sp.y[o] - sp.y[m]
                        let xn = dx * cosM + dy * sinM, yn = dy * cosM - dx * sinM
                        let iDR2 = 1 / (xn * xn + yn * yn)
                        let iDR = 1 / deltaR
                        let er = ((varZM + sp.varianceZ[o]) + cot * cot * (varRM + sp.varianceR[o])) * iDR * iDR
                        list.append(.init(spacePoint: Int32(o), slot: s32, cotTheta: cot, u: xn * iDR2, v: yn * iDR2,
                                          errorCotTheta2: er, inverseDeltaR: iDR, secant: 0))
                    }
                }
            }
        }
    }
}
