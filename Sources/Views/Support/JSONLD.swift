import Foundation

/// Structured data for search engines, as a `<script type="application/ld+json">` element.
enum JSONLD {
    /// Serialises `object` and escapes `<`, `>` and `&` so the JSON can never close the script
    /// element or be read as markup.
    static func script(_ object: [String: Any]) -> HTML {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
            let json = String(data: data, encoding: .utf8)
        else { return .empty }
        let safe = json.replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
        return .trusted("<script type=\"application/ld+json\">\(safe)</script>")
    }
}
