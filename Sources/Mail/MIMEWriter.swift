import Foundation

/// Renders a `MailMessage` as an RFC 5322 message: multipart/alternative with a quoted-printable
/// text part and a base64 HTML part, non-ASCII headers encoded per RFC 2047, lines at most 78
/// characters, CRLF line endings.
public enum MIMEWriter {
    public static func render(_ message: MailMessage, domain: String) -> String {
        let boundary = "=_gazette_" + message.id.filter { $0.isLetter || $0.isNumber }
        var lines: [String] = [
            "From: " + mailbox(message.from),
            "To: " + mailbox(message.to),
        ]
        if let replyTo = message.replyTo { lines.append("Reply-To: " + mailbox(replyTo)) }
        lines += [
            "Subject: " + encodedWord(message.subject, fieldLength: 9),
            "Date: " + rfc5322Date(message.date),
            "Message-ID: <\(message.id)@\(domain)>",
            "MIME-Version: 1.0",
        ]
        for (name, value) in message.headers.sorted(by: { $0.key < $1.key }) {
            lines.append(folded("\(name): \(value)"))
        }
        lines += [
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
            "--\(boundary)",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            quotedPrintable(message.text),
            "--\(boundary)",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            base64Lines(message.html),
            "--\(boundary)--",
            "",
        ]
        return lines.joined(separator: "\r\n")
    }

    /// `"Name" <address>` with the name encoded when it needs to be.
    public static func mailbox(_ mailbox: Mailbox) -> String {
        guard !mailbox.name.isEmpty else { return mailbox.address }
        let isPlain = mailbox.name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" }
        let name = isPlain ? "\"\(mailbox.name)\"" : encodedWord(mailbox.name, fieldLength: 0)
        return "\(name) <\(mailbox.address)>"
    }

    /// A display name as a header phrase: quoted when plain ASCII, encoded words otherwise
    /// (`List-Id: "Daily" <daily.example.org>`).
    public static func phrase(_ text: String) -> String {
        let isPlain = text.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }
        guard isPlain else { return encodedWord(text, fieldLength: 0) }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Folds a header line longer than 78 characters at spaces (RFC 5322 2.2.3): continuation
    /// lines start with a space. A word longer than a line stays whole (the limit is 998).
    static func folded(_ line: String) -> String {
        guard line.count > 78 else { return line }
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count > 78 {
                lines.append(current)
                current = " " + word
            } else {
                current += " " + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// RFC 2047 encoded words (base64, UTF-8) for text with non-ASCII characters, split so no
    /// encoded word is longer than 75 characters and on character boundaries.
    public static func encodedWord(_ text: String, fieldLength: Int) -> String {
        let printable = text.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }
        if printable && text.count + fieldLength <= 78 { return text }
        var words: [String] = []
        var chunk = ""
        for character in text {
            let candidate = chunk + String(character)
            if Data(candidate.utf8).base64EncodedString().count > 75 - 12, !chunk.isEmpty {
                words.append(chunk)
                chunk = String(character)
            } else {
                chunk = candidate
            }
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?utf-8?b?" + Data($0.utf8).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    /// Quoted-printable (RFC 2045) with soft line breaks at 76 characters.
    public static func quotedPrintable(_ text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var output: [String] = []
        for line in normalised.split(separator: "\n", omittingEmptySubsequences: false) {
            var encoded = ""
            var length = 0
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let piece: String
                if (byte >= 33 && byte <= 126 && byte != 61) || (byte == 32 && !isLast) || (byte == 9 && !isLast) {
                    piece = String(UnicodeScalar(byte))
                } else {
                    piece = String(format: "=%02X", byte)
                }
                if length + piece.count > 75 {
                    encoded += "=\r\n"
                    length = 0
                }
                encoded += piece
                length += piece.count
            }
            output.append(encoded)
        }
        return output.joined(separator: "\r\n")
    }

    static func base64Lines(_ text: String) -> String {
        let encoded = Data(text.utf8).base64EncodedString()
        var lines: [String] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines.joined(separator: "\r\n")
    }

    /// "Tue, 24 Nov 2026 12:00:00 +0000".
    public static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        let p = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(
            format: "%@, %02d %@ %04d %02d:%02d:%02d +0000", days[(p.weekday ?? 1) - 1], p.day ?? 1, months[(p.month ?? 1) - 1],
            p.year ?? 1970, p.hour ?? 0, p.minute ?? 0, p.second ?? 0)
    }
}
