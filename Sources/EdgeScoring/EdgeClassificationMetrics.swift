/// How well scores separate true from false edges: counts at a score cut and the ROC AUC.
public struct EdgeClassificationMetrics: Codable, Equatable, Sendable {
    /// The cut: an edge is kept when its score is > `cut`.
    public var cut: Float
    /// Kept true edges.
    public var truePositives: Int
    /// Kept false edges.
    public var falsePositives: Int
    /// Dropped true edges.
    public var falseNegatives: Int
    /// Dropped false edges.
    public var trueNegatives: Int
    /// Area under the ROC curve (probability that a random true edge outscores a random false one; ties count ½).
    public var auc: Double

    /// Kept true edges / true edges (0 when there are none).
    public var efficiency: Double { ratio(truePositives, truePositives + falseNegatives) }
    /// Kept true edges / kept edges (0 when nothing is kept).
    public var purity: Double { ratio(truePositives, truePositives + falsePositives) }
    /// Correct decisions / edges.
    public var accuracy: Double { ratio(truePositives + trueNegatives, truePositives + falsePositives + falseNegatives + trueNegatives) }

    private func ratio(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : 0 }

    /// Metrics of `scores` against `labels` (same length) at `cut`.
    ///
    /// - Complexity: O(n log n) for the AUC.
    public init(scores: [Float], labels: [Bool], cut: Float) {
        precondition(scores.count == labels.count, "scores and labels differ in length")
        self.cut = cut
        var tp = 0, fp = 0, fn = 0, tn = 0
        for (s, y) in zip(scores, labels) {
            switch (s > cut, y) {
            case (true, true): tp += 1
            case (true, false): fp += 1
            case (false, true): fn += 1
            case (false, false): tn += 1
            }
        }
        truePositives = tp; falsePositives = fp; falseNegatives = fn; trueNegatives = tn
        // Mann–Whitney U from the ranks, with ties sharing their mean rank.
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0, i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            let meanRank = Double(i + j) / 2 + 1
            for k in i ... j where labels[order[k]] { rankSum += meanRank }
            i = j + 1
        }
        let positives = Double(tp + fn), negatives = Double(fp + tn)
        auc = positives > 0 && negatives > 0 ? (rankSum - positives * (positives + 1) / 2) / (positives * negatives) : 0
    }

    enum CodingKeys: String, CodingKey {
        case cut, truePositives = "true_positives", falsePositives = "false_positives"
        case falseNegatives = "false_negatives", trueNegatives = "true_negatives", auc
    }
}
