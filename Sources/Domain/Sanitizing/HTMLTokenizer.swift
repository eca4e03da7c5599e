/// One piece of an HTML document as the sanitizer sees it.
public enum HTMLToken: Equatable, Sendable {
    /// Text as written, character references not yet decoded.
    case text(String)
    /// A start tag: lower-cased name and attributes (names lower-cased, values decoded), first
    /// occurrence of a name wins, as in browsers.
    case start(name: String, attributes: [(name: String, value: String)])
    case end(name: String)

    public static func == (lhs: HTMLToken, rhs: HTMLToken) -> Bool {
        switch (lhs, rhs) {
        case (.text(let a), .text(let b)): a == b
        case (.end(let a), .end(let b)): a == b
        case (.start(let a, let x), .start(let b, let y)): a == b && x.map(\.name) == y.map(\.name) && x.map(\.value) == y.map(\.value)
        default: false
        }
    }
}

/// Splits HTML into text, start tags and end tags, following the HTML tokenizer's rules closely
/// enough for a sanitizer: comments, doctypes, processing instructions and bogus markup vanish;
/// the contents of raw-text elements (`script`, `style`, `textarea`, …) are skipped with them.
/// It never fails: whatever it does not understand becomes text or disappears. Its output is
/// never passed on as written: the sanitizer serialises every token again, so a reading that
/// differs from a browser's can only cost fidelity, never safety.
public struct HTMLTokenizer: Sequence, IteratorProtocol {
    /// Elements whose content is not markup, up to their own end tag.
    static let rawText: Set<String> = [
        "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title", "template",
    ]

    let bytes: [UInt8]
    var index = 0

    public init(_ html: String) {
        bytes = Array(html.utf8)
    }

    public mutating func next() -> HTMLToken? {
        guard index < bytes.count else { return nil }
        if bytes[index] != ascii("<") { return text() }
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        if Self.isLetter(next) { return startTag() ?? self.next() }
        if next == ascii("/") {
            let after = index + 2 < bytes.count ? bytes[index + 2] : 0
            if Self.isLetter(after) { return endTag() ?? self.next() }
            if after == ascii(">") {
                index += 3
                return self.next()
            }
            skipBogus(from: index + 2)
            return self.next()
        }
        if next == ascii("!") {
            if starts(with: "<!--", at: index) {
                skipComment()
            } else {
                skipBogus(from: index + 2)
            }
            return self.next()
        }
        if next == ascii("?") {
            skipBogus(from: index + 1)
            return self.next()
        }
        index += 1
        return .text("<")
    }

    /// Text up to the next `<`.
    mutating func text() -> HTMLToken {
        let start = index
        while index < bytes.count, bytes[index] != ascii("<") { index += 1 }
        return .text(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    mutating func startTag() -> HTMLToken? {
        var cursor = index + 1
        let name = readName(&cursor)
        var attributes: [(name: String, value: String)] = []
        var seen: Set<String> = []
        while true {
            while cursor < bytes.count, Self.isSpace(bytes[cursor]) || bytes[cursor] == ascii("/") { cursor += 1 }
            guard cursor < bytes.count else {
                // End of input inside a tag: browsers drop the tag.
                index = bytes.count
                return nil
            }
            if bytes[cursor] == ascii(">") {
                cursor += 1
                break
            }
            let nameStart = cursor
            cursor += 1  // The first character may be "=".
            while cursor < bytes.count, !Self.isSpace(bytes[cursor]), bytes[cursor] != ascii("/"), bytes[cursor] != ascii(">"),
                bytes[cursor] != ascii("=")
            {
                cursor += 1
            }
            let attributeName = Self.lowercased(bytes[nameStart..<cursor])
            while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
            var value = ""
            if cursor < bytes.count, bytes[cursor] == ascii("=") {
                cursor += 1
                while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < bytes.count else { continue }
                let quote = bytes[cursor]
                let valueStart: Int
                if quote == ascii("\"") || quote == ascii("'") {
                    valueStart = cursor + 1
                    cursor = valueStart
                    while cursor < bytes.count, bytes[cursor] != quote { cursor += 1 }
                    value = String(decoding: bytes[valueStart..<Swift.min(cursor, bytes.count)], as: UTF8.self)
                    if cursor < bytes.count { cursor += 1 }
                } else {
                    valueStart = cursor
                    while cursor < bytes.count, !Self.isSpace(bytes[cursor]), bytes[cursor] != ascii(">") { cursor += 1 }
                    value = String(decoding: bytes[valueStart..<cursor], as: UTF8.self)
                }
            }
            if seen.insert(attributeName).inserted, attributes.count < 64 {
                attributes.append((attributeName, CharacterReferences.decode(value)))
            }
        }
        index = cursor
        if Self.rawText.contains(name) {
            skipRawText(of: name)
            return nil
        }
        if name == "plaintext" {
            index = bytes.count
            return nil
        }
        return .start(name: name, attributes: attributes)
    }

    mutating func endTag() -> HTMLToken? {
        var cursor = index + 2
        let name = readName(&cursor)
        while cursor < bytes.count, bytes[cursor] != ascii(">") { cursor += 1 }
        guard cursor < bytes.count else {
            index = bytes.count
            return nil
        }
        index = cursor + 1
        return .end(name: name)
    }

    func readName(_ cursor: inout Int) -> String {
        let start = cursor
        while cursor < bytes.count, !Self.isSpace(bytes[cursor]), bytes[cursor] != ascii("/"), bytes[cursor] != ascii(">") {
            cursor += 1
        }
        return Self.lowercased(bytes[start..<cursor])
    }

    /// Skips the content of a raw-text element and its end tag.
    mutating func skipRawText(of name: String) {
        let closing = Array("</\(name)".utf8)
        var cursor = index
        while cursor < bytes.count {
            if bytes[cursor] == ascii("<"), cursor + closing.count <= bytes.count,
                Self.lowercased(bytes[cursor..<(cursor + closing.count)]) == "</\(name)"
            {
                let after = cursor + closing.count
                if after == bytes.count || Self.isSpace(bytes[after]) || bytes[after] == ascii("/") || bytes[after] == ascii(">") {
                    index = cursor
                    _ = endTag()
                    return
                }
            }
            cursor += 1
        }
        index = bytes.count
    }

    /// `<!-- … -->`, including the abrupt `<!-->` and `<!--->` forms.
    mutating func skipComment() {
        var cursor = index + 4
        if cursor < bytes.count, bytes[cursor] == ascii(">") {
            index = cursor + 1
            return
        }
        if starts(with: "->", at: cursor) {
            index = cursor + 2
            return
        }
        while cursor < bytes.count {
            if starts(with: "-->", at: cursor) || starts(with: "--!>", at: cursor) {
                index = cursor + (bytes[cursor + 2] == ascii(">") ? 3 : 4)
                return
            }
            cursor += 1
        }
        index = bytes.count
    }

    /// A bogus comment runs to the next `>`.
    mutating func skipBogus(from start: Int) {
        var cursor = start
        while cursor < bytes.count, bytes[cursor] != ascii(">") { cursor += 1 }
        index = Swift.min(cursor + 1, bytes.count)
    }

    func starts(with text: String, at offset: Int) -> Bool {
        let pattern = Array(text.utf8)
        guard offset + pattern.count <= bytes.count else { return false }
        return bytes[offset..<(offset + pattern.count)].elementsEqual(pattern)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    static func lowercased(_ slice: ArraySlice<UInt8>) -> String {
        String(decoding: slice.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}

@inline(__always) private func ascii(_ character: Unicode.Scalar) -> UInt8 {
    UInt8(character.value)
}
