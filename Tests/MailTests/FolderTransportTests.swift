import Foundation
import Logging
import Mail
import TestSupport
import Testing

@Suite("Mail written to a folder")
struct FolderTransportTests {
    @Test("Without SMTP each message becomes an .eml file, and the log names the file, the recipient and the subject, not the links")
    func writesAndLogs() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-mail-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let logs = CapturedLogs()
        let transport = FolderTransport(folder: folder, domain: "news.example.org", logger: logs.logger(level: .info))
        let message = MailMessage(
            id: "m1", from: Mailbox(name: "Gazette", address: "news@example.org"), to: Mailbox(name: "Zoë", address: "zoe@example.org"),
            subject: "Confirm your subscription", text: "https://news.example.org/newsletter/confirm/SECRET", html: "<p>x</p>",
            headers: [:], date: Date(timeIntervalSince1970: 1_795_521_600))
        let outcome = OutcomeLog()
        await transport.send([message]) { id, error in await outcome.add(id, error == nil) }
        #expect(await outcome.entries == ["m1: ok"])
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files == ["1795521600-m1.eml"])
        let entry = try #require(logs.all.first)
        #expect(entry.level == .info && entry.message == "Mail written to a file (no SMTP_URL is set)")
        #expect(logs.all.allSatisfy { !$0.message.contains("SECRET") && !$0.metadata.contains("SECRET") })
        #expect(entry.metadata.contains("zoe@example.org") && entry.metadata.contains("Confirm your subscription"))
        #expect(entry.metadata.contains(folder + "/1795521600-m1.eml"))
    }

    actor OutcomeLog {
        var entries: [String] = []
        func add(_ id: String, _ ok: Bool) { entries.append("\(id): \(ok ? "ok" : "failed")") }
    }
}
