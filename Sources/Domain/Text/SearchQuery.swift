import Foundation

/// A reader's search box input reduced to terms a full-text engine can take safely: no operators,
/// quotes or syntax from the input reach the engine, so no input can make a search fail.
public struct SearchQuery: Equatable, Sendable {
    /// Longest input considered; anything after is ignored.
    public static let maximumInputLength = 200
    /// Most terms used from one query.
    public static let maximumTerms = 12

    /// What the reader typed, trimmed (shown back in the search box).
    public let text: String
    /// Lower-cased words of letters and digits.
    public let terms: [String]

    public init(_ input: String) {
        let clipped = String(input.prefix(Self.maximumInputLength))
        self.text = clipped.trimmingCharacters(in: .whitespacesAndNewlines)
        var terms: [String] = []
        var current = ""
        for scalar in clipped.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                terms.append(current)
                current = ""
            }
        }
        if !current.isEmpty { terms.append(current) }
        var seen = Set<String>()
        self.terms = Array(terms.filter { seen.insert($0).inserted }.prefix(Self.maximumTerms))
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// An FTS5 MATCH expression: every term must appear, the last one may be a prefix
    /// (so "libr" finds "library" while the reader is still typing).
    public var fts5Expression: String {
        terms.enumerated().map { index, term in
            index == terms.count - 1 ? "\"\(term)\"*" : "\"\(term)\""
        }.joined(separator: " AND ")
    }

    /// A `to_tsquery` expression with the same meaning: every term, the last as a prefix. The
    /// terms hold only letters and digits, so the expression is always well-formed.
    public var postgresTSQuery: String {
        terms.enumerated().map { index, term in
            index == terms.count - 1 ? "\(term):*" : term
        }.joined(separator: " & ")
    }
}
