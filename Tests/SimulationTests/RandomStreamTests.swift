import Testing
@testable import Simulation

@Suite struct RandomStreamTests {
    @Test func sameKeyGivesSameSequenceAndDifferentKeysDiffer() {
        var a = RandomStream(seed: 5, 1, 2, 3), b = RandomStream(seed: 5, 1, 2, 3), c = RandomStream(seed: 5, 1, 2, 4)
        let xa = (0 ..< 100).map { _ in a.next() }, xb = (0 ..< 100).map { _ in b.next() }, xc = (0 ..< 100).map { _ in c.next() }
        #expect(xa == xb)
        #expect(xa != xc)
    }

    /// Uniform, normal, exponential, gamma and Poisson deviates have their textbook moments, within
    /// 5 standard errors for 200 000 draws.
    @Test func deviatesHaveTheirMoments() {
        var rng = RandomStream(seed: 11)
        let n = 200_000
        func moments(_ draw: (inout RandomStream) -> Double) -> (Double, Double) {
            var s = 0.0, s2 = 0.0
            for _ in 0 ..< n { let x = draw(&rng); s += x; s2 += x * x }
            let m = s / Double(n)
            return (m, s2 / Double(n) - m * m)
        }
        let u = moments { $0.uniform() }
        #expect(abs(u.0 - 0.5) < 5 * (1.0 / 12 / Double(n)).squareRoot())
        let g = moments { $0.normal() }
        #expect(abs(g.0) < 5 / Double(n).squareRoot())
        #expect(abs(g.1 - 1) < 0.02)
        let e = moments { $0.exponential(mean: 2) }
        #expect(abs(e.0 - 2) < 5 * 2 / Double(n).squareRoot())
        for shape in [0.5, 1.44, 3.0] {
            let m = moments { $0.gamma(shape: shape) }
            #expect(abs(m.0 - shape) < 5 * (shape / Double(n)).squareRoot(), "gamma(\(shape)) mean")
            #expect(abs(m.1 / shape - 1) < 0.03, "gamma(\(shape)) variance")
        }
        for mean in [0.3, 4.0, 34.0, 200.0] {
            let m = moments { Double($0.poisson(mean: mean)) }
            #expect(abs(m.0 - mean) < 5 * (mean / Double(n)).squareRoot(), "Poisson(\(mean)) mean")
            #expect(abs(m.1 / mean - 1) < 0.03, "Poisson(\(mean)) variance")
        }
        let nb = moments { Double($0.negativeBinomial(mean: 49.6, shape: 1.44)) }
        #expect(abs(nb.0 / 49.6 - 1) < 0.02)
        #expect(abs(nb.1 / (49.6 + 49.6 * 49.6 / 1.44) - 1) < 0.05)
    }
}
