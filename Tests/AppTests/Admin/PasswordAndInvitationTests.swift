import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing

@testable import App

@Suite("Password resets and invitations")
struct PasswordAndInvitationTests {
    func openForm(_ client: any TestClientProtocol, _ uri: String) async throws -> (
        cookie: String, token: String, status: HTTPResponse.Status
    ) {
        try await client.execute(uri: uri, method: .get) { response in
            (
                String(response.headers[.setCookie]?.split(separator: ";").first ?? ""),
                inputValue("_csrf", in: response.text) ?? "", response.status
            )
        }
    }

    func post(
        _ client: any TestClientProtocol, _ uri: String, _ form: (cookie: String, token: String, status: HTTPResponse.Status),
        _ fields: [(String, String)]
    ) async throws -> TestResponse {
        var headers = formHeaders
        headers[.cookie] = form.cookie
        return try await client.execute(uri: uri, method: .post, headers: headers, body: formBody([("_csrf", form.token)] + fields))
    }

    @Test("A reset link arrives by mail, works once, and ends every other session")
    func reset() async throws {
        try await withApp { client, app in
            let login = try await app.staff(.author, email: "au@example.org")
            let forgot = try await openForm(client, "/admin/password/forgot")
            let answer = try await post(client, "/admin/password/forgot", forgot, [("email", "au@example.org")])
            #expect(answer.text.contains("If an account uses that address"))
            // Unknown addresses get the same answer and no mail.
            let unknown = try await post(client, "/admin/password/forgot", forgot, [("email", "nobody@example.org")])
            #expect(unknown.text.contains("If an account uses that address"))
            let mails = try await app.mailFiles()
            #expect(mails.count == 1)
            let mail = decodeQuotedPrintable(try #require(mails.first))
            #expect(mail.contains("To: \"Author Person\" <au@example.org>"))
            let url = try #require(link(in: mail, startingWith: "https://news.example.org/admin/password/reset/"))
            let path = String(url.dropFirst("https://news.example.org".count))

            let form = try await openForm(client, path)
            #expect(form.status == .ok)
            let short = try await post(client, path, form, [("password", "short"), ("confirmation", "short")])
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("Use at least 10 characters."))
            let done = try await post(client, path, form, [("password", "a brand new secret"), ("confirmation", "a brand new secret")])
            #expect(done.status == .seeOther)
            // The old session is gone; the link is used up.
            #expect(try await client.execute(uri: "/admin", method: .get, headers: login.headers) { $0.status } == .seeOther)
            #expect(try await openForm(client, path).status == .notFound)
            let account = try #require(try await StaffStore.account(email: "au@example.org", on: try app.db()))
            #expect(try await app.services.passwords.verify("a brand new secret", hash: account.passwordHash))
        }
    }

    @Test("A new reset link revokes the ones sent before it")
    func newerLinkRevokesOlder() async throws {
        try await withApp { client, app in
            _ = try await app.staff(.author, email: "au@example.org")
            let forgot = try await openForm(client, "/admin/password/forgot")
            _ = try await post(client, "/admin/password/forgot", forgot, [("email", "au@example.org")])
            _ = try await post(client, "/admin/password/forgot", forgot, [("email", "au@example.org")])
            let paths = try await app.mailFiles().map { mail in
                try #require(link(in: decodeQuotedPrintable(mail), startingWith: "https://news.example.org/admin/password/reset/"))
                    .dropFirst("https://news.example.org".count)
            }
            #expect(paths.count == 2)
            #expect(try await openForm(client, String(paths[0])).status == .notFound)
            let newer = try await openForm(client, String(paths[1]))
            #expect(newer.status == .ok)
            let done = try await post(
                client, String(paths[1]), newer, [("password", "a brand new secret"), ("confirmation", "a brand new secret")])
            #expect(done.status == .seeOther)
        }
    }

    @Test("An invitation creates an account with the chosen role and a byline")
    func invitation() async throws {
        try await withApp { client, app in
            let owner = try await app.staff(.owner, name: "Olive Owner")
            try await client.execute(
                uri: "/admin/staff/invitations", method: .post, headers: owner.formHeaders,
                body: formBody([("_csrf", owner.csrf), ("name", "Nina New"), ("email", "Nina@Example.org"), ("role", "contributor")])
            ) { #expect($0.headers[.location] == "/admin/staff?done=invited") }
            let mail = decodeQuotedPrintable(try #require(try await app.mailFiles().first))
            #expect(mail.contains("Olive Owner has invited you to join"))
            let path = String(
                try #require(link(in: mail, startingWith: "https://news.example.org/admin/invitations/")).dropFirst(
                    "https://news.example.org".count))
            let form = try await openForm(client, path)
            let accepted = try await post(
                client, path, form, [("name", "Nina Newsome"), ("password", "ink and paper 42"), ("confirmation", "ink and paper 42")])
            #expect(accepted.headers[.location] == "/admin")
            let account = try #require(try await StaffStore.account(email: "nina@example.org", on: try app.db()))
            #expect(account.member.role == .contributor)
            #expect(try await AuthorStore.find(slug: "nina-newsome", on: try app.db())?.name == "Nina Newsome")
            #expect(try await openForm(client, path).status == .notFound)
        }
    }

    @Test("The last owner cannot be demoted or deactivated")
    func lastOwner() async throws {
        try await withApp { client, app in
            let owner = try await app.staff(.owner)
            try await client.execute(
                uri: "/admin/staff/\(owner.member.id)/role", method: .post, headers: owner.formHeaders,
                body: formBody([("_csrf", owner.csrf), ("role", "editor")])
            ) { response in
                #expect(response.status == .conflict)
                #expect(response.text.contains("at least one owner"))
            }
        }
    }
}
