import Weft

/// One method's run and its evaluation, as the demo shows them.
struct DemoResult {
    var method: ReconstructionMethodRunner
    var run: MethodRun
    var report: EvaluationReport
}
