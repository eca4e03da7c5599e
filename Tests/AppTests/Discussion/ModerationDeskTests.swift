import Domain
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import Routes
import TestSupport
import Testing

@testable import App

/// What moderators do beyond the queues: a commenter's record, bans, pins, edits and staff replies.
@Suite("Moderation desk")
struct ModerationDeskTests {
    @Test("A commenter's record lists every comment by the address; a ban applies to the next comment at once")
    func historyAndBan() async throws {
        try await withApp(fixtures: { try await DiscussionAPITests.newsroom($0) }) { client, app in
            _ = try await DiscussionAPITests.post(client, ["name": "Tom", "email": "tom@example.org", "body": "One."])
            _ = try await DiscussionAPITests.post(client, ["name": "Tom", "email": "tom@example.org", "body": "Two."])
            _ = try await DiscussionAPITests.post(client, ["name": "Ann", "email": "ann@example.org", "body": "Three."])
            let moderator = try await app.staff(.moderator)
            let record = try await client.execute(
                uri: AdminURL.commenter(.init(email: "tom@example.org")).path, method: .get, headers: moderator.headers
            ) { $0.text }
            #expect(record.contains("Comments by tom@example.org"))
            #expect(record.contains("<p>One.</p>") && record.contains("<p>Two.</p>") && !record.contains("<p>Three.</p>"))

            try await client.execute(
                uri: AdminURL.commentBans.path, method: .post, headers: moderator.formHeaders,
                body: formBody([
                    ("_csrf", moderator.csrf), ("kind", "email"), ("value", "Tom@Example.org"), ("reason", "Spam"), ("days", "7"),
                ])
            ) { response in #expect(response.headers[.location] == "/admin/comments/bans?done=banned") }
            let (status, problem) = try await DiscussionAPITests.post(
                client, ["name": "Tom", "email": "tom@example.org", "body": "Three."])
            #expect(status == .forbidden)
            #expect((problem["errors"] as? [String: String])?["body"]?.hasPrefix("You cannot comment on this site until") == true)
            #expect(try await DiscussionAPITests.post(client, ["name": "Ann", "email": "ann@example.org", "body": "Four."]).0 == .created)

            // A bad ban is refused with the reason, next to the field.
            try await client.execute(
                uri: AdminURL.commentBans.path, method: .post, headers: moderator.formHeaders,
                body: formBody([("_csrf", moderator.csrf), ("kind", "email"), ("value", "not an address"), ("reason", ""), ("days", "0")])
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Give an email address like name@example.org."))
                #expect(response.text.contains("Give a number of days from 1 to 3650"))
            }
            let ban = try #require(try await CommentBanStore.current(now: app.time.now(), on: try app.db()).first)
            try await client.execute(
                uri: AdminURL.commentBanLift(ban.id).path, method: .post, headers: moderator.formHeaders,
                body: formBody([("_csrf", moderator.csrf)])
            ) { _ in }
            app.time.advance(by: 61)
            #expect(try await DiscussionAPITests.post(client, ["name": "Tom", "email": "tom@example.org", "body": "Back."]).0 == .created)
            // Ten days later a seven-day ban has ended by itself.
            try await CommentBanStore.create(
                kind: .email, value: "ann@example.org", reason: "", until: app.time.now().addingTimeInterval(7 * 86_400), by: nil,
                now: app.time.now(), on: try app.db())
            app.time.advance(by: 10 * 86_400)
            #expect(try await DiscussionAPITests.post(client, ["name": "Ann", "email": "ann@example.org", "body": "Later."]).0 == .created)
        }
    }

    @Test("A moderator pins, edits and replies as staff; the reply shows the staff badge in the thread")
    func pinEditReply() async throws {
        try await withApp(fixtures: { try await DiscussionAPITests.newsroom($0) }) { client, app in
            _ = try await DiscussionAPITests.post(client, ["name": "Tom", "email": "tom@example.org", "body": "Frist."])
            _ = try await DiscussionAPITests.post(client, ["name": "Ann", "email": "ann@example.org", "body": "Second thread."])
            let moderator = try await app.staff(.moderator, name: "Mia Moderator")
            try await client.execute(
                uri: "/admin/comments?status=approved", method: .post, headers: moderator.formHeaders,
                body: formBody([("_csrf", moderator.csrf), ("action", "pin"), ("id", "1")])
            ) { _ in }
            try await client.execute(
                uri: AdminURL.comment(.init(1)).path, method: .post, headers: moderator.formHeaders,
                body: formBody([("_csrf", moderator.csrf), ("body", "First.")])
            ) { response in #expect(response.status == .seeOther) }
            try await client.execute(
                uri: AdminURL.commentReply(.init(1)).path, method: .post, headers: moderator.formHeaders,
                body: formBody([("_csrf", moderator.csrf), ("body", "Thanks, **Tom**.")])
            ) { response in
                #expect(response.headers[.location] == "/admin/comment/1?done=replied")
            }
            let page = try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }
            // Pinned first although older, with its badge; the edit is marked; the reply carries the staff badge.
            #expect(page.range(of: "id=\"comment-1\"")!.lowerBound < page.range(of: "id=\"comment-2\"")!.lowerBound)
            #expect(page.contains("comment__badge--pinned"))
            #expect(page.contains("<p>First.</p>") && page.contains("comment__edited"))
            #expect(
                page.contains(
                    "<span class=\"comment__author\">Mia Moderator</span><span class=\"comment__badge comment__badge--staff\">Staff</span>")
            )
            #expect(page.contains("<p>Thanks, <strong>Tom</strong>.</p>"))
            // A contributor may not.
            let contributor = try await app.staff(.contributor)
            try await client.execute(
                uri: AdminURL.commentReply(.init(1)).path, method: .post, headers: contributor.formHeaders,
                body: formBody([("_csrf", contributor.csrf), ("body", "Me too")])
            ) { response in #expect(response.status == .forbidden) }
        }
    }
}
