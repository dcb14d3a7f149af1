/// For a pull: tells a field whose file value is a `${NAME}` placeholder that still resolves to the live value (keep
/// the placeholder) from one whose live value moved away (drift). It never hands back a secret's value, so nothing
/// built from its answer can write one into a file.
public enum PlaceholderComparison {
    public enum Outcome: Sendable, Equatable {
        /// The file's value is not a placeholder: compare it as any other value.
        case notAPlaceholder
        /// The placeholder resolves to the live value: the file keeps the placeholder, byte for byte.
        case keep
        /// The live value differs from what the placeholder resolves to.
        case drift(Drift)
        /// The placeholder cannot be resolved (unset, no default), so it cannot be compared.
        case unresolved(Diagnostic)
    }

    public struct Drift: Sendable, Equatable {
        public let placeholder: String
        /// Where the resolved value came from (`${TIMEOUT} = `12` from vars/production.yaml:3`), a secret hidden.
        public let origin: String
        public let secret: Bool
        /// The resolved and live values, to show; both nil when the variable is secret.
        public let resolved: JSONValue?
        public let remote: JSONValue?
    }

    /// `kind` is the field's scalar kind (nil when unknown), so `${TIMEOUT}` = `12` equals the live number 12.
    public static func compare(_ node: YAMLNode, remote: JSONValue, kind: ScalarKind?, variables: Variables) -> Outcome {
        guard let (text, _, _) = node.scalar, Placeholder(text) != nil else { return .notAPlaceholder }
        let resolution = VariableResolution(node, variables: variables)
        if let problem = resolution.problems.first { return .unresolved(problem) }
        guard let resolved = resolution.resolved.first else { return .notAPlaceholder }
        return compare(resolved, local: NodeConversion.json(resolution.root, kind: { _ in kind }), remote: remote,
                       variables: variables)
    }

    /// For a placeholder already resolved and read by its field's type (`local`); `remote` nil when the live
    /// item has no value there.
    public static func compare(_ resolved: VariableResolution.Resolved, local: JSONValue, remote: JSONValue?,
                               variables: Variables) -> Outcome {
        if local == remote { return .keep }
        let secret = resolved.secret || remote.map(variables.isSecret) == true || variables.isSecret(local)
        return .drift(Drift(placeholder: "${\(resolved.placeholder.name)}", origin: resolved.origin, secret: secret,
                            resolved: secret ? nil : local, remote: secret ? nil : remote))
    }
}
