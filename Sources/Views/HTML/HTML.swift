import Domain
import Routes

/// A fragment of HTML that is safe by construction: a `String` interpolated into it is escaped
/// for both text and (double-quoted) attribute context, and only values that are already `HTML`
/// go in unescaped. Views build every page from this type; none concatenates raw strings.
public struct HTML: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public private(set) var rendered: String

    /// Markup from a literal in our source code.
    public init(stringLiteral value: String) {
        self.rendered = value
    }

    public init(stringInterpolation: Interpolation) {
        self.rendered = stringInterpolation.output
    }

    private init(rendered: String) {
        self.rendered = rendered
    }

    /// HTML we produced and stored ourselves (an article body rendered at save time, an owner's
    /// ad snippet). The name is loud on purpose: every call site is a place to review.
    public static func trusted(_ markup: String) -> HTML {
        HTML(rendered: markup)
    }

    /// Text escaped into HTML.
    public static func text(_ text: String) -> HTML {
        var output = ""
        output.appendEscaped(text)
        return HTML(rendered: output)
    }

    public static let empty = HTML(rendered: "")

    /// An empty fragment with room for `capacity` bytes, to `append` a long list into.
    public static func buffer(reserving capacity: Int) -> HTML {
        var output = ""
        output.reserveCapacity(capacity)
        return HTML(rendered: output)
    }

    /// Adds a fragment at the end (one buffer for a long list, instead of a string per item
    /// copied into the next).
    public mutating func append(_ fragment: HTML) {
        rendered += fragment.rendered
    }

    public var description: String { rendered }
    public var isEmpty: Bool { rendered.isEmpty }

    /// `content` when `condition` holds, nothing otherwise.
    public static func when(_ condition: Bool, _ content: () -> HTML) -> HTML {
        condition ? content() : .empty
    }

    /// Joins fragments.
    public static func join(_ parts: [HTML], separator: HTML = .empty) -> HTML {
        var output = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { output += separator.rendered }
            output += part.rendered
        }
        return HTML(rendered: output)
    }

    public struct Interpolation: StringInterpolationProtocol {
        var output: String

        public init(literalCapacity: Int, interpolationCount: Int) {
            output = ""
            output.reserveCapacity(literalCapacity + interpolationCount * 24)
        }

        public mutating func appendLiteral(_ literal: String) {
            output += literal
        }

        public mutating func appendInterpolation(_ text: String) {
            output.appendEscaped(text)
        }

        public mutating func appendInterpolation(_ text: Substring) {
            output.appendEscaped(String(text))
        }

        public mutating func appendInterpolation(_ html: HTML) {
            output += html.rendered
        }

        public mutating func appendInterpolation(_ html: HTML?) {
            if let html { output += html.rendered }
        }

        public mutating func appendInterpolation(_ parts: [HTML]) {
            for part in parts { output += part.rendered }
        }

        public mutating func appendInterpolation(_ number: Int) {
            output += String(number)
        }

        /// A typed id, as its number.
        public mutating func appendInterpolation<Entity>(_ id: EntityID<Entity>) {
            output += String(id.rawValue)
        }

        /// A link target: the typed URL's path, escaped for the attribute it goes in.
        public mutating func appendInterpolation(_ url: SiteURL) {
            output.appendEscaped(url.path)
        }

        /// A back-office link target, escaped for the attribute it goes in.
        public mutating func appendInterpolation(_ url: AdminURL) {
            output.appendEscaped(url.path)
        }

        public mutating func appendInterpolation(_ link: Link) {
            output.appendEscaped(link.path)
        }
    }
}

extension String {
    /// Appends `text` with the five characters that matter in HTML text and attributes escaped.
    mutating func appendEscaped(_ text: String) {
        func special(_ byte: UInt8) -> Bool { byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 }
        // Over the string's own bytes when it has them together (native strings do): a page
        // escapes a thousand names, times and links.
        let needsEscaping = text.utf8.withContiguousStorageIfAvailable { $0.contains(where: special) } ?? text.utf8.contains(where: special)
        guard needsEscaping else {
            self += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": self += "&amp;"
            case "<": self += "&lt;"
            case ">": self += "&gt;"
            case "\"": self += "&quot;"
            case "'": self += "&#39;"
            default: self.unicodeScalars.append(scalar)
            }
        }
    }
}
