/// A generated avatar: the person's initials on a colour derived from a hash, drawn inline as
/// SVG, so no request goes to a third-party avatar service.
public enum Avatar {
    public static func html(name: String, key: String, size: Int) -> HTML {
        let hue = key.unicodeScalars.reduce(UInt32(2_166_136_261)) { ($0 ^ $1.value) &* 16_777_619 } % 360
        return """
            <svg class="avatar" width="\(size)" height="\(size)" viewBox="0 0 40 40" aria-hidden="true" focusable="false">\
            <rect width="40" height="40" rx="20" fill="hsl(\(Int(hue)) 45% 42%)"/>\
            <text x="20" y="25.5" text-anchor="middle" font-size="15" font-family="system-ui, sans-serif" font-weight="600" fill="#fff">\(initials(name))</text></svg>
            """
    }

    /// Up to two initials: "Ana Ruiz" → "AR", "cher" → "C".
    public static func initials(_ name: String) -> String {
        let words = name.split(whereSeparator: { $0.isWhitespace || $0 == "-" }).filter { $0.first?.isLetter == true }
        let picked = words.count > 1 ? [words[0], words[words.count - 1]] : Array(words.prefix(1))
        let text = String(picked.compactMap(\.first)).uppercased()
        return text.isEmpty ? "?" : text
    }
}
