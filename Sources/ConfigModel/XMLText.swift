/// Text made safe for XML 1.0 attributes and content (JUnit reports, SVG pictures), without Foundation. Characters
/// XML 1.0 cannot hold at all (most control characters, from a server's message or a file) become U+FFFD, so the
/// document always parses.
public enum XMLText {
    public static func escaped(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
