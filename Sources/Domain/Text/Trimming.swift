/// Trimming without Foundation's `trimmingCharacters(in:)`, which copies through NSString:
/// the same characters go (Foundation counts the zero-width space U+200B among them too), and a
/// text with nothing to trim is returned as it is.
extension String {
    /// Without Unicode's white space (spaces, tabs, line breaks) at either end, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    public var trimmingWhiteSpace: String { trimming { $0.properties.isWhitespace || $0 == "\u{200B}" } }

    /// Without spaces and tabs at either end (Unicode's space separators and the tab), as
    /// `trimmingCharacters(in: .whitespaces)`.
    public var trimmingSpaces: String { trimming { $0 == "\t" || $0 == "\u{200B}" || $0.properties.generalCategory == .spaceSeparator } }

    private func trimming(_ trimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !trimmed($0) }), let last = scalars.lastIndex(where: { !trimmed($0) })
        else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}
