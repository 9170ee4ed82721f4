import Detector
import Foundation
@testable import Seeding
import Testing
import WeftTestSupport

/// The seed finder's shortcuts must never change a seed: the division-free prefilter may only reject
/// pairs the reference cuts reject, and the cot θ window of the sorted tops must be exactly the
/// brute-force one.
@Suite("Triplet cuts and the sorted-range walk")
struct TripletCutsTests {
    /// A space point of a random particle: on a circle of radius `radius` (mm) whose distance of
    /// closest approach to the beam line is `d0` (mm), at transverse radius `r`, with z on the line
    /// z0 + r cot θ.
    static func point(r: Double, radius: Double, d0: Double, phi0: Double, charge: Double, z0: Double,
                      cot: Double) -> (x: Double, y: Double, z: Double)? {
        // Centre at distance radius + d0 from the origin, perpendicular to the initial direction.
        let dc = radius + d0
        let cx = -charge * dc * sin(phi0), cy = charge * dc * cos(phi0)
        // Intersection of the circle with the cylinder of radius r.
        let a = (r * r - radius * radius + dc * dc) / (2 * dc)
        let h2 = r * r - a * a
        guard h2 >= 0 else { return nil }
        let h = h2.squareRoot()
        let ux = cx / dc, uy = cy / dc
        // The branch reached first when leaving the origin along phi0.
        let x = a * ux + charge * h * uy, y = a * uy - charge * h * ux
        return (x, y, z0 + r * cot)
    }

    /// The doublet of `other` with the middle point, computed as the seed finder's collection does.
    static func doublet(middle m: (x: Double, y: Double, z: Double), other o: (x: Double, y: Double, z: Double),
                        isBottom: Bool, varR: Double, varZ: Double, index: Int32) -> SeedFinderCache.Doublet? {
        let rm = (m.x * m.x + m.y * m.y).squareRoot(), ro = (o.x * o.x + o.y * o.y).squareRoot()
        let deltaR = isBottom ? rm - ro : ro - rm
        guard deltaR > 0.5 else { return nil }
        let cot = (isBottom ? m.z - o.z : o.z - m.z) / deltaR
        let cosM = m.x / rm, sinM = m.y / rm
        let dx = o.x - m.x, dy = o.y - m.y
        let xn = dx * cosM + dy * sinM, yn = dy * cosM - dx * sinM
        let iDR2 = 1 / (xn * xn + yn * yn), iDR = 1 / deltaR
        let er = (2 * varZ + cot * cot * 2 * varR) * iDR * iDR
        return .init(spacePoint: index, slot: 0, cotTheta: cot, u: xn * iDR2, v: yn * iDR2, errorCotTheta2: er,
                     inverseDeltaR: iDR, secant: (1 + cot * cot).squareRoot())
    }

    @Test("The prefilter never rejects a triplet the reference cuts accept",
          arguments: [0.6, 0.15], [true, false])
    func prefilterIsNecessary(minPt: Double, barrelMiddle: Bool) throws {
        let derived = try SeedingDerivedConfig(config: SeedingConfig(minPt: minPt), detector: Fixtures.trackml)
        var rng = SplitMix64(seed: barrelMiddle ? 17 : 23)
        func uniform(_ lo: Double, _ hi: Double) -> Double { Double.random(in: lo ..< hi, using: &rng) }
        var accepted = 0, rejectedByPrefilter = 0, pairs = 0
        for _ in 0 ..< 400 {
            // One middle point of a random particle; bottoms and tops of many particles around it,
            // some of them of the same particle with Gaussian-like smearing, so that every cut both
            // passes and fails on some pairs, and some pairs sit at a cut's edge.
            let cot = barrelMiddle ? uniform(-2, 2) : uniform(2.5, 12)
            let rm = barrelMiddle ? uniform(60, 120) : uniform(60, 170)
            let track = (radius: minPt / derived.ptPerRadius * uniform(0.8, 6), d0: uniform(-3, 3), phi0: uniform(-3, 3),
                         charge: uniform(0, 1) < 0.5 ? -1.0 : 1.0, z0: uniform(-150, 150))
            guard let m = Self.point(r: rm, radius: track.radius, d0: track.d0, phi0: track.phi0, charge: track.charge,
                                     z0: track.z0, cot: cot) else { continue }
            let varR = barrelMiddle ? 1e-4 : 3e-4, varZ = barrelMiddle ? 3e-4 : 1e-4
            let cuts = TripletCuts(rm: rm, zm: m.z, varRM: varR, varZM: varZ, isBarrelMiddle: barrelMiddle, derived: derived)
            var bottoms: [SeedFinderCache.Doublet] = [], tops: [SeedFinderCache.Doublet] = []
            for k in 0 ..< 24 {
                let same = k < 8
                let radius = same ? track.radius : minPt / derived.ptPerRadius * uniform(0.5, 8)
                let d0 = same ? track.d0 + uniform(-0.5, 0.5) : uniform(-5, 5)
                let phi0 = same ? track.phi0 + uniform(-0.01, 0.01) : track.phi0 + uniform(-0.2, 0.2)
                let charge = same ? track.charge : (uniform(0, 1) < 0.5 ? -1.0 : 1.0)
                let z0 = same ? track.z0 + uniform(-1, 1) : uniform(-250, 250)
                let c = same ? cot * (1 + uniform(-0.02, 0.02)) : cot + uniform(-0.3, 0.3)
                let rb = uniform(25, rm - 1), rt = uniform(rm + 1, rm + 250)
                if let p = Self.point(r: rb, radius: radius, d0: d0, phi0: phi0, charge: charge, z0: z0, cot: c),
                   let d = Self.doublet(middle: m, other: p, isBottom: true, varR: varR, varZ: varZ, index: Int32(k)) {
                    bottoms.append(d)
                }
                if let p = Self.point(r: rt, radius: radius, d0: d0, phi0: phi0, charge: charge, z0: z0, cot: c),
                   let d = Self.doublet(middle: m, other: p, isBottom: false, varR: varR, varZ: varZ, index: Int32(k)) {
                    tops.append(d)
                }
            }
            for b in bottoms {
                let secant = (1 + b.cotTheta * b.cotTheta).squareRoot()
                let scale = cuts.pathScale(bottomCotTheta: b.cotTheta)
                for t in tops {
                    pairs += 1
                    let reference = cuts.evaluate(bottom: b, top: t)
                    let rejects = cuts.prefilterRejects(bottom: b, bottomSecant: secant, pathScale: scale, top: t)
                    if reference != nil { accepted += 1 }
                    if rejects { rejectedByPrefilter += 1 }
                    #expect(!(rejects && reference != nil),
                            "prefilter rejects an accepted pair: bottom \(b), top \(t), middle r = \(rm), z = \(m.z)")
                }
            }
        }
        // The test means something only when both outcomes are frequent.
        #expect(pairs > 50_000)
        #expect(accepted > 500)
        #expect(rejectedByPrefilter > pairs / 2)
    }

    @Test("The sorted-range walk finds exactly the tops in the brute-force cot θ window")
    func windowMatchesBruteForce() {
        var rng = SplitMix64(seed: 5)
        for trial in 0 ..< 2_000 {
            let n = Int.random(in: 0 ... 80, using: &rng)
            // Coarse values so that ties and window edges on exact values occur.
            // Zeros of both signs (cot θ = ±0) compare equal and must stay inside a window edge at 0.
            var values = (0 ..< n).map { _ -> Double in
                let v = Double(Int.random(in: -40 ... 40, using: &rng)) / 8
                return v == 0 && Bool.random(using: &rng) ? -0.0 : v
            }
            values.sort()
            let centre = trial % 5 == 0 ? Double.random(in: -6 ... 6, using: &rng) : Double(Int.random(in: -44 ... 44, using: &rng)) / 8
            let half = trial % 3 == 0 ? 0 : Double(Int.random(in: 0 ... 16, using: &rng)) / 8
            var lower = centre - half, upper = centre + half
            if lower == 0 && trial % 2 == 0 { lower = -0.0 }
            if upper == 0 && trial % 4 == 1 { upper = -0.0 }
            var index = SortedWindowIndex()
            let range = values.withUnsafeBufferPointer { v in
                index.rebuild(v)
                return index.window(lower: lower, upper: upper, in: v)
            }
            let expected = values.indices.filter { values[$0] >= lower && values[$0] <= upper }
            #expect(Array(range) == expected, "values \(values), window [\(lower), \(upper)]")
        }
    }

    @Test("Confirmations counted on sorted ranges equal the pairwise count, ties and tolerance edges included")
    func sortedConfirmationsMatchPairwise() throws {
        var rng = SplitMix64(seed: 9)
        var confirmed = 0
        let detector = try Detector.load("trackml")
        for (absolute, relative) in [(6e-5, 0.0), (6e-5, 0.05), (0.0, 0.05), (0.0, 0.0), (2.5e-4, 0.1)] {
            var config = SeedingConfig(minPt: 0.25)
            config.confirmationCurvatureTolerance = absolute
            config.confirmationRelativeTolerance = relative
            let finder = SeedFinder(derived: try SeedingDerivedConfig(config: config, detector: detector))
            for trial in 0 ..< 400 {
                let n = Int.random(in: 2 ... 120, using: &rng)
                var pairwise = SeedFinderCache()
                // A few top layers, and curvatures on a coarse grid (exact ties, differences equal to
                // the absolute tolerance) or continuous, of both signs.
                for _ in 0 ..< n {
                    let k = trial % 2 == 0 ? Double(Int.random(in: -12 ... 12, using: &rng)) * 3e-5
                        : Double.random(in: -1e-3 ... 1e-3, using: &rng)
                    pairwise.triplets.append(.init(bottom: 0, top: 0, topSlot: Int32.random(in: 0 ... 3, using: &rng),
                                                   curvature: k, impact: 0, z0: 0, cotChi2: 0))
                }
                // The group need not start at 0: the finder counts each bottom's group in place.
                let offset = trial % 3
                for _ in 0 ..< offset { pairwise.triplets.insert(.init(bottom: 0, top: 0, topSlot: 9, curvature: 0, impact: 0, z0: 0, cotChi2: 0), at: 0) }
                var sorted = pairwise
                finder.countConfirmationsPairwise(offset ..< offset + n, cache: &pairwise)
                finder.countConfirmationsSorted(offset ..< offset + n, cache: &sorted)
                #expect(sorted.triplets.map(\.confirmations) == pairwise.triplets.map(\.confirmations),
                        "tolerance \(absolute) + \(relative) |k|, trial \(trial)")
                confirmed += pairwise.triplets.filter { $0.confirmations > 0 }.count
            }
        }
        #expect(confirmed > 10_000, "only \(confirmed) confirmed triplets: the comparison would say little")
    }
}
