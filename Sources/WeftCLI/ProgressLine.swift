import Foundation

/// A one-line progress display on standard error (rewritten in place on a terminal, one line per
/// update otherwise).
final class ProgressLine {
    let total: Int
    let label: String
    let interactive = isatty(STDERR_FILENO) != 0
    let start = Date()

    init(total: Int, label: String) { self.total = total; self.label = label }

    func update(done: Int, detail: String) {
        let elapsed = Date().timeIntervalSince(start)
        let line = "[\(label)] \(done)/\(total)  \(detail)  (\(String(format: "%.1f", elapsed)) s elapsed)"
        FileHandle.standardError.write(Data(((interactive ? "\r\u{1B}[K" : "") + line + (interactive ? "" : "\n")).utf8))
    }

    func finish() {
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
