import HitGraph

extension InteractionNetwork {
    /// The mean loss over the edges of `graph` and its gradient with respect to every parameter
    /// (laid out like ``parameters``).
    ///
    /// - Parameters:
    ///   - labels: whether each edge is true (`edgeCount` entries).
    ///   - edgeWeights: an optional extra weight per edge.
    /// - Throws: ``EdgeScoringError/featureMismatch(kind:expected:found:)``, or
    ///   ``EdgeScoringError/invalidTrainingData(reason:)`` when the label or weight count is wrong.
    public func lossAndGradient(for graph: EventGraph, labels: [Bool], edgeWeights: [Float]? = nil, loss: EdgeLoss,
                                workspace: InteractionNetworkWorkspace) throws -> (loss: Double, gradient: [Float]) {
        try validate(graph, labels: labels, weights: edgeWeights)
        var gradient = [Float](repeating: 0, count: parameterCount)
        let count = max(1, graph.edgeCount)
        let sum = gradient.withUnsafeMutableBufferPointer {
            accumulateGradient(graph, labels: labels, weights: edgeWeights, loss: loss, scale: 1 / Float(count),
                               gradient: $0.baseAddress!, workspace: workspace)
        }
        return (sum / Double(count), gradient)
    }

    /// The mean loss over the edges of `graph` (no gradient).
    ///
    /// - Throws: as ``lossAndGradient(for:labels:edgeWeights:loss:workspace:)``.
    public func loss(for graph: EventGraph, labels: [Bool], edgeWeights: [Float]? = nil, loss: EdgeLoss,
                     workspace: InteractionNetworkWorkspace) throws -> Double {
        try validate(graph, labels: labels, weights: edgeWeights)
        forward(graph, workspace: workspace, record: false)
        return loss.sum(count: graph.edgeCount, logits: workspace.logits.pointer, labels: labels, weights: edgeWeights,
                        scale: 0, gradient: nil) / Double(max(1, graph.edgeCount))
    }

    func validate(_ graph: EventGraph, labels: [Bool], weights: [Float]?) throws {
        try validate(graph)
        guard labels.count == graph.edgeCount else {
            throw EdgeScoringError.invalidTrainingData(reason: "\(labels.count) labels for \(graph.edgeCount) edges")
        }
        if let weights {
            guard weights.count == graph.edgeCount else {
                throw EdgeScoringError.invalidTrainingData(reason: "\(weights.count) edge weights for \(graph.edgeCount) edges")
            }
            guard weights.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
                throw EdgeScoringError.invalidTrainingData(reason: "edge weights must be finite and non-negative")
            }
        }
    }

    /// Recorded forward, loss and backward for one graph: adds `scale · dΣℓ/dθ` to `gradient` and
    /// returns the unscaled loss sum `Σ_e w_e ℓ_e`.
    func accumulateGradient(_ graph: EventGraph, labels: [Bool], weights: [Float]?, loss: EdgeLoss, scale: Float,
                            gradient: UnsafeMutablePointer<Float>, workspace ws: InteractionNetworkWorkspace) -> Double {
        guard graph.edgeCount > 0 else { return 0 }
        forward(graph, workspace: ws, record: true)
        let dLogits = ws.logitGrad.reserve(graph.edgeCount)
        let sum = loss.sum(count: graph.edgeCount, logits: ws.logits.pointer, labels: labels, weights: weights,
                           scale: scale, gradient: dLogits)
        backward(graph, workspace: ws, logitGradient: dLogits, gradient: gradient)
        return sum
    }
}
