import ArgumentParser
import Foundation
@testable import agentctl
import TestSupport
import XCTest

/// The README's command lines are the ones users copy: each must parse, and each option it names must exist.
final class ReadmeCommandLineTests: XCTestCase {
    private var readme: String {
        get throws { try String(contentsOf: AgentctlProcess.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8) }
    }

    /// The lines of fenced code blocks (a line ending in ` \` joined with the next, as a shell does) and the inline
    /// code spans of the other lines.
    static func code(_ text: String) -> (blockLines: [String], spans: [String]) {
        var blockLines: [String] = [], spans: [String] = []
        var inBlock = false, continued: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inBlock.toggle(); continue }
            if inBlock {
                let joined = (continued.map { $0 + " " } ?? "") + line.trimmingCharacters(in: .whitespaces)
                if joined.hasSuffix(" \\") {
                    continued = String(joined.dropLast(2))
                } else {
                    blockLines.append(joined)
                    continued = nil
                }
                continue
            }
            spans += line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        return (blockLines, spans)
    }

    /// Every `agentctl ...` in a code block or a code span, cut at a comment, a redirection or the next command.
    static func commandLines(_ text: String) -> [String] {
        let (blockLines, spans) = code(text)
        var found: [String] = []
        for candidate in blockLines + spans {
            for segment in candidate.components(separatedBy: "&&") {
                var words = segment.trimmingCharacters(in: .whitespaces)
                for prefix in ["run: ", "$ "] where words.hasPrefix(prefix) { words.removeFirst(prefix.count) }
                guard words.hasPrefix("agentctl ") || words == "agentctl" else { continue }
                // A process substitution `<(...)` stands for a file name: keep it as one word.
                words = words.replacingOccurrences(of: #"<\([^)]*\)"#, with: "/dev/fd/63", options: .regularExpression)
                for cut in [" #", " >", " <", " |"] {
                    if let range = words.range(of: cut) { words = String(words[..<range.lowerBound]) }
                }
                found.append(words.trimmingCharacters(in: .whitespaces))
            }
        }
        return found
    }

    /// Shell words: single and double quotes group and are removed.
    static func words(_ line: String) -> [String] {
        var words: [String] = [], current = "", quote: Character?, inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character; inWord = true
            } else if character == " " {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(character); inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    func testEveryCommandLineInTheREADMEParses() throws {
        let lines = Self.commandLines(try readme)
        XCTAssertGreaterThan(lines.count, 15, "\(lines)")
        for line in lines where !line.contains("[") {  // `agentctl init [DIR] [--force]` is a synopsis: see the next test
            do {
                // `-C DIR` comes before the command and is read before the parser sees the rest.
                _ = try AgentCtl.parseAsRoot(try GlobalOptions.split(Array(Self.words(line).dropFirst())).rest)
            } catch {
                XCTAssertEqual(AgentCtl.exitCode(for: error), .success, "README: `\(line)`: \(AgentCtl.fullMessage(for: error))")
            }
        }
    }

    func testEveryOptionTheREADMENamesExists() throws {
        let known = try Self.longOptions()
        XCTAssertTrue(known.contains("--assumptions-file") && known.contains("--stdin-filename"), "\(known.sorted())")
        let text = try readme
        let synopses = Self.commandLines(text).filter { $0.contains("[") }
        let spans = Self.code(text).spans.filter { $0.hasPrefix("--") }
        for option in (synopses.flatMap(Self.words) + spans)
            .compactMap({ $0.split(separator: " ").first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "[]")) } })
            .filter({ $0.hasPrefix("--") }) {
            let name = String(option.prefix { $0 != "=" })
            XCTAssertTrue(known.contains(name) || GlobalOptions.names.contains(name) || Self.otherTools.contains(name), "README names \(name), which agentctl does not have")
        }
    }

    /// Every `--name` of every command, read from the binary's own description of its interface.
    static func longOptions() throws -> Set<String> {
        let dump = try AgentctlProcess.run(["--experimental-dump-help"])
        let root = try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any]
        func options(_ command: [String: Any]) -> [String] {
            let arguments = command["arguments"] as? [[String: Any]] ?? []
            let names = arguments.flatMap { $0["names"] as? [[String: Any]] ?? [] }
                .filter { $0["kind"] as? String == "long" }.compactMap { ($0["name"] as? String).map { "--" + $0 } }
            return names + (command["subcommands"] as? [[String: Any]] ?? []).flatMap(options)
        }
        return Set(options(root?["command"] as? [String: Any] ?? [:]))
    }

    /// Options the README shows for other tools (the Swift build), not for agentctl.
    static let otherTools: Set<String> = ["--static-swift-stdlib"]
}
