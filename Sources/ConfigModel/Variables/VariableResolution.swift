/// Replaces each `${NAME}` scalar of a file's node tree by its value, read as if written plain at the same place,
/// so the field's type reads it (`${TIMEOUT}` with TIMEOUT=12 is the number 12 for a number field) and every
/// later error points at the placeholder's line.
public struct VariableResolution: Sendable {
    /// One placeholder and what it became.
    public struct Resolved: Sendable {
        public let mark: SourceMark
        public let path: [String]
        public let placeholder: Placeholder
        /// The variable used; nil when its default was.
        public let variable: Variables.Variable?

        public var secret: Bool { variable?.secret ?? false }

        /// `${TIMEOUT} = 45 from vars/production.yaml:3`, the value hidden when the variable is secret.
        public var origin: String {
            guard let variable else {
                return "${\(placeholder.name)} is not set; its default `\(placeholder.defaultValue ?? "")` is used"
            }
            let value = variable.secret ? Variables.hidden : "`\(variable.value)`"
            return "${\(variable.name)} = \(value) from \(variable.source)"
        }
    }

    public let root: YAMLNode
    public let resolved: [Resolved]
    /// Placeholders whose variable is not set and that have no default.
    public let problems: [Diagnostic]

    public init(_ root: YAMLNode, variables: Variables) {
        // Most files hold no placeholder: they are kept as read instead of rebuilt node by node.
        guard Self.needsRewrite(root) else {
            (self.root, resolved, problems) = (root, [], [])
            return
        }
        var resolved: [Resolved] = []
        var problems: [Diagnostic] = []
        self.root = Self.resolve(root, path: [], variables: variables, resolved: &resolved, problems: &problems)
        self.resolved = resolved
        self.problems = problems
    }

    /// The field paths whose value came from a secret variable.
    public var secretPaths: [[String]] { resolved.filter(\.secret).map(\.path) }
    /// The names of the variables used, for redacting their secret values from output.
    public var names: Set<String> { Set(resolved.compactMap { $0.variable?.name }) }

    /// Each diagnostic at a placeholder also names the variable and where its value came from.
    public func annotate(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            guard let origin = resolved.first(where: { $0.mark == diagnostic.mark }) else { return diagnostic }
            var notes = diagnostic.notes
            if let variable = origin.variable, case .file(let mark) = variable.source {
                notes.append(Diagnostic.Note("`\(variable.name)` is set here", at: mark))
            }
            return Diagnostic(diagnostic.severity, diagnostic.rule, at: diagnostic.mark,
                              diagnostic.message + " (\(origin.origin))", path: diagnostic.path, notes: notes)
        }
    }

    /// Whether `resolve` would change the tree: a placeholder or an escaped one, or a collection reached through an
    /// alias (which `resolve` rebuilds without its anchor mark).
    private static func needsRewrite(_ node: YAMLNode) -> Bool {
        switch node.content {
        case .mapping(let pairs): return node.anchorMark != nil || pairs.contains { needsRewrite($0.value) }
        case .sequence(let items): return node.anchorMark != nil || items.contains(where: needsRewrite)
        case .scalar(let text, _, _):
            return text.utf8.first == UInt8(ascii: "$") && (Placeholder.unescaped(text) != nil || Placeholder(text) != nil)
        }
    }

    private static func resolve(_ node: YAMLNode, path: [String], variables: Variables, resolved: inout [Resolved],
                                problems: inout [Diagnostic]) -> YAMLNode {
        switch node.content {
        case .mapping(let pairs):
            return YAMLNode(.mapping(pairs.map { pair in
                YAMLNode.Pair(key: pair.key, keyMark: pair.keyMark,
                              value: resolve(pair.value, path: path + [pair.key], variables: variables, resolved: &resolved,
                                             problems: &problems))
            }), mark: node.mark)
        case .sequence(let items):
            return YAMLNode(.sequence(items.enumerated().map { index, item in
                resolve(item, path: path + [String(index)], variables: variables, resolved: &resolved, problems: &problems)
            }), mark: node.mark)
        case .scalar(let text, _, let tag):
            if let literal = Placeholder.unescaped(text) {
                return YAMLNode(.scalar(literal, .doubleQuoted, tag: tag), mark: node.mark)
            }
            guard let placeholder = Placeholder(text) else { return node }
            let variable = variables.lookup(placeholder.name)
            guard let value = variable?.value ?? placeholder.defaultValue else {
                problems.append(Diagnostic.error(.variable, "${\(placeholder.name)} is not set and has no default; set it in the "
                    + "environment or the environment's variables file, or write ${\(placeholder.name):-default}", at: node.mark))
                return node
            }
            resolved.append(Resolved(mark: node.mark, path: path, placeholder: placeholder, variable: variable))
            // A variable is a value, never YAML's null: text like `null` or the empty default stays text.
            let resolvedStyle: YAMLNode.ScalarStyle = YAMLCoreSchema.isNull(value) ? .doubleQuoted : .plain
            return YAMLNode(.scalar(value, resolvedStyle, tag: tag), mark: node.mark)
        }
    }
}

extension Diagnostic.Rule {
    /// A `${NAME}` placeholder that cannot be resolved.
    public static let variable = Diagnostic.Rule(rawValue: "variable")
}
