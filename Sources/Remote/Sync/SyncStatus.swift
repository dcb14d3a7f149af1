/// Where a file stands against its live resource, in the words `agentctl status` prints.
public struct SyncStatus: Sendable {
    public static let inSync = "in sync"

    public let file: String
    public let id: String?
    public let label: String

    public init(plan: PlannedFile) {
        file = plan.file
        id = plan.id ?? plan.deletedRemotely
        let kinds = Set(plan.comparison.changes.map(\.kind))
        let label: String
        if plan.deletedRemotely != nil {
            label = "deleted remotely"
        } else if plan.comparison.isCreate {
            label = "not yet created"
        } else if kinds.contains(.conflict) {
            label = "conflict"
        } else if kinds.contains(.drift) && kinds.contains(.change) {
            label = "local changes, remote drift"
        } else if kinds.contains(.drift) {
            label = "remote drift"
        } else if kinds.contains(.change) {
            label = "local changes"
        } else {
            label = Self.inSync
        }
        self.label = plan.renamedFrom.map { "\(label), renamed from \($0)" } ?? label
    }
}
