import Foundation

/// Turns stored HTML into plain text for search indexing, word counts and meta descriptions.
public enum PlainText {
    /// Drops tags (and the contents of `script`/`style`), decodes the common entities and collapses
    /// whitespace. Not a sanitizer: its output is text, to be escaped again wherever it is shown.
    public static func from(html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var index = html.startIndex
        var skipUntil: String?
        while index < html.endIndex {
            let char = html[index]
            if char == "<" {
                guard let close = html[index...].firstIndex(of: ">") else { break }
                let tag = html[html.index(after: index)..<close].lowercased()
                if let end = skipUntil {
                    if tag.hasPrefix(end) { skipUntil = nil }
                } else if tag.hasPrefix("script") || tag.hasPrefix("style") {
                    skipUntil = tag.hasPrefix("script") ? "/script" : "/style"
                } else if isBlock(tag) {
                    output.append(" ")
                }
                index = html.index(after: close)
                continue
            }
            if skipUntil == nil { output.append(char) }
            index = html.index(after: index)
        }
        return collapseWhitespace(decodeEntities(output))
    }

    /// Counts words the way an editor would: whitespace-separated runs holding a letter or digit.
    public static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }.count
    }

    static let blockTags: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure",
        "figcaption", "table", "tr", "td", "th", "hr", "section", "article", "aside", "header", "footer",
    ]

    /// Whether a tag (opening or closing, with attributes) separates words visually.
    static func isBlock(_ tag: String) -> Bool {
        let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
        return blockTags.contains(String(name))
    }

    /// The first sentences of `text` up to about `limit` characters, cut at a word boundary.
    public static func excerpt(_ text: String, limit: Int = 160) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let trimmed = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return trimmed.trimmingCharacters(in: .punctuationCharacters) + "…"
    }

    static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "#39": "'", "nbsp": " ",
        "mdash": "—", "ndash": "–", "hellip": "…", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
    ]

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semi])
                if let known = entities[name] {
                    output += known
                    rest = after[after.index(after: semi)...]
                    continue
                }
                if name.hasPrefix("#"), let scalar = numericEntity(name.dropFirst()) {
                    output.unicodeScalars.append(scalar)
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            output += "&"
            rest = after
        }
        return output + rest
    }

    static func numericEntity(_ digits: Substring) -> Unicode.Scalar? {
        let value =
            digits.hasPrefix("x") || digits.hasPrefix("X")
            ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init)
    }
}
