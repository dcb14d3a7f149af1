import Foundation

/// The file an item is pulled into, decided before any is fetched so that concurrent writes never pick the same
/// name. A new item whose name's file already exists untracked may adopt it (a pull that was killed after writing
/// it, before recording it) when it already holds exactly what the pull would write; otherwise it gets `fallback`.
struct PullTarget: Sendable {
    let file: String
    let tracked: Bool
    let fallback: String?

    /// One target per item, in order: tracked items keep their file; new ones get the next free name.
    static func assign(_ items: [ResourceListing], resource: Resource, state: SyncState, environment: String,
                       directory: String) -> [PullTarget] {
        var claimed = Set((state.environments[environment] ?? [:]).keys)
        let exists = { (path: String) in FileManager.default.fileExists(atPath: path) }
        return items.map { item in
            if let file = state.file(for: item.id, of: resource, in: environment) {
                return PullTarget(file: file, tracked: true, fallback: nil)
            }
            let file = FileNaming.uniquePath(for: item.name, of: resource, in: directory, taken: claimed.contains)
            claimed.insert(file)
            guard exists(file) else { return PullTarget(file: file, tracked: false, fallback: nil) }
            let fallback = FileNaming.uniquePath(for: item.name, of: resource, in: directory) { claimed.contains($0) || exists($0) }
            claimed.insert(fallback)
            return PullTarget(file: file, tracked: false, fallback: fallback)
        }
    }
}
