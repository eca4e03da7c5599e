import Foundation

/// The Markdown readers may use in comments, and nothing more: paragraphs and line breaks,
/// **bold**, *italic*, `code`, fenced code blocks, quotes (`>`), lists (`-`, `*`, `1.`), links
/// (`[text](https://…)` and bare `https://…` addresses). Everything else — HTML tags, headings,
/// images, entities — is shown as the reader typed it, escaped. The output is built here from
/// escaped text, and the comment policy of `HTMLSanitizer` checks it once more.
public enum CommentMarkdown {
    public static func html(_ markdown: String) -> String {
        let text =
            markdown.utf8.contains(13)
            ? markdown.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : markdown
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
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty {
                flush()
                index += 1
            } else if trimmed.hasPrefix("```") {
                flush()
                var code: [String] = []
                index += 1
                while index < lines.count, !lines[index].trimmingSpaces.hasPrefix("```") {
                    code.append(lines[index])
                    index += 1
                }
                index += 1
                output.append("<pre><code>" + escape(code.joined(separator: "\n")) + "</code></pre>")
            } else if trimmed.hasPrefix(">") && depth < 4 {
                flush()
                var quoted: [String] = []
                while index < lines.count {
                    let current = lines[index].trimmingSpaces
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
                    let current = lines[index].trimmingSpaces
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
        plain.reserveCapacity(line.utf8.count + 16)
        var pieces: [String] = []
        var previous: Character = " "
        func hold(_ html: String) {
            plain += "\u{E000}\(pieces.count)\u{E001}"
            pieces.append(html)
            previous = "\u{E001}"
        }
        // The placeholders' own characters cannot come from the reader.
        let isPrivate = { (scalar: Unicode.Scalar) in (0xE000...0xF8FF).contains(scalar.value) }
        var rest =
            line.unicodeScalars.contains(where: isPrivate)
            ? Substring(String(String.UnicodeScalarView(line.unicodeScalars.map { isPrivate($0) ? "\u{FFFD}" : $0 }))) : Substring(line)
        while let first = rest.first {
            if first == "`", let end = rest.dropFirst().firstIndex(of: "`") {
                hold("<code>" + escape(String(rest[rest.index(after: rest.startIndex)..<end])) + "</code>")
                rest = rest[rest.index(after: end)...]
            } else if first == "[", let link = link(in: rest) {
                hold("<a href=\"" + escape(link.url) + "\">" + emphasis(escape(link.text)) + "</a>")
                rest = rest[link.end...]
            } else if first == "h", !previous.isLetter, !previous.isNumber, rest.hasPrefix("http://") || rest.hasPrefix("https://") {
                let url = bareURL(rest)
                let shown = escape(String(url))
                hold("<a href=\"" + shown + "\">" + shown + "</a>")
                rest = rest[url.endIndex...]
            } else {
                if let escaped = escape(first) {
                    plain += escaped
                    previous = ";"
                } else {
                    plain.append(first)
                    previous = first
                }
                rest = rest.dropFirst()
            }
        }
        let html = emphasis(plain)
        guard !pieces.isEmpty else { return html }
        // Each placeholder back to what it holds, in one pass.
        var result = String.UnicodeScalarView()
        var scalars = html.unicodeScalars[...]
        while let start = scalars.firstIndex(of: "\u{E000}") {
            result.append(contentsOf: scalars[..<start])
            let digits = scalars[scalars.index(after: start)...].prefix { $0 != "\u{E001}" }
            guard digits.endIndex < scalars.endIndex, let index = Int(String(String.UnicodeScalarView(digits))),
                pieces.indices.contains(index)
            else {
                result.append(scalars[start])
                scalars = scalars[scalars.index(after: start)...]
                continue
            }
            result.append(contentsOf: pieces[index].unicodeScalars)
            scalars = scalars[scalars.index(after: digits.endIndex)...]
        }
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// `[text](http…)`: the text, the address and where the link ends; nil when it is not one.
    static func link(in text: Substring) -> (text: String, url: String, end: Substring.Index)? {
        guard let close = text.firstIndex(of: "]") else { return nil }
        let after = text.index(after: close)
        guard after < text.endIndex, text[after] == "(", let end = text[after...].firstIndex(of: ")") else { return nil }
        let url = String(text[text.index(after: after)..<end]).trimmingSpaces
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
    /// `wordBoundaries`, markers inside a word (snake_case) do not count. The markers are ASCII,
    /// so the text is split on its UTF-8 bytes (no such byte is ever part of another character).
    static func replacePairs(_ text: String, marker: String, tag: String, wordBoundaries: Bool = false) -> String {
        let mark = Array(marker.utf8)
        guard text.utf8.contains(mark[0]) else { return text }
        let bytes = Array(text.utf8)
        var parts: [Range<Int>] = []
        var start = 0
        var index = 0
        while index + mark.count <= bytes.count {
            if bytes[index] == mark[0] && (mark.count == 1 || bytes[index + 1] == mark[1]) {
                parts.append(start..<index)
                index += mark.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(start..<bytes.count)
        guard parts.count >= 3 else { return text }
        if wordBoundaries {
            // Only split where the marker touches a word on one side and not the other.
            func part(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
            let allLetters = parts.dropFirst().dropLast().allSatisfy { !$0.isEmpty }
            let outer = (part(parts[0]).last?.isLetter ?? false) || (part(parts[parts.count - 1]).first?.isLetter ?? false)
            guard allLetters, !outer else { return text }
        }
        let opening = Array("<\(tag)>".utf8)
        let closing = Array("</\(tag)>".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + parts.count * closing.count)
        let pairs = (parts.count - 1) / 2 * 2
        for (index, part) in parts.enumerated() {
            result += bytes[part]
            guard index < parts.count - 1 else { break }
            result += index >= pairs ? mark : index % 2 == 0 ? opening : closing
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { escapes[Int($0)] != nil }) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if let replacement = escapes[Int(byte)] { result += replacement } else { result.append(byte) }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// One character escaped, or nil when it needs none.
    static func escape(_ character: Character) -> String? {
        character.utf8.contains(where: { escapes[Int($0)] != nil }) ? escape(String(character)) : nil
    }

    /// The entity of each byte that needs one (all ASCII: never part of another character).
    private static let escapes: [[UInt8]?] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "&"): Array("&amp;".utf8)
        case UInt8(ascii: "<"): Array("&lt;".utf8)
        case UInt8(ascii: ">"): Array("&gt;".utf8)
        case UInt8(ascii: "\""): Array("&quot;".utf8)
        case UInt8(ascii: "'"): Array("&#39;".utf8)
        default: nil
        }
    }
}
