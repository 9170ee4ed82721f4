#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One run of an external program (a compiler, an example, valgrind …) with its outputs captured.
struct CommandResult: Sendable {
    var arguments: [String]
    var status: Int32
    /// Whether the process ended by a signal (a crash or an abort) rather than by exiting.
    var signalled: Bool
    var stdout: String
    var stderr: String

    /// A summary for failure messages: the command line, status and the tail of both outputs.
    var summary: String {
        func tail(_ s: String) -> String { s.count > 4000 ? "…" + String(s.suffix(4000)) : s }
        return "$ \(arguments.joined(separator: " "))\n"
            + "\(signalled ? "killed by signal" : "exit status") \(status)\n"
            + "--- stdout ---\n\(tail(stdout))\n--- stderr ---\n\(tail(stderr))"
    }
}

/// Errors of the test support code itself (a tool missing, a build step failing).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
}

enum Command {
    /// Runs `arguments` (the first is looked up in PATH) in `directory`, with `environment` added to
    /// this process's environment and `input` as its stdin; kills its process group after `timeout`
    /// seconds. Outputs go through files, so a chatty program cannot block on a full pipe.
    ///
    /// The child is started with `posix_spawn`, an empty signal mask and default signal dispositions:
    /// children started by Foundation's `Process` here inherit blocked signals, and cmake (libuv),
    /// which waits for SIGCHLD, then never sees its compiler probes finish.
    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                    input: String? = nil, timeout: Double = 600) throws -> CommandResult {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("weft-capi-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout").path, err = scratch.appendingPathComponent("stderr").path
        var inPath = "/dev/null"
        if let input {
            inPath = scratch.appendingPathComponent("stdin").path
            try Data(input.utf8).write(to: URL(fileURLWithPath: inPath))
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        // env(1) finds the program in PATH and, with -C, changes directory first.
        let argv = ["/usr/bin/env"] + (directory.map { ["-C", $0] } ?? []) + arguments
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        var cArgv = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer { for p in cArgv + cEnv { free(p) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, &attributes, &cArgv, &cEnv)
        guard spawned == 0 else {
            throw CommandFailure(description: "cannot start \(arguments.joined(separator: " ")): \(String(cString: strerror(spawned)))")
        }

        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { throw CommandFailure(description: "waitpid: \(String(cString: strerror(errno)))") }
            if Date() > deadline {
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                break
            }
            usleep(10_000)
        }
        // The wait status, decoded as the W* macros do (they are not imported into Swift).
        let signal = status & 0x7f
        return CommandResult(arguments: arguments, status: signal == 0 ? (status >> 8) & 0xff : signal,
                             signalled: signal != 0 && signal != 0x7f,
                             stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                             stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    /// Runs a build step that must succeed.
    @discardableResult
    static func require(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                        input: String? = nil, timeout: Double = 600) throws -> CommandResult {
        let result = try run(arguments, in: directory, environment: environment, input: input, timeout: timeout)
        guard result.status == 0, !result.signalled else { throw CommandFailure(description: result.summary) }
        return result
    }

    /// Whether `tool` is on the PATH.
    static func exists(_ tool: String) -> Bool {
        (try? run(["sh", "-c", "command -v \(tool)"]).status) == 0
    }
}
