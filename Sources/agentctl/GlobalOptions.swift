import ConfigModel
import Foundation

/// `-C DIR` / `--chdir DIR` before the command, as `git -C` and `make -C` take it: run as if started in DIR. Read
/// before the command line is parsed, since the folder must change before any file is found.
enum GlobalOptions {
    static let names = ["-C", "--chdir"]

    /// The arguments without the leading `-C DIR` options, and the folders they name, in order.
    static func split(_ arguments: [String]) throws -> (folders: [String], rest: [String]) {
        var folders: [String] = [], index = 0
        while index < arguments.count {
            let word = arguments[index]
            if names.contains(word) {
                guard index + 1 < arguments.count, !arguments[index + 1].isEmpty else {
                    throw CommandFailure.usage("\(word) needs a folder: agentctl \(word) DIR COMMAND ...")
                }
                folders.append(arguments[index + 1])
                index += 2
            } else if word.hasPrefix("--chdir=") {
                folders.append(String(word.dropFirst("--chdir=".count)))
                index += 1
            } else {
                break
            }
        }
        return (folders, Array(arguments[index...]))
    }

    /// Changes into each folder in turn, a relative one from the one before (as `git -C a -C b` does).
    static func enter(_ folders: [String]) throws {
        for folder in folders where !FileManager.default.changeCurrentDirectoryPath(folder) {
            throw CommandFailure.usage("cannot change to the folder \(VisibleText.escape(folder)) (-C): "
                + (FileManager.default.fileExists(atPath: folder) ? "it is not a folder you can enter" : "it does not exist"))
        }
    }
}
