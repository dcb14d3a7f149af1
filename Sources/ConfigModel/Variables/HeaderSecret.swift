import Foundation

/// What a webhook header holding a credential looks like: validation warns on one written in a file, and pull writes
/// a `${VAR}` placeholder in its place.
public enum HeaderSecret {
    private static let secretWords = ["auth", "token", "key", "secret", "password", "cookie", "credential", "signature"]
    private static let schemes = ["bearer ", "basic ", "token ", "digest "]

    /// A value written out in full (not a whole `${VAR}` placeholder or a `{{dynamic_variable}}`) under a
    /// credential's header name, or one with an auth scheme or the shape of a long token. `Bearer ${TOKEN}` is
    /// literal: agentctl resolves only a whole value.
    public static func looksLikeSecret(name: String, value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, Placeholder(trimmed) == nil, !trimmed.contains("{{") else { return false }
        let lowerName = name.lowercased(), lowerValue = trimmed.lowercased()
        if secretWords.contains(where: lowerName.contains) { return true }
        if schemes.contains(where: lowerValue.hasPrefix) { return true }
        let tokenLike = trimmed.count >= 24 && !trimmed.contains(" ")
            && trimmed.contains(where: \.isNumber) && trimmed.contains(where: \.isLetter)
        return tokenLike
    }

    /// The variable a pulled file names for a header's secret: `BOOK_APPOINTMENT_AUTHORIZATION` for the header
    /// `Authorization` of `tools/book-appointment.yaml`.
    public static func variableName(slug: String, header: String) -> String {
        let words = (slug + "_" + header).uppercased().unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? Character(scalar) : "_"
        }
        let name = String(words)
        return name.first?.isNumber == true ? "_" + name : name
    }
}
