import HitGraph

extension InteractionNetwork {
    /// The forward pass: the logits land in `ws.logits` (`edgeCount` floats). With `record`, every
    /// layer's normalised pre-activations, outputs and 1/σ, every latent X_k, E_k and every node-update
    /// input are kept in the workspace for ``backward(_:workspace:logitGradient:gradient:)``.
    ///
    /// Step k: `X_{k+1} = X_k + φₙ([X_k, Σ_{in} E_k, Σ_{out} E_k])`, then
    /// `E_{k+1} = E_k + φₑ([E_k, X_{k+1}[src], X_{k+1}[dst]])`; logits `= φ_c([E_K, X_K[src], X_K[dst]])`.
    ///
    /// - Precondition: the graph was checked by ``validate(_:)``.
    func forward(_ graph: EventGraph, workspace ws: InteractionNetworkWorkspace, record: Bool) {
        let nodes = graph.nodeCount, edges = graph.edgeCount, h = config.hidden
        ws.logits.reserve(max(1, edges))
        ws.recordCount = 0
        if record { ws.tape = .init() }
        // Without edges there is nothing to score (and nothing to learn from).
        guard edges > 0 else { return }
        ws.topology.rebuild(nodeCount: nodes, source: graph.source, target: graph.target)
        let nodeColumns = config.nodeFeatures.count, edgeColumns = config.edgeFeatures.count
        let xIn = ws.nodeInput.reserve(nodes * nodeColumns), eIn = ws.edgeInput.reserve(edges * edgeColumns)
        graph.nodeFeatures.withUnsafeBufferPointer { raw in
            normalization.nodeMean.withUnsafeBufferPointer { mean in
                normalization.nodeScale.withUnsafeBufferPointer { scale in
                    DenseKernels.standardize(rows: nodes, width: nodeColumns, x: raw.baseAddress!, mean: mean.baseAddress!,
                                             scale: scale.baseAddress!, out: xIn)
                }
            }
        }
        graph.edgeFeatures.withUnsafeBufferPointer { raw in
            normalization.edgeMean.withUnsafeBufferPointer { mean in
                normalization.edgeScale.withUnsafeBufferPointer { scale in
                    DenseKernels.standardize(rows: edges, width: edgeColumns, x: raw.baseAddress!, mean: mean.baseAddress!,
                                             scale: scale.baseAddress!, out: eIn)
                }
            }
        }
        parameters.withUnsafeBufferPointer { pb in
            GraphPointers.with(graph, ws.topology) { graphPointers in
                forward(graphPointers, p: pb.baseAddress!, xIn: xIn, eIn: eIn, ws: ws, record: record, h: h)
            }
        }
    }

    private func forward(_ g: GraphPointers, p: UnsafePointer<Float>, xIn: UnsafeMutablePointer<Float>,
                         eIn: UnsafeMutablePointer<Float>, ws: InteractionNetworkWorkspace, record: Bool, h: Int) {
        let nodes = g.nodes, edges = g.edges
        // Encoders.
        let nodeEncoded = mlp(layout.nodeEncoder, rows: nodes, input: xIn, ldIn: config.nodeFeatures.count, p: p, ws: ws,
                              record: record, temps: ws.nodeTemp, last: record ? nil : ws.nodeLatent.reserve(nodes * h))
        let edgeEncoded = mlp(layout.edgeEncoder, rows: edges, input: eIn, ldIn: config.edgeFeatures.count, p: p, ws: ws,
                              record: record, temps: ws.edgeTemp, last: record ? nil : ws.edgeLatent.reserve(edges * h))
        var x = nodeEncoded.output, e = edgeEncoded.output
        if record {
            ws.tape.nodeEncoder = nodeEncoded.records; ws.tape.edgeEncoder = edgeEncoded.records
            ws.tape.nodeLatents = [x]; ws.tape.edgeLatents = [e]
        }
        // Message passing.
        for k in 0 ..< config.steps {
            let cat = record ? InteractionNetworkWorkspace.buffer(&ws.nodeConcats, k, nodes * 3 * h)
                             : ws.nodeConcat.reserve(nodes * 3 * h)
            DenseKernels.copyRows(rows: nodes, width: h, x: x, ldx: h, y: cat, ldy: 3 * h)
            DenseKernels.scatter(nodes: nodes, width: h, offsets: g.inOffsets, edges: g.inEdges, values: e, ldv: h,
                                 into: cat + h, ldo: 3 * h, accumulate: false)
            DenseKernels.scatter(nodes: nodes, width: h, offsets: g.outOffsets, edges: g.outEdges, values: e, ldv: h,
                                 into: cat + 2 * h, ldo: 3 * h, accumulate: false)
            let nodeUpdate = mlp(layout.nodeNetwork(step: k), rows: nodes, input: cat, ldIn: 3 * h, p: p, ws: ws,
                                 record: record, temps: ws.nodeTemp, last: nil)
            if record {
                let next = InteractionNetworkWorkspace.buffer(&ws.nodeLatents, k + 1, nodes * h)
                DenseKernels.sum(count: nodes * h, x, nodeUpdate.output, into: next)
                x = next
            } else {
                DenseKernels.addRows(rows: nodes, width: h, x: nodeUpdate.output, ldx: h, y: x, ldy: h)
            }
            let xNow = x, eNow = e
            let edgeUpdate = mlp(layout.edgeNetwork(step: k), rows: edges, input: eNow, ldIn: h, p: p, ws: ws,
                                 record: record, temps: ws.edgeTemp, last: nil) { layer, out, xh, rs in
                edgeLayer(layer, g, edgeInput: eNow, nodeInput: xNow, p: p, ws: ws, out: out, normalized: xh, inverseStd: rs)
            }
            if record {
                let next = InteractionNetworkWorkspace.buffer(&ws.edgeLatents, k + 1, edges * h)
                DenseKernels.sum(count: edges * h, e, edgeUpdate.output, into: next)
                e = next
                ws.tape.nodeSteps.append(nodeUpdate.records); ws.tape.edgeSteps.append(edgeUpdate.records)
                ws.tape.nodeLatents.append(x); ws.tape.edgeLatents.append(e)
            } else {
                DenseKernels.addRows(rows: edges, width: h, x: edgeUpdate.output, ldx: h, y: e, ldy: h)
            }
        }
        // Classifier.
        let xFinal = x, eFinal = e
        let classified = mlp(layout.classifier, rows: edges, input: eFinal, ldIn: h, p: p, ws: ws, record: record,
                             temps: ws.edgeTemp, last: record ? nil : ws.logits.pointer) { layer, out, xh, rs in
            edgeLayer(layer, g, edgeInput: eFinal, nodeInput: xFinal, p: p, ws: ws, out: out, normalized: xh, inverseStd: rs)
        }
        if record {
            ws.tape.classifier = classified.records
            ws.logits.pointer.update(from: classified.output, count: edges)
        }
    }

    /// Runs the dense layers `layers` on `rows` rows. The first layer is `first` when given (the edge
    /// layers over [e, x_src, x_dst]), otherwise a plain layer on `input`. Outputs go to fresh records
    /// when recording, else alternate between `temps`, the last one into `last` when given.
    private func mlp(_ layers: [DenseLayer], rows: Int, input: UnsafePointer<Float>, ldIn: Int, p: UnsafePointer<Float>,
                     ws: InteractionNetworkWorkspace, record: Bool, temps: (ScratchBuffer, ScratchBuffer),
                     last: UnsafeMutablePointer<Float>?,
                     first: ((DenseLayer, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>?, UnsafeMutablePointer<Float>?) -> Void)? = nil)
        -> (output: UnsafeMutablePointer<Float>, records: [Int]) {
        var records: [Int] = []
        var current = input, ld = ldIn
        var out = last ?? temps.0.pointer
        for (l, layer) in layers.enumerated() {
            var normalized: UnsafeMutablePointer<Float>? = nil, inverseStd: UnsafeMutablePointer<Float>? = nil
            if record {
                let r = ws.nextRecord(rows: rows, width: layer.outputs)
                records.append(r)
                out = ws.records[r].output.pointer
                if layer.norm != nil {
                    normalized = ws.records[r].normalized.pointer
                    inverseStd = ws.records[r].inverseStd.pointer
                }
            } else if l == layers.count - 1, let last {
                out = last
            } else {
                out = (l % 2 == 0 ? temps.0 : temps.1).reserve(rows * layer.outputs)
            }
            if l == 0, let first {
                first(layer, out, normalized, inverseStd)
            } else {
                DenseKernels.gemm(m: rows, n: layer.outputs, k: layer.inputs, a: current, lda: ld, b: p + layer.weight,
                                  ldb: layer.outputs, beta: 0, c: out, ldc: layer.outputs)
                tail(layer, rows: rows, z: out, g0: nil, g1: nil, p: p, normalized: normalized, inverseStd: inverseStd)
            }
            current = UnsafePointer(out); ld = layer.outputs
        }
        return (out, records)
    }

    /// A dense layer over edges whose input is `[E, X[src], X[dst]]` (each block `hidden` wide).
    ///
    /// `[e, x_s, x_d] · W = e · W_e + (X · W_s)[src] + (X · W_d)[dst]`: the node blocks are multiplied
    /// once per node and gathered, so an edge costs `hidden × outputs` multiply-adds instead of three times that.
    func edgeLayer(_ layer: DenseLayer, _ g: GraphPointers, edgeInput: UnsafePointer<Float>, nodeInput: UnsafePointer<Float>,
                   p: UnsafePointer<Float>, ws: InteractionNetworkWorkspace, out: UnsafeMutablePointer<Float>,
                   normalized: UnsafeMutablePointer<Float>?, inverseStd: UnsafeMutablePointer<Float>?) {
        let h = layer.inputs / 3, o = layer.outputs, w = p + layer.weight
        DenseKernels.gemm(m: g.edges, n: o, k: h, a: edgeInput, lda: h, b: w, ldb: o, beta: 0, c: out, ldc: o)
        let ps = ws.projectSource.reserve(g.nodes * o), pd = ws.projectTarget.reserve(g.nodes * o)
        DenseKernels.gemm(m: g.nodes, n: o, k: h, a: nodeInput, lda: h, b: w + h * o, ldb: o, beta: 0, c: ps, ldc: o)
        DenseKernels.gemm(m: g.nodes, n: o, k: h, a: nodeInput, lda: h, b: w + 2 * h * o, ldb: o, beta: 0, c: pd, ldc: o)
        tail(layer, rows: g.edges, z: out, g0: .init(rows: ps, ld: o, index: g.source), g1: .init(rows: pd, ld: o, index: g.target),
             p: p, normalized: normalized, inverseStd: inverseStd)
    }

    private func tail(_ layer: DenseLayer, rows: Int, z: UnsafeMutablePointer<Float>, g0: DenseKernels.Gather?,
                      g1: DenseKernels.Gather?, p: UnsafePointer<Float>, normalized: UnsafeMutablePointer<Float>?,
                      inverseStd: UnsafeMutablePointer<Float>?) {
        DenseKernels.rowTail(rows: rows, width: layer.outputs, z: z, g0: g0, g1: g1, bias: p + layer.bias,
                             norm: layer.norm.map { (p + $0.scale, p + $0.shift) }, epsilon: config.normEpsilon,
                             relu: layer.relu, out: z, normalized: normalized, inverseStd: inverseStd)
    }
}
