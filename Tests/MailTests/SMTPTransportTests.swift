import Foundation
import Logging
import Mail
import TestSupport
import Testing

/// The SMTP client against a real server (aiosmtpd) on loopback.
@Suite("SMTP delivery")
struct SMTPTransportTests {
    func message(_ to: String, id: String = UUID().uuidString.lowercased(), text: String = "Hello.\n.leading dot\n") -> MailMessage {
        MailMessage(
            id: id, from: Mailbox(name: "The Gazette", address: "news@gazette.example"), to: Mailbox(name: "Zoë Reader", address: to),
            subject: "Grüße — your digest", text: text, html: "<p>Hello Zoë</p>", headers: ["List-Id": "Daily <daily.gazette.example>"],
            date: Date(timeIntervalSince1970: 1_795_521_600))
    }

    func transport(_ server: SMTPTestServer, security: SMTPConfiguration.Security, user: String? = nil, password: String? = nil)
        -> SMTPTransport
    {
        SMTPTransport(
            configuration: SMTPConfiguration(
                host: "127.0.0.1", port: server.port, security: security, username: user, password: password, heloName: "gazette.test",
                trustedCAFile: server.certificate, timeout: 5),
            logger: Logger(label: "smtp-test"))
    }

    @Test("Plain SMTP delivers a batch on one connection, dot-stuffed, with headers intact")
    func plain() async throws {
        let server = try await SMTPTestServer.launch()
        let results = await transport(server, security: .plain).send([message("a@example.org"), message("b@example.org")])
        #expect(results.values.allSatisfy { $0 == nil })
        let received = try server.messages()
        #expect(received.count == 2)
        #expect(received[0].contains("X-Envelope-To: a@example.org"))
        #expect(received[0].contains("List-Id: Daily <daily.gazette.example>"))
        #expect(received[0].contains("Hello.\r\n.leading dot"))  // the server removed our dot-stuffing
    }

    @Test("STARTTLS with AUTH PLAIN, and implicit TLS, deliver; wrong credentials fail without blaming the recipient")
    func tlsAndAuth() async throws {
        let starttls = try await SMTPTestServer.launch(tls: "starttls", auth: "gazette:s3cret")
        #expect(
            await transport(starttls, security: .startTLS, user: "gazette", password: "s3cret").send([message("c@example.org")]).values
                .allSatisfy { $0 == nil })
        #expect(try starttls.messages().count == 1)
        let wrong = await transport(starttls, security: .startTLS, user: "gazette", password: "nope").send([message("d@example.org")])
        guard case .transient(let reason)?? = wrong.values.first else {
            Issue.record("wrong credentials should be a transient failure, got \(wrong)")
            return
        }
        #expect(reason.contains("credentials"))
        let implicit = try await SMTPTestServer.launch(tls: "implicit")
        #expect(await transport(implicit, security: .tls).send([message("e@example.org")]).values.allSatisfy { $0 == nil })
        #expect(try implicit.messages().count == 1)
    }

    @Test("Per-recipient replies: 4xx is transient, 5xx permanent, and the batch goes on")
    func replies() async throws {
        let server = try await SMTPTestServer.launch()
        let ok = message("fine@example.org")
        let later = message("tempfail-1-x@example.org")
        let never = message("reject-me@example.org")
        let after = message("after@example.org")
        let results = await transport(server, security: .plain).send([ok, later, never, after])
        #expect(results[ok.id] == .some(nil))
        #expect(results[after.id] == .some(nil))
        guard case .transient?? = results[later.id], case .permanent?? = results[never.id] else {
            Issue.record("unexpected results \(results)")
            return
        }
        #expect(try server.messages().count == 2)
    }

    @Test("A server that is not there is a transient failure for every message")
    func refused() async throws {
        let server = try await SMTPTestServer.launch()
        await server.stop()
        let results = await transport(server, security: .plain).send([message("x@example.org")])
        guard case .transient?? = results.values.first else {
            Issue.record("expected a transient failure, got \(results)")
            return
        }
    }
}
