import Foundation

/// The Markdown readers may use in comments, and nothing more: paragraphs and line breaks,
/// **bold**, *italic*, `code`, fenced code blocks, quotes (`>`), lists (`-`, `*`, `1.`), links
/// (`[text](https://…)` and bare `https://…` addresses). Everything else — HTML tags, headings,
/// images, entities — is shown as the reader typed it, escaped. The output is built here from
/// escaped text, and the comment policy of `HTMLSanitizer` checks it once more.
public enum CommentMarkdown {
    public static func html(_ markdown: String) -> String {
        let text = markdown.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let html = blocks(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), depth: 0)
        return HTMLSanitizer.sanitize(html, policy: .comment)
    }

    /// Block structure, line by line. `depth` bounds nested quotes.
    static func blocks(_ lines: [String], depth: Int) -> String {
        var output: [String] = []
        var paragraph: [String] = []
        var index = 0
        func flush() {
            if !paragraph.isEmpty { output.append("<p>" + paragraph.map(inline).joined(separator: "<br>") + "</p>") }
            paragraph = []
        }
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                flush()
                index += 1
            } else if trimmed.hasPrefix("```") {
                flush()
                var code: [String] = []
                index += 1
                while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                    code.append(lines[index])
                    index += 1
                }
                index += 1
                output.append("<pre><code>" + escape(code.joined(separator: "\n")) + "</code></pre>")
            } else if trimmed.hasPrefix(">") && depth < 4 {
                flush()
                var quoted: [String] = []
                while index < lines.count {
                    let current = lines[index].trimmingCharacters(in: .whitespaces)
                    guard current.hasPrefix(">") else { break }
                    var rest = current.dropFirst()
                    if rest.hasPrefix(" ") { rest = rest.dropFirst() }
                    quoted.append(String(rest))
                    index += 1
                }
                output.append("<blockquote>" + blocks(quoted, depth: depth + 1) + "</blockquote>")
            } else if let marker = listMarker(trimmed) {
                flush()
                var items: [String] = []
                while index < lines.count {
                    let current = lines[index].trimmingCharacters(in: .whitespaces)
                    guard let item = listMarker(current), item.ordered == marker.ordered else { break }
                    items.append(String(current.dropFirst(item.length)))
                    index += 1
                }
                let tag = marker.ordered ? "ol" : "ul"
                output.append("<\(tag)>" + items.map { "<li>" + inline($0) + "</li>" }.joined() + "</\(tag)>")
            } else {
                paragraph.append(trimmed)
                index += 1
            }
        }
        flush()
        return output.joined(separator: "\n")
    }

    /// A list item's marker ("- ", "* ", "12. ") and its length.
    static func listMarker(_ line: String) -> (ordered: Bool, length: Int)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") { return (false, 2) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let rest = line.dropFirst(digits.count)
        return rest.hasPrefix(". ") || rest.hasPrefix(") ") ? (true, digits.count + 2) : nil
    }

    /// Inline markup in one line: code spans, links and bare addresses are cut out first
    /// (nothing inside them is emphasis), then bold and italic apply to the rest as a whole.
    static func inline(_ line: String) -> String {
        var plain = ""
        var pieces: [String] = []
        func hold(_ html: String) {
            plain += "\u{E000}\(pieces.count)\u{E001}"
            pieces.append(html)
        }
        var rest = Substring(line.map { ("\u{E000}"..."\u{F8FF}").contains($0) ? "\u{FFFD}" : $0 })
        var previous: Character = " "
        while let first = rest.first {
            if first == "`", let end = rest.dropFirst().firstIndex(of: "`") {
                hold("<code>" + escape(String(rest[rest.index(after: rest.startIndex)..<end])) + "</code>")
                rest = rest[rest.index(after: end)...]
            } else if first == "[", let link = link(in: rest) {
                hold("<a href=\"" + escape(link.url) + "\">" + emphasis(escape(link.text)) + "</a>")
                rest = rest[link.end...]
            } else if first == "h", !previous.isLetter, !previous.isNumber, rest.hasPrefix("http://") || rest.hasPrefix("https://") {
                let url = bareURL(rest)
                hold("<a href=\"" + escape(String(url)) + "\">" + escape(String(url)) + "</a>")
                rest = rest[url.endIndex...]
            } else {
                plain += escape(String(first))
                rest = rest.dropFirst()
            }
            previous = plain.last ?? " "
        }
        var html = emphasis(plain)
        for (index, piece) in pieces.enumerated() {
            html = html.replacingOccurrences(of: "\u{E000}\(index)\u{E001}", with: piece)
        }
        return html
    }

    /// `[text](http…)`: the text, the address and where the link ends; nil when it is not one.
    static func link(in text: Substring) -> (text: String, url: String, end: Substring.Index)? {
        guard let close = text.firstIndex(of: "]") else { return nil }
        let after = text.index(after: close)
        guard after < text.endIndex, text[after] == "(", let end = text[after...].firstIndex(of: ")") else { return nil }
        let url = text[text.index(after: after)..<end].trimmingCharacters(in: .whitespaces)
        let label = String(text[text.index(after: text.startIndex)..<close])
        guard !label.isEmpty, url.hasPrefix("http://") || url.hasPrefix("https://") || url.hasPrefix("mailto:"),
            !url.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
        else { return nil }
        return (label, url, text.index(after: end))
    }

    /// A bare address up to the first space or angle bracket, without trailing punctuation.
    static func bareURL(_ text: Substring) -> Substring {
        var url = text.prefix { !$0.isWhitespace && $0 != "<" && $0 != ">" && $0 != "\"" }
        while let last = url.last, ".,;:!?)]'".contains(last) { url = url.dropLast() }
        return url
    }

    /// **bold**, __bold__, *italic*, _italic_ in already escaped text.
    static func emphasis(_ text: String) -> String {
        var result = replacePairs(text, marker: "**", tag: "strong")
        result = replacePairs(result, marker: "__", tag: "strong")
        result = replacePairs(result, marker: "*", tag: "em")
        return replacePairs(result, marker: "_", tag: "em", wordBoundaries: true)
    }

    /// Wraps text between pairs of `marker` in `tag`; an unpaired marker stays as typed. With
    /// `wordBoundaries`, markers inside a word (snake_case) do not count.
    static func replacePairs(_ text: String, marker: String, tag: String, wordBoundaries: Bool = false) -> String {
        var parts = text.components(separatedBy: marker)
        guard parts.count >= 3 else { return text }
        if wordBoundaries {
            // Only split where the marker touches a word on one side and not the other.
            let allLetters = parts.dropFirst().dropLast().allSatisfy { !$0.isEmpty }
            let outer = (parts.first?.last?.isLetter ?? false) || (parts.last?.first?.isLetter ?? false)
            guard allLetters, !outer else { return text }
        }
        var result = ""
        var open = false
        let pairs = (parts.count - 1) / 2 * 2
        for (index, part) in parts.enumerated() {
            result += part
            guard index < parts.count - 1 else { break }
            if index < pairs {
                result += open ? "</\(tag)>" : "<\(tag)>"
                open.toggle()
            } else {
                result += marker
            }
        }
        parts.removeAll()
        return result
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

}
