/// A branch of one agent other than its main branch (`branch_id` on the agent endpoints). Branch IDs are per agent:
/// the same name is a different ID on each agent.
public struct AgentBranch: Sendable, Equatable {
    public let name: String
    public let id: String

    public init(name: String, id: String) {
        self.name = name
        self.id = id
    }
}

/// The branch each agent is worked on in one run (nil name: each agent's recorded branch), by agent ID, and the
/// agents whose requested branch does not exist yet (a push creates it from the main branch). Not written to the
/// lock itself: each sync records its agent's branch on the entry it makes.
public struct WorkingBranches: Sendable, Equatable {
    /// The branch named on the command line; nil when each agent stays on the branch the lock records for it.
    public var requested: String?
    public var byAgent: [String: AgentBranch] = [:]
    /// Agent IDs whose requested branch is still to be created.
    public var missing: Set<String> = []

    public init(requested: String? = nil) { self.requested = requested }

    /// Whether anything here moves a request off the main branch.
    public var isEmpty: Bool { requested == nil && byAgent.isEmpty }
}
