import CBuildInfo

/// What `agentctl --version` prints: the release and, when the build was given it, the Git commit.
enum Version {
    static let release = "0.1.0"

    static var description: String {
        let commit = String(cString: agentctl_build_commit())
        return commit.isEmpty ? "\(release) (commit unknown)" : "\(release) (commit \(commit))"
    }
}
