import HitGraph

extension InteractionNetwork {
    /// The backward pass of the last recorded forward pass of `graph`: adds dL/dθ to `gradient`
    /// (laid out like ``parameters``) given dL/d(logit) per edge.
    ///
    /// Reverse of step k (see ``forward(_:workspace:record:)``): the edge update first
    /// (dE_k = dE_{k+1} + ∂φₑ/∂E_k; dX_{k+1} gains the scattered node-block gradients), then the node
    /// update (dX_k = dX_{k+1} + ∂φₙ/∂X_k; dE_k gains the gathered message gradients).
    func backward(_ graph: EventGraph, workspace ws: InteractionNetworkWorkspace, logitGradient: UnsafePointer<Float>,
                  gradient: UnsafeMutablePointer<Float>) {
        let nodes = graph.nodeCount, edges = graph.edgeCount, h = config.hidden
        guard edges > 0 else { return }
        let dE = ws.edgeGrad.reserve(edges * h), dX = ws.nodeGrad.reserve(nodes * h)
        dE.initialize(repeating: 0, count: edges * h)
        dX.initialize(repeating: 0, count: nodes * h)
        let edgeTemps = (ws.edgeGradTemp.0.reserve(edges * h), ws.edgeGradTemp.1.reserve(edges * h))
        let nodeTemps = (ws.nodeGradTemp.0.reserve(nodes * h), ws.nodeGradTemp.1.reserve(nodes * h))
        let tape = ws.tape
        parameters.withUnsafeBufferPointer { pb in
            GraphPointers.with(graph, ws.topology) { g in
                let p = pb.baseAddress!
                let steps = config.steps
                // Classifier: logits = φ_c([E_K, X_K[src], X_K[dst]]).
                edgeTemps.0.update(from: logitGradient, count: edges)
                let top = mlpBackward(layout.classifier, records: tape.classifier, rows: edges, grad: edgeTemps, p: p,
                                      gradient: gradient, ws: ws)
                edgeLayerBackward(layout.classifier[0], g, edgeInput: tape.edgeLatents[steps], nodeInput: tape.nodeLatents[steps],
                                  record: ws.records[tape.classifier[0]], grad: top, p: p, gradient: gradient,
                                  edgeInputGrad: dE, nodeInputGrad: dX, ws: ws)
                for k in stride(from: steps - 1, through: 0, by: -1) {
                    // Edge update: E_{k+1} = E_k + φₑ([E_k, X_{k+1}[src], X_{k+1}[dst]]).
                    let edgeNet = layout.edgeNetwork(step: k)
                    edgeTemps.0.update(from: dE, count: edges * h)
                    let edgeTop = mlpBackward(edgeNet, records: tape.edgeSteps[k], rows: edges, grad: edgeTemps, p: p,
                                              gradient: gradient, ws: ws)
                    edgeLayerBackward(edgeNet[0], g, edgeInput: tape.edgeLatents[k], nodeInput: tape.nodeLatents[k + 1],
                                      record: ws.records[tape.edgeSteps[k][0]], grad: edgeTop, p: p, gradient: gradient,
                                      edgeInputGrad: dE, nodeInputGrad: dX, ws: ws)
                    // Node update: X_{k+1} = X_k + φₙ([X_k, Σ_in E_k, Σ_out E_k]).
                    let nodeNet = layout.nodeNetwork(step: k)
                    nodeTemps.0.update(from: dX, count: nodes * h)
                    let nodeTop = mlpBackward(nodeNet, records: tape.nodeSteps[k], rows: nodes, grad: nodeTemps, p: p,
                                              gradient: gradient, ws: ws)
                    let dCat = ws.nodeConcatGrad.reserve(nodes * 3 * h)
                    denseBackward(nodeNet[0], rows: nodes, input: ws.nodeConcats[k].pointer, ldIn: 3 * h,
                                  record: ws.records[tape.nodeSteps[k][0]], grad: nodeTop, p: p, gradient: gradient,
                                  inputGrad: dCat, ldInGrad: 3 * h, ws: ws)
                    DenseKernels.addRows(rows: nodes, width: h, x: dCat, ldx: 3 * h, y: dX, ldy: h)
                    // Σ_in sums E over edges entering a node (target), Σ_out over edges leaving it (source).
                    DenseKernels.gatherAdd(count: edges, width: h, .init(rows: dCat + h, ld: 3 * h, index: g.target),
                                           .init(rows: dCat + 2 * h, ld: 3 * h, index: g.source), into: dE, ldi: h)
                }
                // Encoders (their inputs are data: no input gradient).
                nodeTemps.0.update(from: dX, count: nodes * h)
                let nodeTop = mlpBackward(layout.nodeEncoder, records: tape.nodeEncoder, rows: nodes, grad: nodeTemps, p: p,
                                          gradient: gradient, ws: ws)
                denseBackward(layout.nodeEncoder[0], rows: nodes, input: ws.nodeInput.pointer, ldIn: config.nodeFeatures.count,
                              record: ws.records[tape.nodeEncoder[0]], grad: nodeTop, p: p, gradient: gradient,
                              inputGrad: nil, ldInGrad: 0, ws: ws)
                edgeTemps.0.update(from: dE, count: edges * h)
                let edgeTop = mlpBackward(layout.edgeEncoder, records: tape.edgeEncoder, rows: edges, grad: edgeTemps, p: p,
                                          gradient: gradient, ws: ws)
                denseBackward(layout.edgeEncoder[0], rows: edges, input: ws.edgeInput.pointer, ldIn: config.edgeFeatures.count,
                              record: ws.records[tape.edgeEncoder[0]], grad: edgeTop, p: p, gradient: gradient,
                              inputGrad: nil, ldInGrad: 0, ws: ws)
            }
        }
    }

    /// Backward through layers `layers.count − 1 … 1` of an MLP whose output gradient is in `grad.0`;
    /// returns the buffer holding dL/d(output of layer 0), ready for layer 0's own backward.
    private func mlpBackward(_ layers: [DenseLayer], records: [Int], rows: Int,
                             grad: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>), p: UnsafePointer<Float>,
                             gradient: UnsafeMutablePointer<Float>, ws: InteractionNetworkWorkspace) -> UnsafeMutablePointer<Float> {
        var current = grad.0, other = grad.1
        for l in stride(from: layers.count - 1, through: 1, by: -1) {
            denseBackward(layers[l], rows: rows, input: ws.records[records[l - 1]].output.pointer, ldIn: layers[l].inputs,
                          record: ws.records[records[l]], grad: current, p: p, gradient: gradient,
                          inputGrad: other, ldInGrad: layers[l].inputs, ws: ws)
            swap(&current, &other)
        }
        return current
    }

    /// Backward through a plain dense layer: `grad` holds dL/d(output) (overwritten with dL/dz);
    /// writes dL/d(input) into `inputGrad` when given.
    private func denseBackward(_ layer: DenseLayer, rows: Int, input: UnsafePointer<Float>, ldIn: Int, record: LayerRecord,
                               grad: UnsafeMutablePointer<Float>, p: UnsafePointer<Float>, gradient: UnsafeMutablePointer<Float>,
                               inputGrad: UnsafeMutablePointer<Float>?, ldInGrad: Int, ws: InteractionNetworkWorkspace) {
        tailBackward(layer, rows: rows, record: record, grad: grad, p: p, gradient: gradient, ws: ws)
        DenseKernels.accumulateWeightGradient(rows: rows, inputs: layer.inputs, outputs: layer.outputs, x: input, ldx: ldIn,
                                              dz: grad, dW: gradient + layer.weight, partials: ws.weightPartials)
        if let inputGrad {
            DenseKernels.gemm(transB: true, m: rows, n: layer.inputs, k: layer.outputs, a: grad, lda: layer.outputs,
                              b: p + layer.weight, ldb: layer.outputs, beta: 0, c: inputGrad, ldc: ldInGrad)
        }
    }

    /// Backward through ``edgeLayer(_:_:edgeInput:nodeInput:p:ws:out:normalized:inverseStd:)``: adds
    /// dL/dE to `edgeInputGrad` and dL/dX (through both gathers) to `nodeInputGrad`.
    private func edgeLayerBackward(_ layer: DenseLayer, _ g: GraphPointers, edgeInput: UnsafePointer<Float>,
                                   nodeInput: UnsafePointer<Float>, record: LayerRecord, grad: UnsafeMutablePointer<Float>,
                                   p: UnsafePointer<Float>, gradient: UnsafeMutablePointer<Float>,
                                   edgeInputGrad: UnsafeMutablePointer<Float>, nodeInputGrad: UnsafeMutablePointer<Float>,
                                   ws: InteractionNetworkWorkspace) {
        tailBackward(layer, rows: g.edges, record: record, grad: grad, p: p, gradient: gradient, ws: ws)
        let h = layer.inputs / 3, o = layer.outputs, w = p + layer.weight, dW = gradient + layer.weight
        DenseKernels.accumulateWeightGradient(rows: g.edges, inputs: h, outputs: o, x: edgeInput, ldx: h, dz: grad, dW: dW,
                                              partials: ws.weightPartials)
        DenseKernels.gemm(transB: true, m: g.edges, n: h, k: o, a: grad, lda: o, b: w, ldb: o, beta: 1, c: edgeInputGrad, ldc: h)
        // (X·W_s)[src]: the projection's gradient is dz summed over each node's outgoing edges.
        let blocks: [(offsets: UnsafePointer<Int32>, edges: UnsafePointer<Int32>, buffer: ScratchBuffer, block: Int)] = [
            (g.outOffsets, g.outEdges, ws.projectGradSource, 1), (g.inOffsets, g.inEdges, ws.projectGradTarget, 2),
        ]
        for b in blocks {
            let dP = b.buffer.reserve(g.nodes * o)
            DenseKernels.scatter(nodes: g.nodes, width: o, offsets: b.offsets, edges: b.edges, values: grad, ldv: o,
                                 into: dP, ldo: o, accumulate: false)
            DenseKernels.accumulateWeightGradient(rows: g.nodes, inputs: h, outputs: o, x: nodeInput, ldx: h, dz: dP,
                                                  dW: dW + b.block * h * o, partials: ws.weightPartials)
            DenseKernels.gemm(transB: true, m: g.nodes, n: h, k: o, a: dP, lda: o, b: w + b.block * h * o, ldb: o,
                              beta: 1, c: nodeInputGrad, ldc: h)
        }
    }

    private func tailBackward(_ layer: DenseLayer, rows: Int, record: LayerRecord, grad: UnsafeMutablePointer<Float>,
                              p: UnsafePointer<Float>, gradient: UnsafeMutablePointer<Float>, ws: InteractionNetworkWorkspace) {
        let norm = layer.norm
        DenseKernels.rowTailBackward(rows: rows, width: layer.outputs, grad: grad, output: record.output.pointer,
                                     normalized: norm == nil ? nil : UnsafePointer(record.normalized.pointer),
                                     inverseStd: norm == nil ? nil : UnsafePointer(record.inverseStd.pointer),
                                     scale: norm.map { p + $0.scale }, relu: layer.relu, dBias: gradient + layer.bias,
                                     dScale: norm.map { gradient + $0.scale }, dShift: norm.map { gradient + $0.shift },
                                     partials: ws.partials)
    }
}
