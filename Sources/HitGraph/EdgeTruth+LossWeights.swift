extension EdgeTruth {
    /// Per-edge loss weights by the pT class of each true edge's particle: true edges below `signalPt`
    /// weigh `lowPtWeight`, true edges at or above `highPt` weigh `highPtWeight` (a threshold of 0
    /// switches its class off), every other edge — false edges included — weighs 1.
    ///
    /// - Returns: nil when neither class is active (every weight would be 1).
    public func lossWeights(signalPt: Float, lowPtWeight: Float, highPt: Float, highPtWeight: Float) -> [Float]? {
        let lowClass = lowPtWeight != 1 && signalPt > 0, highClass = highPtWeight != 1 && highPt > 0
        guard lowClass || highClass else { return nil }
        return labels.indices.map { e in
            guard labels[e] else { return 1 }
            if lowClass && pT[e] < signalPt { return lowPtWeight }
            if highClass && pT[e] >= highPt { return highPtWeight }
            return 1
        }
    }
}
