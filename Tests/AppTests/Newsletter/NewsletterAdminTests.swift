import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing

@testable import App

/// `/admin/newsletter` as staff use it: the editor, preview, test send, sending with progress and
/// log, and the subscriber list with its CSV export and import.
@Suite("Newsletter back office")
struct NewsletterAdminTests {
    typealias Support = NewsletterTestSupport

    @Test("An editor writes an edition, previews it, sends a test, sends it and follows the progress and the log")
    func editionLifecycle() async throws {
        let server = try await SMTPTestServer.launch()
        let app = try await Support.app(server)
        try await Support.confirmed("first@example.org", on: app)
        try await Support.confirmed("second@example.org", on: app)
        try await app.run { client in
            let editor = try await app.staff(.editor, name: "Eda Editor", email: "eda@example.org")
            let author = try await app.staff(.author)
            #expect(try await client.execute(uri: "/admin/newsletter", method: .get, headers: author.headers) { $0.status } == .forbidden)
            let overview = try await client.execute(uri: "/admin/newsletter", method: .get, headers: editor.headers) { $0.text }
            #expect(overview.contains("The Daily Briefing") && overview.contains("href=\"/admin/newsletter\""))

            let empty = try await client.execute(
                uri: "/admin/newsletter/editions", method: .post, headers: editor.formHeaders,
                body: formBody([("_csrf", editor.csrf), ("newsletter", "1"), ("subject", ""), ("markdown", "Text")])
            ) { ($0.status, $0.text) }
            #expect(empty.0 == .unprocessableContent && empty.1.contains("Give the edition a subject line"))

            let created = try await client.execute(
                uri: "/admin/newsletter/editions", method: .post, headers: editor.formHeaders,
                body: formBody([
                    ("_csrf", editor.csrf), ("newsletter", "1"), ("subject", "Inside the budget <vote>"),
                    ("markdown", "## What changes\n\nRead [the full story](/budget/) and <script>alert(1)</script>."),
                ])
            ) { $0.headers[.location] }
            let location = try #require(created)
            #expect(location.hasSuffix("?done=saved"))
            let base = String(location.prefix { $0 != "?" })

            let preview = try await client.execute(uri: base + "/preview", method: .get, headers: editor.headers) { response in
                (response.text, response.headers[.contentSecurityPolicy] ?? "")
            }
            #expect(preview.0.contains("href=\"https://news.example.org/budget/\""))
            #expect(!preview.0.contains("<script>alert(1)</script>"))
            #expect(preview.1.contains("default-src 'none'"))

            let test = try await client.execute(
                uri: base + "/test", method: .post, headers: editor.formHeaders, body: formBody([("_csrf", editor.csrf)])
            ) { $0.headers[.location] }
            #expect(test == base + "?done=test")
            await app.deliverMail()
            let testMail = try #require(try server.mails(to: "eda@example.org").first)
            #expect(testMail.header("Subject") == "[Test] Inside the budget <vote>")
            #expect(try server.mails(to: "first@example.org").isEmpty)

            let send = try await client.execute(
                uri: base + "/send", method: .post, headers: editor.formHeaders, body: formBody([("_csrf", editor.csrf)])
            ) { $0.headers[.location] }
            #expect(send == base + "?done=sending")
            let sending = try await client.execute(uri: base + "/progress", method: .get, headers: editor.headers) { $0.text }
            #expect(sending.contains("\"status\":\"sending\"") && sending.contains("\"remaining\":2"))
            let page = try await client.execute(uri: base, method: .get, headers: editor.headers) { $0.text }
            #expect(page.contains("data-progress=\"\(base)/progress\"") && page.contains("Pause sending"))

            await app.deliverMail()
            let done = try await client.execute(uri: base + "/progress", method: .get, headers: editor.headers) { $0.text }
            #expect(done.contains("\"status\":\"sent\"") && done.contains("\"sent\":2") && done.contains("\"remaining\":0"))
            let received = try #require(try server.mails(to: "first@example.org").first)
            #expect(received.header("Subject") == "Inside the budget <vote>")
            #expect(received.html.contains("<h2") && received.text.contains("https://news.example.org/budget/"))
            let log = try await client.execute(uri: base + "/log", method: .get, headers: editor.headers) { $0.text }
            #expect(log.contains("first@example.org") && log.contains("second@example.org") && log.contains("Sent"))

            // Sending again is refused: no reader gets an edition twice.
            let again = try await client.execute(
                uri: base + "/send", method: .post, headers: editor.formHeaders, body: formBody([("_csrf", editor.csrf)])
            ) { $0.status }
            #expect(again == .conflict)
            await app.deliverMail()
            #expect(try server.mails(to: "first@example.org").count == 1)
        }
    }

    @Test("Subscribers: search and filter, CSV export, and an import that needs consent and never re-adds suppressed or departed readers")
    func subscribersAndCSV() async throws {
        let server = try await SMTPTestServer.launch()
        let app = try await Support.app(server)
        let db = try app.db()
        try await Support.confirmed("kept@example.org", name: "=HYPERLINK(\"http://evil\")", on: app)
        let departed = try await Support.confirmed("gone@example.org", on: app)
        try await SubscriberStore.unsubscribe(departed.id, from: nil, now: app.time.now(), on: db)
        try await SuppressionStore.add("bounced@example.org", reason: "bounce", detail: "550 No such mailbox", now: app.time.now(), on: db)
        try await app.run { client in
            let owner = try await app.staff(.owner)
            func importFile(_ csv: String) async throws -> TestResponse {
                var (headers, body) = multipartBody(
                    fields: [("_csrf", owner.csrf), ("newsletter", "1"), ("newsletter", "2")],
                    file: ("file", "fair.csv", "text/csv", Array(csv.utf8)))
                headers[.cookie] = owner.cookie
                return try await client.execute(uri: "/admin/newsletter/subscribers/import", method: .post, headers: headers, body: body)
            }
            let noConsent = try await importFile("email,name\nnew@example.org,New Reader\n")
            #expect(noConsent.text.contains("Nobody is imported without it."))
            #expect(try await SubscriberStore.find(email: "new@example.org", on: db) == nil)

            let report = try await importFile(
                """
                Email,Name,Consent
                New@Example.org,"Reader, New",Signed up at the book fair
                quiet@example.org,Quiet,
                bounced@example.org,Bounced,Book fair
                gone@example.org,Gone,Book fair
                not-an-address,Bad,Book fair
                """)
            #expect(report.status == .ok)
            #expect(report.text.contains("<dt>Added</dt><dd>1</dd>"))
            #expect(report.text.contains("Suppressed addresses, not added (1)") && report.text.contains("bounced@example.org"))
            #expect(report.text.contains("Unsubscribed earlier, not added back (1)"))
            #expect(report.text.contains("Line 3: quiet@example.org: no consent recorded"))
            #expect(report.text.contains("Line 6:"))
            let added = try #require(try await SubscriberStore.find(email: "new@example.org", on: db))
            #expect(added.status == .confirmed && added.name == "Reader, New" && added.newsletterIDs.count == 2)
            #expect(added.consentSource.contains("Signed up at the book fair") && added.consentSource.contains("fair.csv"))
            #expect(try await SubscriberStore.find(email: "bounced@example.org", on: db) == nil)
            #expect(try await SubscriberStore.find(email: "gone@example.org", on: db)?.status == .unsubscribed)

            let search = try await client.execute(uri: "/admin/newsletter/subscribers?q=new%40", method: .get, headers: owner.headers) {
                $0.text
            }
            #expect(search.contains("new@example.org") && !search.contains("kept@example.org"))
            let left = try await client.execute(
                uri: "/admin/newsletter/subscribers?status=unsubscribed", method: .get, headers: owner.headers
            ) {
                $0.text
            }
            #expect(left.contains("gone@example.org") && !left.contains("new@example.org"))

            let export = try await client.execute(uri: "/admin/newsletter/subscribers.csv", method: .get, headers: owner.headers) {
                response in
                (response.text, response.headers[.contentType] ?? "")
            }
            #expect(export.1.hasPrefix("text/csv"))
            #expect(export.0.hasPrefix("email,name,status,newsletters,consent,signed_up,confirmed,suppressed\r\n"))
            #expect(export.0.contains("new@example.org,\"Reader, New\",confirmed,"))
            // A name that a spreadsheet would run as a formula is exported inert.
            #expect(export.0.contains("kept@example.org,\"'=HYPERLINK(\"\"http://evil\"\")\""))
            // What is exported imports again: the file has the columns an import needs.
            let roundTrip = try await importFile(export.0)
            #expect(roundTrip.text.contains("<dt>Already on the list</dt><dd>2</dd>"))
        }
    }
}
