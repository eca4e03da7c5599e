/// Decides whether a URL from people may stay in a link or an image, reading it the way a
/// browser's URL parser does: tabs and line breaks inside are ignored, control characters and
/// spaces at either end are trimmed, and the scheme is whatever comes before the first `:` when
/// that part looks like a scheme. `java&#x09;script:` therefore counts as `javascript:`.
public enum SafeURL {
    /// The URL as it will be written out, or nil when its scheme is not allowed.
    public static func check(_ value: String, schemes: Set<String>) -> String? {
        var scalars = value.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        guard scalars.count <= 2048, !scalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        let url = String(String.UnicodeScalarView(scalars))
        if let scheme = scheme(of: url) {
            return schemes.contains(scheme) ? url : nil
        }
        // A relative URL; a colon before any slash would be read as a scheme by some parsers.
        return url
    }

    /// The lower-cased scheme, if the URL starts with one (`ALPHA *( ALPHA / DIGIT / + / - / . ) ":"`).
    /// Anything else with a colon before the first `/`, `?` or `#` is treated as an unknown scheme.
    static func scheme(of url: String) -> String? {
        var name = ""
        for scalar in url.unicodeScalars {
            if scalar == ":" {
                return name.isEmpty ? "" : name.lowercased()
            }
            if scalar == "/" || scalar == "?" || scalar == "#" { return nil }
            name.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// A `srcset` whose every candidate URL passes `check`, or nil. Split as the HTML standard
    /// splits it, on commas and ASCII whitespace, scalar by scalar (a combining mark after a comma
    /// must not fuse with the space we write there).
    public static func checkSourceSet(_ value: String, schemes: Set<String>) -> String? {
        let asciiSpace: Set<Unicode.Scalar> = [" ", "\t", "\n", "\u{0C}", "\r"]
        var candidates: [String] = []
        for candidate in value.unicodeScalars.split(separator: ",") {
            let parts = candidate.split(whereSeparator: asciiSpace.contains).map { String(String.UnicodeScalarView($0)) }
            guard let first = parts.first, parts.count <= 2, let url = check(first, schemes: schemes) else { return nil }
            guard !url.isEmpty, !url.unicodeScalars.contains(where: { asciiSpace.contains($0) || $0 == "," }),
                url.unicodeScalars.first?.properties.generalCategory != .nonspacingMark
            else { return nil }
            if parts.count == 2 {
                let descriptor = parts[1]
                guard descriptor.count <= 8, descriptor.dropLast().allSatisfy({ $0.isNumber || $0 == "." }),
                    descriptor.last == "w" || descriptor.last == "x"
                else { return nil }
                candidates.append(url + " " + descriptor)
            } else {
                candidates.append(url)
            }
        }
        return candidates.isEmpty ? nil : candidates.joined(separator: ", ")
    }
}
