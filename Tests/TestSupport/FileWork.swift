import Foundation
import XCTest

/// The file-system work of one `agentctl` run, counted by strace (Debian's `strace`, installed by scripts/setup): the
/// system calls that name a file (open, stat, rename, unlink...) and the bytes written to the file written most.
/// Counts, unlike seconds, do not depend on the machine's load, so a scale test can compare two sizes exactly.
public struct FileWork: Equatable, CustomStringConvertible {
    /// System calls that take a path (strace's `%file` class).
    public var callsNamingAFile = 0
    /// The most bytes written to one file over the run, its atomic rewrites (`.NAME.tmp-XXXXXX`) counted as the file:
    /// a file rewritten whole as agents finish shows here.
    public var bytesWrittenToOneFile = 0

    public var description: String {
        "\(callsNamingAFile) calls naming a file, \(bytesWrittenToOneFile) bytes written to the file written most"
    }

    /// This work divided by `count` (agents), rounded up.
    public func per(_ count: Int) -> FileWork {
        FileWork(callsNamingAFile: (callsNamingAFile + count - 1) / count,
                 bytesWrittenToOneFile: (bytesWrittenToOneFile + count - 1) / count)
    }

    /// Runs `agentctl` under strace and counts its file-system work; fails the test if it does not exit 0.
    public static func of(_ arguments: [String], in directory: URL, environment: [String: String],
                          file: StaticString = #filePath, line: UInt = #line) throws -> FileWork {
        let trace = directory.deletingLastPathComponent().appendingPathComponent("strace-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: trace) }
        let agentctl = try AgentctlProcess.product("agentctl").path
        // --seccomp-bpf stops the process only at the calls traced, so the run is not slowed by its network calls.
        let strace = ["-f", "-qq", "--seccomp-bpf", "-y", "-s", "0", "-e", "signal=none",
                      "-e", "trace=%file,write,pwrite64,writev,pwritev", "-o", trace.path, agentctl]
        let run = try AgentctlProcess.run(strace + arguments, in: directory, environment: environment,
                                          executable: "/usr/bin/strace")
        XCTAssertEqual(run.status, 0, "strace agentctl \(arguments.joined(separator: " ")): \(run.stdout)\(run.stderr)",
                       file: file, line: line)
        return count(try String(contentsOf: trace, encoding: .utf8))
    }

    /// Reads strace's lines (`PID call(args) = result`); a call another thread interrupted is split into an
    /// `<unfinished ...>` line and a `<... call resumed>` line, joined here by the thread's id.
    static func count(_ trace: String) -> FileWork {
        var work = FileWork()
        var bytesByFile: [Substring: Int] = [:]
        var unfinished: [Substring: Substring] = [:]
        for line in trace.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            let thread = line[..<space]
            var call = line[line.index(after: space)...]
            if call.hasSuffix("<unfinished ...>") {
                unfinished[thread] = call
                continue
            }
            if call.hasPrefix("<..."), let start = unfinished.removeValue(forKey: thread),
               let resumed = call.range(of: "resumed>") {
                call = start.dropLast("<unfinished ...>".count) + call[resumed.upperBound...]
            }
            guard let open = call.firstIndex(of: "(") else { continue }
            let name = call[..<open]
            if name.hasPrefix("write") || name.hasPrefix("pwrite") {
                // `write(5</tmp/x/agents/a.yaml>, ..., 120) = 120`: the descriptor's path says it is a file; 1 and 2
                // are the captured output, which is not the work measured.
                let arguments = call[call.index(after: open)...]
                let descriptor = arguments.prefix(while: \.isNumber)
                let path = arguments.dropFirst(descriptor.count)
                guard descriptor != "1", descriptor != "2", path.hasPrefix("</"), let end = path.firstIndex(of: ">"),
                      let equals = call.range(of: " = ", options: .backwards),
                      let written = Int(call[equals.upperBound...].prefix(while: \.isNumber)) else { continue }
                bytesByFile[target(of: path[path.index(path.startIndex, offsetBy: 1)..<end]), default: 0] += written
            } else {
                work.callsNamingAFile += 1
            }
        }
        work.bytesWrittenToOneFile = bytesByFile.values.max() ?? 0
        return work
    }

    /// `/x/.agentctl.lock.tmp-Ab12Cd`, AtomicFile's temporary file, is `/x/agentctl.lock`.
    static func target(of path: Substring) -> Substring {
        guard let slash = path.lastIndex(of: "/"), let tmp = path.range(of: ".tmp-", options: .backwards),
              path[path.index(after: slash)...].hasPrefix("."), path[tmp.upperBound...].count == 6 else { return path }
        return path[...slash] + path[path.index(slash, offsetBy: 2)..<tmp.lowerBound]
    }
}
