import Domain
import Routes

/// A fragment of HTML that is safe by construction: a `String` interpolated into it is escaped
/// for both text and (double-quoted) attribute context, and only values that are already `HTML`
/// go in unescaped. Views build every page from this type; none concatenates raw strings.
public struct HTML: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// A piece of markup kept whole: text, or UTF-8 bytes stored by us and read back as they are
    /// (a comment's card: making a `String` of them would check each byte again).
    enum Piece: Sendable {
        case text(String)
        case bytes([UInt8])

        var utf8Count: Int {
            switch self {
            case .text(let text): text.utf8.count
            case .bytes(let bytes): bytes.count
            }
        }
    }

    /// Large fragments and stored bytes, kept as they were made before `tail`: a page holding 200
    /// comments is not copied again into each template around it (the discussion, the article,
    /// the layout).
    private var pieces: [Piece] = []
    private var tail: String

    /// Fragments from this size on are kept whole instead of copied into what holds them.
    static let pieceSize = 16 * 1024

    /// The markup as one string (one copy of a page's pieces; `withEachPart` gives them without it).
    public var rendered: String {
        guard !pieces.isEmpty else { return tail }
        var output = ""
        output.reserveCapacity(utf8Count)
        for piece in pieces {
            switch piece {
            case .text(let text): output += text
            case .bytes(let bytes): output += String(decoding: bytes, as: UTF8.self)
            }
        }
        return output + tail
    }

    /// Hands over the markup's UTF-8 bytes in the order it reads, a piece at a time, to write out
    /// without joining them first.
    public func withEachPart(_ body: (UnsafeRawBufferPointer) -> Void) {
        func text(_ text: String) {
            var text = text
            text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
        for piece in pieces {
            switch piece {
            case .text(let value): text(value)
            case .bytes(let bytes): bytes.withUnsafeBytes(body)
            }
        }
        text(tail)
    }

    /// Its length in UTF-8 bytes.
    public var utf8Count: Int { pieces.reduce(tail.utf8.count) { $0 + $1.utf8Count } }

    /// Markup from a literal in our source code.
    public init(stringLiteral value: String) {
        self.tail = value
    }

    public init(stringInterpolation: Interpolation) {
        self.pieces = stringInterpolation.pieces
        self.tail = stringInterpolation.output
    }

    private init(rendered: String) {
        self.tail = rendered
    }

    private init(pieces: [Piece]) {
        self.pieces = pieces
        self.tail = ""
    }

    /// HTML we produced and stored ourselves (an article body rendered at save time, an owner's
    /// ad snippet). The name is loud on purpose: every call site is a place to review.
    public static func trusted(_ markup: String) -> HTML {
        HTML(rendered: markup)
    }

    /// Markup we stored ourselves, as the UTF-8 bytes it was stored as (see `trusted(_:)`).
    public static func trusted(utf8 bytes: [UInt8]) -> HTML {
        HTML(pieces: [.bytes(bytes)])
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
        Self.add(fragment, to: &pieces, &tail)
    }

    /// Adds `fragment` after `pieces` and `tail`: copied onto the tail when small, kept as a
    /// piece of its own when large.
    static func add(_ fragment: HTML, to pieces: inout [Piece], _ tail: inout String) {
        if fragment.pieces.isEmpty, fragment.tail.utf8.count < pieceSize {
            tail += fragment.tail
            return
        }
        if !tail.isEmpty { pieces.append(.text(tail)) }
        pieces += fragment.pieces
        if fragment.tail.utf8.count < pieceSize {
            tail = fragment.tail
        } else {
            pieces.append(.text(fragment.tail))
            tail = ""
        }
    }

    public var description: String { rendered }
    public var isEmpty: Bool { pieces.isEmpty && tail.isEmpty }

    public static func == (lhs: HTML, rhs: HTML) -> Bool { lhs.rendered == rhs.rendered }

    /// `content` when `condition` holds, nothing otherwise.
    public static func when(_ condition: Bool, _ content: () -> HTML) -> HTML {
        condition ? content() : .empty
    }

    /// Joins fragments.
    public static func join(_ parts: [HTML], separator: HTML = .empty) -> HTML {
        var output = HTML.empty
        for (index, part) in parts.enumerated() {
            if index > 0 { output.append(separator) }
            output.append(part)
        }
        return output
    }

    public struct Interpolation: StringInterpolationProtocol {
        var pieces: [Piece] = []
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
            HTML.add(html, to: &pieces, &output)
        }

        public mutating func appendInterpolation(_ html: HTML?) {
            if let html { HTML.add(html, to: &pieces, &output) }
        }

        public mutating func appendInterpolation(_ parts: [HTML]) {
            for part in parts { HTML.add(part, to: &pieces, &output) }
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
