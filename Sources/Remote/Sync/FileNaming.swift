/// Names new agent files after the agent: `Support Desk (EU)` becomes `support-desk-eu.yaml`.
public enum FileNaming {
    public static func slug(_ name: String) -> String {
        var slug = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") && !slug.isEmpty {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "agent" : String(slug.prefix(60))
    }

    /// `directory/slug.yaml`, or `slug-2.yaml`, `slug-3.yaml`... when the name is taken.
    public static func uniquePath(for name: String, in directory: String, taken: (String) -> Bool) -> String {
        let base = slug(name)
        var candidate = "\(directory)/\(base).yaml"
        var number = 2
        while taken(candidate) {
            candidate = "\(directory)/\(base)-\(number).yaml"
            number += 1
        }
        return candidate
    }
}
