import Foundation

/// Long comments are shown cut after a number of words, with "Read more »" revealing the rest in
/// place. The cut is made on the stored (already sanitised) HTML, between words, never inside a
/// tag: the head closes what is open at the cut, the tail opens it again.
public enum CommentExcerpt {
    /// The head and the rest of `html` when it has more than `words` words; nil when it is short.
    public static func split(_ html: String, words limit: Int) -> (head: String, tail: String)? {
        guard limit > 0 else { return nil }
        var count = 0
        var head = ""
        var tail = ""
        var open: [(name: String, attributes: [(name: String, value: String)])] = []
        var cut = false
        var inWord = false
        for token in HTMLTokenizer(html) {
            if cut {
                tail += serialise(token)
                continue
            }
            switch token {
            case .text(let text):
                // Count words in the decoded text, cutting at the first space after the limit.
                let decoded = CharacterReferences.decode(text)
                var kept = ""
                var rest = ""
                for character in decoded {
                    if !rest.isEmpty || cut {
                        rest.append(character)
                        continue
                    }
                    if character.isWhitespace {
                        inWord = false
                        if count >= limit {
                            cut = true
                            rest.append(character)
                            continue
                        }
                    } else if !inWord {
                        inWord = true
                        count += 1
                    }
                    kept.append(character)
                }
                head += escape(kept)
                if cut {
                    tail += open.map { serialise(.start(name: $0.name, attributes: $0.attributes)) }.joined() + escape(rest)
                }
            case .start(let name, let attributes):
                head += serialise(token)
                if !HTMLPolicy.voidElements.contains(name) { open.append((name, attributes)) }
                if name == "br" || name == "p" || name == "li" { inWord = false }
            case .end(let name):
                head += serialise(token)
                if let index = open.lastIndex(where: { $0.name == name }) { open.removeSubrange(index...) }
                inWord = false
            }
        }
        guard cut else { return nil }
        head += open.reversed().map { "</\($0.name)>" }.joined()
        let trimmedTail = HTMLSanitizer.sanitize(tail, policy: .comment)
        guard !PlainTextCheck.isBlank(trimmedTail) else { return nil }
        return (HTMLSanitizer.sanitize(head, policy: .comment), trimmedTail)
    }

    /// How many words the HTML's text has.
    public static func wordCount(_ html: String) -> Int {
        var count = 0
        for token in HTMLTokenizer(html) {
            guard case .text(let text) = token else { continue }
            count += CharacterReferences.decode(text).split(whereSeparator: \.isWhitespace).count
        }
        return count
    }

    /// The first `count` words of the HTML's text, with "…" when there is more (the bar, mail).
    public static func firstWords(_ html: String, _ count: Int) -> String {
        func excerpt(_ html: String) -> (text: String, more: Bool) {
            let words = PlainText.from(html: html).split(separator: " ", maxSplits: count)
            return (words.prefix(count).joined(separator: " "), words.count > count)
        }
        // A long text is read from its start first: a dozen words need not the whole of it. Its
        // cut end (half a tag, half a word) lies past them when more words follow them there.
        let sample = 40 * (count + 1)
        if html.utf8.count > sample {
            let start = excerpt(String(decoding: html.utf8.prefix(sample), as: UTF8.self))
            if start.more { return start.text + "…" }
        }
        let whole = excerpt(html)
        return whole.text + (whole.more ? "…" : "")
    }

    static func serialise(_ token: HTMLToken) -> String {
        switch token {
        case .text(let text): return escape(CharacterReferences.decode(text))
        case .start(let name, let attributes):
            return "<" + name + attributes.map { " \($0.name)=\"\(escape($0.value))\"" }.joined() + ">"
        case .end(let name): return "</" + name + ">"
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// Whether HTML shows any text at all.
enum PlainTextCheck {
    static func isBlank(_ html: String) -> Bool {
        HTMLTokenizer(html).allSatisfy { token in
            guard case .text(let text) = token else { return true }
            return CharacterReferences.decode(text).allSatisfy(\.isWhitespace)
        }
    }
}
