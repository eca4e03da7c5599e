/// A generated avatar: the person's initials on a colour derived from a hash, drawn inline as
/// SVG, so no request goes to a third-party avatar service.
public enum Avatar {
    /// The colour comes from one of 36 hues in the stylesheet (`avatar--h0` … `avatar--h35`), so
    /// each avatar is a few bytes: a discussion page shows hundreds.
    public static func html(name: String, key: String, size: Int) -> HTML {
        let hue = key.unicodeScalars.reduce(UInt32(2_166_136_261)) { ($0 ^ $1.value) &* 16_777_619 } % 36
        return """
            <svg class="avatar avatar--h\(Int(hue))" width="\(size)" height="\(size)" viewBox="0 0 40 40" aria-hidden="true">\
            <circle cx="20" cy="20" r="20"/><text x="20" y="25.5">\(initials(name))</text></svg>
            """
    }

    /// Up to two initials: "Ana Ruiz" → "AR", "cher" → "C".
    public static func initials(_ name: String) -> String {
        // Most names are ASCII: read their bytes, without splitting into words.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var first: UInt8?
            var last: UInt8?
            var wordStart = true
            for byte in name.utf8 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) || byte == UInt8(ascii: "-") {
                    wordStart = true
                    continue
                }
                guard wordStart else { continue }
                wordStart = false
                guard (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) else { continue }
                let upper = byte & ~0x20
                if first == nil { first = upper } else { last = upper }
            }
            guard let first else { return "?" }
            return String(decoding: [first] + (last.map { [$0] } ?? []), as: UTF8.self)
        }
        let words = name.split(whereSeparator: { $0.isWhitespace || $0 == "-" }).filter { $0.first?.isLetter == true }
        let picked = words.count > 1 ? [words[0], words[words.count - 1]] : Array(words.prefix(1))
        let text = String(picked.compactMap(\.first)).uppercased()
        return text.isEmpty ? "?" : text
    }
}
