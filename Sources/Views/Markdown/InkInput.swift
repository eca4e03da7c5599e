/// Ink 0.6 has two failure modes on hostile Markdown, both found by `scripts/fuzz`, and both are
/// defused here before Ink sees the text (every Markdown we render goes through `prepare`):
///
/// - It loops forever, allocating until the process runs out of memory, on a `<p` that no `>`
///   follows anywhere later (`a <p` was enough): its paragraph reader stops in front of `<p`
///   without moving, and its HTML reader cannot read a tag there. Such a `<` can never start a
///   tag, and Ink writes a lone `<` as `&lt;` anyway, so it is written as `&lt;` here. Ink reads
///   characters, not bytes: a `>` that a combining mark joins (`<p>` then U+073E) is no `>` to it.
/// - Its link reader takes time exponential in how many `[` are open at once: 24 of them took 17
///   seconds. A `[` that would be the third open at once becomes `\[`, which Ink shows as `[`,
///   as it shows an unmatched bracket. Links, images in links and a link inside brackets keep
///   working (two levels). Code is not spared: guessing where Ink sees code wrongly would let the
///   blow-up through, and three nested brackets in a code sample are rare (they show a `\`).
/// - It reads past the end of the text, which traps and takes the process down, when a list is
///   followed by a last line of only spaces (`- a\n ` was enough). Whitespace at the very end of
///   a text never shows, so it is trimmed.
enum InkInput {
    static let maximumOpenBrackets = 2

    static func prepare(_ markdown: String) -> String {
        limitBrackets(escapeUnclosedParagraphTags(trimEnd(markdown)))
    }

    static func trimEnd(_ markdown: String) -> String {
        var end = markdown.endIndex
        while end > markdown.startIndex, markdown[markdown.index(before: end)].isWhitespace { end = markdown.index(before: end) }
        return end == markdown.endIndex ? markdown : String(markdown[..<end])
    }

    static func escapeUnclosedParagraphTags(_ markdown: String) -> String {
        let bytes = Array(markdown.utf8)
        // The last `>` that is a character of its own, as Ink sees it, by its byte offset.
        let lastClose = markdown.lastIndex(of: ">").map { markdown.utf8.distance(from: markdown.startIndex, to: $0) } ?? -1
        guard let lastOpen = bytes.lastIndex(of: UInt8(ascii: "<")), lastOpen > lastClose else { return markdown }
        var output = Array(bytes[..<(lastClose + 1)])
        output.reserveCapacity(bytes.count + 8)
        for index in (lastClose + 1)..<bytes.count {
            if bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, bytes[index + 1] | 0x20 == UInt8(ascii: "p") {
                output += Array("&lt;".utf8)
            } else {
                output.append(bytes[index])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func limitBrackets(_ markdown: String) -> String {
        guard markdown.utf8.count(where: { $0 == UInt8(ascii: "[") }) > maximumOpenBrackets else { return markdown }
        var output: [UInt8] = []
        output.reserveCapacity(markdown.utf8.count + 16)
        var open = 0
        for (number, line) in markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if number > 0 { output.append(UInt8(ascii: "\n")) }
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }) {
                open = 0  // A blank line ends the paragraph.
            }
            var escaped = false
            for byte in line {
                if !escaped && byte == UInt8(ascii: "[") {
                    if open >= maximumOpenBrackets {
                        output.append(UInt8(ascii: "\\"))
                    } else {
                        open += 1
                    }
                } else if !escaped && byte == UInt8(ascii: "]") {
                    open = max(0, open - 1)
                }
                escaped = byte == UInt8(ascii: "\\") && !escaped
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
