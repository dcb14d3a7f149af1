import ConfigModel

/// The API refused a body (HTTP 422): each problem with the field path it names (`loc` without its "body" prefix).
public struct RejectedByAPI: Error, Sendable, CustomStringConvertible {
    public struct Problem: Sendable, Equatable {
        public let path: [String]
        public let message: String

        public init(path: [String], message: String) {
            self.path = path
            self.message = message
        }
    }

    public let problems: [Problem]

    public init(problems: [Problem]) { self.problems = problems }

    public var description: String {
        problems.map { "\($0.path.joined(separator: ".")): \($0.message)" }.joined(separator: "; ")
    }

    /// Each problem as a diagnostic at the line of the field it names in the file (or the nearest line above it).
    public func diagnostics(in document: AgentDocument) -> [Diagnostic] {
        problems.map { problem in
            var path = problem.path
            var node = document.node(at: path)
            while node == nil, !path.isEmpty {
                path.removeLast()
                node = document.node(at: path)
            }
            let mark = node?.mark ?? document.root.mark
            let field = problem.path.joined(separator: ".")
            return Diagnostic(.error, .api, at: mark, "\(field): \(problem.message)", path: field)
        }
    }
}
