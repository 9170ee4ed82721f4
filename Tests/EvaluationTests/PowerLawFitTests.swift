import Foundation
import Testing
@testable import Evaluation

@Suite("Power-law fit of scaling data")
struct PowerLawFitTests {
    /// Hit counts of a pile-up scan from μ = 20 to 300 (roughly what the trackml detector gives).
    static let hits: [Double] = [28_000, 43_000, 68_000, 85_000, 112_000, 160_000]

    @Test("an exact power law gives its exponent and prefactor back with zero error")
    func exactLaw() throws {
        let y = Self.hits.map { 3e-6 * pow($0, 1.27) }
        let fit = try PowerLawFit(x: Self.hits, y: y)
        #expect(abs(fit.exponent - 1.27) < 1e-9)
        #expect(abs(fit.amplitude / 3e-6 - 1) < 1e-7)
        #expect(fit.exponentError < 1e-9)
        #expect(fit.logResidualRMS < 1e-9)
        #expect(fit.points == 6)
        #expect(abs(fit.value(at: 100_000) / (3e-6 * pow(100_000, 1.27)) - 1) < 1e-9)
    }

    @Test("10 % scatter: k within 3σ of the truth and σ_k of the size statistics predicts")
    func noisyLaw() throws {
        // Deterministic ±10 % log-scatter pattern (mean zero), so the test never flakes.
        let scatter = [0.10, -0.08, 0.05, -0.12, 0.09, -0.04]
        let y = zip(Self.hits, scatter).map { 2e-4 * pow($0.0, 1.1) * exp($0.1) }
        let fit = try PowerLawFit(x: Self.hits, y: y)
        #expect(abs(fit.exponent - 1.1) < 3 * fit.exponentError)
        // σ_k ≈ σ_ln y / √Σ(ln x − mean)²: with σ ≈ 0.09 and a lever arm of ln(160k/28k) ≈ 1.7, about 0.1.
        let u = Self.hits.map { log($0) }, m = u.reduce(0, +) / Double(u.count)
        let expected = 0.09 / u.map { ($0 - m) * ($0 - m) }.reduce(0, +).squareRoot()
        #expect(fit.exponentError > expected / 3 && fit.exponentError < expected * 3)
        #expect(fit.logResidualRMS > 0.03 && fit.logResidualRMS < 0.15)
    }

    @Test("weighted fit: errors never make σ_k smaller than the points' own errors allow")
    func weighted() throws {
        let y = Self.hits.map { pow($0, 1.2) }
        let fit = try PowerLawFit(x: Self.hits, y: y, relativeErrors: Array(repeating: 0.05, count: 6))
        #expect(abs(fit.exponent - 1.2) < 1e-9)
        let u = Self.hits.map { log($0) }, m = u.reduce(0, +) / Double(u.count)
        let fromErrors = 0.05 / u.map { ($0 - m) * ($0 - m) }.reduce(0, +).squareRoot()
        #expect(abs(fit.exponentError - fromErrors) < 1e-9)
    }

    @Test("bad input is refused with a reason")
    func badInput() {
        #expect(throws: PowerLawFit.FitError.tooFewPoints(2)) { try PowerLawFit(x: [1, 2], y: [1, 2]) }
        #expect(throws: PowerLawFit.FitError.nonPositive(x: 0, y: 1)) { try PowerLawFit(x: [0, 1, 2], y: [1, 1, 1]) }
        #expect(throws: PowerLawFit.FitError.noLeverArm) { try PowerLawFit(x: [5, 5, 5], y: [1, 2, 3]) }
    }
}
