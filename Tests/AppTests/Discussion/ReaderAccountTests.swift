import Domain
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Mail
import NIOCore
import Persistence
import TestSupport
import Testing

@testable import App

/// Readers who sign in with a mailed link, and anyone's copy or erasure of their comments.
@Suite("Reader accounts")
struct ReaderAccountTests {
    @Test("A reader signs in by a mailed link, comments under their name without the Guest label, and renames themselves")
    func signInAndComment() async throws {
        let server = try await SMTPTestServer.launch()
        let app = try await DiscussionMailTests.app(server)
        var settings = try await SettingsStore.load(on: try app.db())
        settings.holdFirstComment = true
        try await SettingsStore.save(settings, on: try app.db())
        try await app.run(.live) { client in
            try await client.execute(
                uri: "/readers/sign-in", method: .post, headers: formHeaders,
                body: formBody([("email", "Rosa@Example.org"), ("purpose", "sign-in"), ("next", "/story-number-1/#respond-1")])
            ) { response in #expect(response.text.contains("Check your inbox")) }
            // Somewhere else is never where a link leads.
            #expect(ReaderController.safeNext("//evil.example/x") == "/")
            #expect(ReaderController.safeNext("https://evil.example") == "/")
            await app.deliverMail()
            let mail = try #require(try server.mails(to: "rosa@example.org").first)
            #expect(mail.header("Subject") == "Sign in to comment on The Gazette")
            let link = DiscussionMailTests.path(try #require(mail.link(startingWith: "https://news.example.org/readers/link/")))
            #expect(try await client.execute(uri: link, method: .get) { $0.text }.contains("<button type=\"submit\">Sign in</button>"))
            let cookie = try await client.execute(uri: link, method: .post) { response -> String in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/story-number-1/#respond-1")
                let set = response.headers[.setCookie] ?? ""
                #expect(set.contains("HttpOnly") && set.contains("SameSite=Lax"))
                return String(set.split(separator: ";").first ?? "")
            }
            // The link works once.
            #expect(try await client.execute(uri: link, method: .post) { $0.status } == .notFound)

            var headers = DiscussionAPITests.json
            headers[.cookie] = cookie
            let me = try await client.execute(uri: "/api/v1/reader", method: .get, headers: headers) { DiscussionAPITests.object($0) }
            #expect(me["signedIn"] as? Bool == true && me["email"] as? String == "rosa@example.org")
            // Signed in, the first comment is not held, the name comes from the account, and no Guest label.
            let (status, created) = try await client.execute(
                uri: DiscussionAPITests.api, method: .post, headers: headers,
                body: DiscussionAPITests.body(["name": "ignored", "email": "ignored@example.org", "body": "Signed in."])
            ) { ($0.status, DiscussionAPITests.object($0)) }
            #expect(status == .created && created["status"] as? String == "approved")
            let list = try await client.execute(uri: DiscussionAPITests.api, method: .get) { DiscussionAPITests.object($0) }
            let first = try #require((list["threads"] as? [[String: Any]])?.first)
            #expect(first["author"] as? String == "rosa" && first["guest"] as? Bool == false)

            var page = HTTPFields()
            page[.cookie] = cookie
            page[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(uri: "/readers/me", method: .post, headers: page, body: formBody([("name", "Rosa Parks")])) {
                response in
                #expect(response.headers[.location] == "/readers/me?saved=1")
            }
            let home = try await client.execute(uri: "/readers/me", method: .get, headers: page) { $0.text }
            #expect(home.contains("value=\"Rosa Parks\"") && home.contains("Signed in."))
            try await client.execute(uri: "/readers/sign-out", method: .post, headers: page) { _ in }
            #expect(
                try await client.execute(uri: "/api/v1/reader", method: .get, headers: headers) { DiscussionAPITests.object($0) }[
                    "signedIn"] as? Bool == false)
        }
        await server.stop()
    }

    @Test("Anyone gets a copy of their comments, or erases them, by a link mailed to the address")
    func exportAndErase() async throws {
        let server = try await SMTPTestServer.launch()
        let app = try await DiscussionMailTests.app(server)
        try await app.run(.live) { client in
            _ = try await DiscussionAPITests.post(client, ["name": "Gus", "email": "gus@example.org", "body": "Mine, with <b>tags</b>."])
            let (_, other) = try await DiscussionAPITests.post(
                client, ["name": "Gus", "email": "gus@example.org", "body": "Answered one."])
            _ = try await DiscussionAPITests.post(
                client, ["name": "Ivy", "email": "ivy@example.org", "body": "A reply to Gus.", "parent": other["id"] as? Int ?? 0])
            for purpose in ["export", "erase"] {
                try await client.execute(
                    uri: "/readers/data", method: .post, headers: formHeaders,
                    body: formBody([("email", "gus@example.org"), ("purpose", purpose)])
                ) { response in #expect(response.text.contains("Check your inbox")) }
            }
            await app.deliverMail()
            let mails = try server.mails(to: "gus@example.org")
            let export = try #require(mails.first { $0.header("Subject") == "Your comments on The Gazette" })
            let exportLink = DiscussionMailTests.path(try #require(export.link(startingWith: "https://news.example.org/readers/link/")))
            try await client.execute(uri: exportLink, method: .post) { response in
                #expect(response.headers[HTTPField.Name("Content-Disposition")!] == "attachment; filename=\"comments.json\"")
                let body = String(buffer: response.body)
                #expect(body.contains("\"text\" : \"Mine, with <b>tags</b>.\"") && body.contains("\"email\" : \"gus@example.org\""))
            }
            let erase = try #require(mails.first { $0.header("Subject") == "Erase your comments on The Gazette?" })
            let eraseLink = DiscussionMailTests.path(try #require(erase.link(startingWith: "https://news.example.org/readers/link/")))
            #expect(try await client.execute(uri: eraseLink, method: .get) { $0.text }.contains("This erases 2 comments"))
            try await client.execute(uri: eraseLink, method: .post) { response in
                #expect(response.text.contains("2 comments and every subscription are erased"))
            }
            let page = try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }
            #expect(!page.contains("Mine, with") && !page.contains("Answered one."))
            // Ivy's reply keeps its place under an emptied comment.
            #expect(page.contains("Deleted by its author.") && page.contains("A reply to Gus."))
            #expect(try await CommentRecord.query(on: try app.db()).filter(\.$authorEmail == "gus@example.org").count() == 0)
            let stats = try await CommentStore.bar(article: .init(1), on: try app.db()).stats
            #expect(stats.comments == 2 && stats.authors == 2)
        }
        await server.stop()
    }
}
