import Foundation

/// Names new files after the resource: the agent `Support Desk (EU)` becomes `agents/support-desk-eu.yaml`.
public enum FileNaming {
    /// ICU's transliteration to ASCII: accents dropped (`Ünïcödé Çafé` -> `Unicode Cafe`), ligatures spelled out
    /// (`Straße` -> `Strasse`), other scripts romanised (`Привет` -> `Privet`). Works on Linux, unlike `.toLatin` alone.
    private static let toASCII = StringTransform("Any-Latin; Latin-ASCII")

    public static func slug(_ name: String, fallback: String) -> String {
        let ascii = name.applyingTransform(toASCII, reverse: false) ?? name
        var slug = ""
        for scalar in ascii.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") && !slug.isEmpty {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? fallback : String(slug.prefix(60))
    }

    /// `directory/slug.yaml`, or `slug-2.yaml`, `slug-3.yaml`... when the name is taken; a name with no letter
    /// or digit is named after its kind (`agent.yaml`).
    public static func uniquePath(for name: String, of resource: Resource, in directory: String,
                                  taken: (String) -> Bool) -> String {
        let base = slug(name, fallback: resource.kind)
        var candidate = "\(directory)/\(base).yaml"
        var number = 2
        while taken(candidate) {
            candidate = "\(directory)/\(base)-\(number).yaml"
            number += 1
        }
        return candidate
    }
}
