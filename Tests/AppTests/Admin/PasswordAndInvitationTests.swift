import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import Routes
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

    @Test("The last owner cannot be demoted; with a second owner, demotion works")
    func lastOwnerDemotion() async throws {
        try await withApp { client, app in
            let owner = try await app.staff(.owner)
            let refused = try await changeRole(client, owner, of: owner.member.id, to: .editor)
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("at least one owner"))
            #expect(try await StaffStore.account(owner.member.id, on: try app.db())?.member.role == .owner)

            let second = try await app.staff(.owner, name: "Second Owner")
            #expect(try await changeRole(client, owner, of: second.member.id, to: .editor).status == .seeOther)
            #expect(try await StaffStore.account(second.member.id, on: try app.db())?.member.role == .editor)
        }
    }

    @Test("An owner deactivates another owner, but the site keeps an active owner even when two try it on each other at once")
    func lastOwnerDeactivation() async throws {
        try await withApp { client, app in
            let first = try await app.staff(.owner, name: "First Owner")
            let second = try await app.staff(.owner, name: "Second Owner")
            #expect(try await deactivate(client, by: first, second.member.id) == .seeOther)
            #expect(try await StaffStore.account(second.member.id, on: try app.db())?.active == false)
            // An inactive owner may be deactivated again or reactivated; neither counts against the rule.
            #expect(try await deactivate(client, by: first, second.member.id) == .seeOther)
            try await client.execute(
                uri: AdminURL.staffReactivate(second.member.id).path, method: .post, headers: first.formHeaders,
                body: formBody([(AntiForgeryField.token.name, first.csrf)])
            ) { #expect($0.status == .seeOther) }

            // Both sign in again (deactivation ended the second's sessions) and race. A request
            // that arrives after the other owner deactivated its account is sent to sign in.
            let again = try await app.login(second.member, password: second.password)
            async let one = deactivation(client, by: first, second.member.id)
            async let two = deactivation(client, by: again, first.member.id)
            let outcomes = try await [one, two]
            let db = try app.db()
            let active = [try await StaffStore.account(first.member.id, on: db), try await StaffStore.account(second.member.id, on: db)]
                .compactMap { $0 }.filter(\.active)
            #expect(active.count >= 1, "no active owner left: \(outcomes)")
            let signIn = AdminURL.signIn().path
            let done = outcomes.filter { $0.status == .seeOther && !($0.location ?? "").hasPrefix(signIn) }
            #expect(done.count == 2 - active.count, "\(outcomes)")
        }
    }

    func changeRole(
        _ client: some TestClientProtocol, _ by: StaffLogin, of id: StaffMember.ID, to role: Role
    ) async throws -> (status: HTTPResponse.Status, text: String) {
        try await client.execute(
            uri: AdminURL.staffRole(id).path, method: .post, headers: by.formHeaders,
            body: formBody([(AntiForgeryField.token.name, by.csrf), (RoleForm.Field.role.name, role.rawValue)])
        ) { ($0.status, $0.text) }
    }

    func deactivate(_ client: some TestClientProtocol, by: StaffLogin, _ id: StaffMember.ID) async throws -> HTTPResponse.Status {
        try await deactivation(client, by: by, id).status
    }

    /// The answer to a deactivation: its status and where it sends the browser.
    func deactivation(
        _ client: some TestClientProtocol, by: StaffLogin, _ id: StaffMember.ID
    ) async throws -> (status: HTTPResponse.Status, location: String?) {
        try await client.execute(
            uri: AdminURL.staffDeactivate(id).path, method: .post, headers: by.formHeaders,
            body: formBody([(AntiForgeryField.token.name, by.csrf)])
        ) { ($0.status, $0.headers[.location]) }
    }
}
