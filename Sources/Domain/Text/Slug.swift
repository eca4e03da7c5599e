import Foundation

/// URL slugs: lower-case ASCII words joined by single hyphens.
public enum Slug {
    /// The longest slug we make or accept.
    public static let maximumLength = 96

    /// Makes a slug from a title: folds accents ("Café" → "cafe"), keeps letters and digits, joins
    /// words with hyphens and cuts at a word boundary under `maximumLength`. Returns "untitled" when
    /// nothing usable remains (a title made only of emoji, say).
    public static func make(from text: String) -> String {
        let folded =
            text.applyingTransform(.toLatin, reverse: false)?
            .applyingTransform(.stripDiacritics, reverse: false) ?? text
        var words: [String] = []
        var current = ""
        for scalar in folded.lowercased().unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue  // "Mayor's" → "mayors", not "mayor-s"
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var slug = ""
        for word in words {
            let candidate = slug.isEmpty ? word : slug + "-" + word
            if candidate.count > maximumLength {
                if slug.isEmpty { slug = String(word.prefix(maximumLength)) }
                break
            }
            slug = candidate
        }
        return slug.isEmpty ? "untitled" : slug
    }

    /// Whether `slug` is already in canonical form.
    public static func isValid(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug.count <= maximumLength, !slug.hasPrefix("-"), !slug.hasSuffix("-"),
            !slug.contains("--")
        else { return false }
        return slug.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// The first of `base`, `base-2`, `base-3`… that `isTaken` does not claim.
    public static func unique(_ base: String, isTaken: (String) async throws -> Bool) async rethrows -> String {
        if try await !isTaken(base) { return base }
        var n = 2
        while true {
            let suffix = "-\(n)"
            let candidate = String(base.prefix(maximumLength - suffix.count)) + suffix
            if try await !isTaken(candidate) { return candidate }
            n += 1
        }
    }
}
