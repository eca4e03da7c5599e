/// Writing text into Markdown where it must stay plain text.
public enum MarkdownText {
    /// Alt text for `![alt](src)`: on one line, with the characters that would end or nest the
    /// brackets (or start an escape) escaped, so any description reads back as written.
    public static func escapeAlt(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "[", "]", "*", "_", "`", "<", ">": result += "\\" + String(character)
            case "\n", "\r", "\t": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
