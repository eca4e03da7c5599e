import Foundation

/// A message as a mail server stored it, read the way a mail client would: unfolded headers with
/// RFC 2047 encoded words decoded, and the text and HTML parts with their transfer encoding undone.
/// Written independently of our MIME writer so that the tests check the wire format, not itself.
public struct ReceivedMail: Sendable {
    public let raw: String
    let headers: [(name: String, value: String)]
    /// The decoded text/plain part.
    public let text: String
    /// The decoded text/html part.
    public let html: String

    public init(_ raw: String) {
        self.raw = raw
        let (headerBlock, body) = Self.split(raw)
        headers = Self.parseHeaders(headerBlock)
        var text = ""
        var html = ""
        let contentType = headers.first { $0.name.lowercased() == "content-type" }?.value ?? "text/plain"
        if let boundary = Self.parameter("boundary", in: contentType) {
            for chunk in body.components(separatedBy: "--" + boundary).dropFirst() where !chunk.hasPrefix("--") {
                let (partHeaderBlock, partBody) = Self.split(String(chunk.drop { $0 == "\r\n" || $0 == "\n" }))
                let partHeaders = Self.parseHeaders(partHeaderBlock)
                let type = partHeaders.first { $0.name.lowercased() == "content-type" }?.value.lowercased() ?? ""
                let encoding = partHeaders.first { $0.name.lowercased() == "content-transfer-encoding" }?.value.lowercased() ?? ""
                let decoded = Self.decode(partBody, encoding: encoding)
                if type.hasPrefix("text/plain") { text = decoded } else if type.hasPrefix("text/html") { html = decoded }
            }
        } else {
            let encoding = headers.first { $0.name.lowercased() == "content-transfer-encoding" }?.value.lowercased() ?? ""
            text = Self.decode(body, encoding: encoding)
        }
        self.text = text
        self.html = html
    }

    /// The first header called `name`, unfolded and decoded.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }.map { Self.decodeWords($0.value) }
    }

    /// The first absolute link in the text part that starts with `prefix`.
    public func link(startingWith prefix: String) -> String? {
        TestSupport.link(in: text, startingWith: prefix)
    }

    static func split(_ text: String) -> (String, String) {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard let blank = normalised.range(of: "\n\n") else { return (normalised, "") }
        return (String(normalised[..<blank.lowerBound]), String(normalised[blank.upperBound...]))
    }

    static func parseHeaders(_ block: String) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first == " " || first == "\t", let last = headers.popLast() {
                let continued = line.trimmingCharacters(in: .whitespaces)
                headers.append((last.name, last.value.isEmpty ? continued : last.value + " " + continued))
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        return headers
    }

    static func parameter(_ name: String, in value: String) -> String? {
        guard let range = value.range(of: name + "=", options: .caseInsensitive) else { return nil }
        let rest = value[range.upperBound...]
        if rest.first == "\"" { return rest.dropFirst().split(separator: "\"").first.map(String.init) }
        return rest.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static func decode(_ body: String, encoding: String) -> String {
        switch encoding {
        case "base64":
            let data = Data(base64Encoded: body.filter { !$0.isWhitespace }) ?? Data()
            return String(decoding: data, as: UTF8.self)
        case "quoted-printable":
            return decodeQuotedPrintable(body.replacingOccurrences(of: "=\n", with: "=\r\n"))
        default:
            return body
        }
    }

    /// Decodes RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`); whitespace between
    /// adjacent encoded words is dropped, as the RFC says.
    static func decodeWords(_ value: String) -> String {
        let pattern = /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/
        var output = ""
        var rest = Substring(value)
        var previousWasWord = false
        while let match = rest.firstMatch(of: pattern) {
            let between = rest[..<match.range.lowerBound]
            if !(previousWasWord && between.allSatisfy(\.isWhitespace)) { output += between }
            let payload = String(match.output.3)
            if match.output.2.lowercased() == "b" {
                output += String(decoding: Data(base64Encoded: payload) ?? Data(), as: UTF8.self)
            } else {
                output += decodeQuotedPrintable(payload.replacingOccurrences(of: "_", with: " "))
            }
            previousWasWord = true
            rest = rest[match.range.upperBound...]
        }
        return output + rest
    }
}

extension SMTPTestServer {
    /// Every received message, parsed.
    public func mails() throws -> [ReceivedMail] {
        try messages().map(ReceivedMail.init)
    }

    /// Received messages addressed (in the envelope) to `address`.
    public func mails(to address: String) throws -> [ReceivedMail] {
        try mails().filter { $0.header("X-Envelope-To")?.split(separator: ",").contains { $0 == address } == true }
    }
}
