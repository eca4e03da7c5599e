import Domain
import Foundation

/// Decodes `application/x-www-form-urlencoded` text (query strings and form bodies). Lenient by
/// design: a malformed escape is kept as written and invalid UTF-8 becomes U+FFFD, so no input
/// can make decoding fail.
public struct QueryString: Equatable, Sendable {
    public private(set) var pairs: [(name: String, value: String)]

    public init(_ raw: Substring) {
        self.pairs = raw.split(separator: "&", omittingEmptySubsequences: true).prefix(200).map { pair in
            if let equals = pair.firstIndex(of: "=") {
                return (Self.decode(pair[..<equals]), Self.decode(pair[pair.index(after: equals)...]))
            }
            return (Self.decode(pair), "")
        }
    }

    public init(_ raw: String?) {
        self.init(Substring(raw ?? ""))
    }

    /// The first value for `name`.
    public subscript(name: String) -> String? {
        pairs.first(where: { $0.name == name })?.value
    }

    /// Every value for `name`, in order.
    public func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.pairs.map(\.name) == rhs.pairs.map(\.name) && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
    }

    /// Percent-decodes one component, turning `+` into a space. NUL characters are dropped: they
    /// never mean anything in form input, and PostgreSQL cannot store them in text.
    public static func decode(_ text: Substring) -> String {
        let decoded = decodePercent(text, plusAsSpace: true)
        return decoded.contains("\u{0}") ? decoded.replacingOccurrences(of: "\u{0}", with: "") : decoded
    }

    /// Percent-decodes a path segment (`+` stays a plus). Returns nil when the bytes are not UTF-8
    /// or hold control characters, so a route can answer "not found" for a name no slug can have.
    public static func decodePathSegment(_ text: Substring) -> String? {
        let bytes = decodeBytes(text, plusAsSpace: false)
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    static func decodePercent(_ text: Substring, plusAsSpace: Bool) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(text)
        }
        return String(decoding: decodeBytes(text, plusAsSpace: plusAsSpace), as: UTF8.self)
    }

    static func decodeBytes(_ text: Substring, plusAsSpace: Bool) -> [UInt8] {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%"), index + 2 < input.count,
                let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte == UInt8(ascii: "+") && plusAsSpace ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return output
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// A urlencoded form body reads like any other form.
extension QueryString: FormValues {
    public func value(_ name: String) -> String? { self[name] }
    public func values(_ name: String) -> [String] { all(name) }
}
