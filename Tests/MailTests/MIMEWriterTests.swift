import Foundation
import Mail
import TestSupport
import Testing

@Suite("MIME messages")
struct MIMEWriterTests {
    let message = MailMessage(
        id: "abc123", from: Mailbox(name: "Die Zeitung", address: "news@example.org"),
        to: Mailbox(name: "Zoë Ångström", address: "zoe@example.org"), subject: "Grüße aus Köln — today's digest",
        text: "Hello Zoë,\nthe river is at 3.2 m = high.\n" + String(repeating: "long ", count: 30),
        html: "<p>Hello Zoë</p>", headers: ["List-Id": "Daily <daily.example.org>"], date: Date(timeIntervalSince1970: 1_795_521_600))

    @Test("Non-ASCII names and subjects are encoded words that decode back to the original")
    func encodedWords() throws {
        let rendered = MIMEWriter.render(message, domain: "example.org")
        let subject = try #require(rendered.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") })
        #expect(subject.hasPrefix("Subject: =?utf-8?b?"))
        #expect(decodeWords(rendered, header: "Subject") == "Grüße aus Köln — today's digest")
        #expect(rendered.contains("To: =?utf-8?b?") && rendered.contains(" <zoe@example.org>"))
        #expect(rendered.contains("From: \"Die Zeitung\" <news@example.org>"))
        #expect(rendered.contains("Message-ID: <abc123@example.org>"))
        #expect(rendered.contains("Date: Tue, 24 Nov 2026 12:00:00 +0000"))
        #expect(rendered.contains("List-Id: Daily <daily.example.org>"))
    }

    @Test("The text part is quoted-printable with short lines; the HTML part is base64")
    func bodies() {
        let rendered = MIMEWriter.render(message, domain: "example.org")
        #expect(rendered.contains("Hello Zo=C3=AB,\r\nthe river is at 3.2 m =3D high."))
        #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(rendered.contains(Data("<p>Hello Zoë</p>".utf8).base64EncodedString()))
        #expect(rendered.hasSuffix("--=_gazette_abc123--\r\n"))
    }

    @Test("Long encoded subjects are split into words of at most 75 characters, never inside a character")
    func longSubject() {
        let subject = String(repeating: "ünïcødé ", count: 20)
        let encoded = MIMEWriter.encodedWord(subject, fieldLength: 9)
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?utf-8?b?") && $0.hasSuffix("?=") })
        #expect(
            words.map { String(decoding: Data(base64Encoded: String($0.dropFirst(10).dropLast(2))) ?? Data(), as: UTF8.self) }.joined()
                == subject)
    }

    @Test("Long header lines fold at spaces; display names with quotes are escaped")
    func foldingAndPhrases() {
        let long = "<https://news.example.org/newsletter/unsubscribe/daily/\(String(repeating: "t", count: 60))>"
        var headers = ["List-Unsubscribe": long + ", <mailto:news@example.org?subject=unsubscribe>"]
        headers["List-Id"] = MIMEWriter.phrase("The \"Daily\" Briefing") + " <daily.example.org>"
        var folded = message
        folded.headers = headers
        let rendered = MIMEWriter.render(folded, domain: "example.org")
        #expect(rendered.contains(",\r\n <mailto:news@example.org?subject=unsubscribe>"))
        #expect(ReceivedMail(rendered).header("List-Unsubscribe") == long + ", <mailto:news@example.org?subject=unsubscribe>")
        #expect(rendered.contains("List-Id: \"The \\\"Daily\\\" Briefing\" <daily.example.org>"))
        #expect(MIMEWriter.phrase("Zoë").hasPrefix("=?utf-8?b?"))
    }

    /// Decodes the RFC 2047 words of one header (test helper).
    func decodeWords(_ message: String, header: String) -> String {
        var lines = message.components(separatedBy: "\r\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix(header + ": ") }) else { return "" }
        var value = String(lines[start].dropFirst(header.count + 2))
        lines = Array(lines[(start + 1)...])
        for line in lines {
            guard line.hasPrefix(" ") else { break }
            value += line
        }
        return value.components(separatedBy: " ").map { word in
            guard word.hasPrefix("=?utf-8?b?"), word.hasSuffix("?=") else { return word }
            return String(decoding: Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) ?? Data(), as: UTF8.self)
        }.joined()
    }
}
