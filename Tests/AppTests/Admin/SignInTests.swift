import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import Routes
import TestSupport
import Testing

@Suite("Signing in")
struct SignInTests {
    /// Opens the sign-in page and returns the double-submit cookie and token.
    func signInForm(_ client: any TestClientProtocol) async throws -> (cookie: String, token: String) {
        try await client.execute(uri: "/admin/sign-in", method: .get) { response in
            let setCookie = response.headers[.setCookie] ?? ""
            let cookie = String(setCookie.split(separator: ";").first ?? "")
            let token = inputValue("_csrf", in: response.text) ?? ""
            return (cookie, token)
        }
    }

    func post(_ client: any TestClientProtocol, email: String, password: String, form: (cookie: String, token: String)) async throws
        -> TestResponse
    {
        var headers = formHeaders
        headers[.cookie] = form.cookie
        return try await client.execute(
            uri: "/admin/sign-in", method: .post, headers: headers,
            body: formBody([("_csrf", form.token), ("email", email), ("password", password), ("next", "/admin/articles")]))
    }

    @Test("The right password starts a fresh session in a safe cookie; the wrong one says so")
    func signIn() async throws {
        try await withApp { client, app in
            let login = try await app.staff(.editor, email: "ed@example.org")
            let form = try await signInForm(client)
            #expect(form.cookie.hasPrefix("gazette_signin="))
            let wrong = try await post(client, email: "ed@example.org", password: "wrong password!", form: form)
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("That email and password do not match an active account."))
            #expect(wrong.text.contains("value=\"ed@example.org\""))

            let right = try await post(client, email: "ED@example.org ", password: login.password, form: form)
            #expect(right.status == .seeOther)
            #expect(right.headers[.location] == "/admin/articles")
            let cookie = right.headers[values: .setCookie].first { $0.hasPrefix("gazette_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/admin"))
            #expect(cookie.contains("Secure"))  // the test site is on https
            let session = String(cookie.split(separator: ";")[0])
            #expect(try await client.execute(uri: "/admin", method: .get, headers: [.cookie: session]) { $0.status } == .ok)
        }
    }

    @Test("A form without the matching token is refused")
    func forgedForm() async throws {
        try await withApp { client, app in
            let login = try await app.staff(.editor, email: "ed@example.org")
            let response = try await post(
                client, email: "ed@example.org", password: login.password, form: (cookie: "gazette_signin=abc", token: "xyz"))
            #expect(response.status == .forbidden)
            #expect(response.text.contains("This form has expired"))
        }
    }

    @Test("After five failures from one network and browser, the next attempt there waits, and the wait ends")
    func rateLimit() async throws {
        try await withApp { client, app in
            let login = try await app.staff(.author, email: "au@example.org")
            let form = try await signInForm(client)
            for _ in 0..<5 { _ = try await post(client, email: "au@example.org", password: "guess number one", form: form) }
            let blocked = try await post(client, email: "au@example.org", password: login.password, form: form)
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("Too many failed attempts"))
            app.time.advance(by: 16 * 60)
            #expect(try await post(client, email: "au@example.org", password: login.password, form: form).status == .seeOther)
        }
    }

    @Test("Sessions end when idle too long, when signed out, and at once when the account is deactivated")
    func sessionLifecycle() async throws {
        try await withApp { client, app in
            let owner = try await app.staff(.owner)
            let writer = try await app.staff(.author)
            #expect(try await client.execute(uri: "/admin", method: .get, headers: writer.headers) { $0.status } == .ok)
            // Deactivation revokes every session of the account.
            try await client.execute(
                uri: "/admin/staff/\(writer.member.id)/deactivate", method: .post, headers: owner.formHeaders,
                body: formBody([("_csrf", owner.csrf)])
            ) { #expect($0.status == .seeOther) }
            #expect(try await client.execute(uri: "/admin", method: .get, headers: writer.headers) { $0.status } == .seeOther)
            // Idle for more than a week.
            app.time.advance(by: 8 * 86_400)
            #expect(
                try await client.execute(uri: "/admin", method: .get, headers: owner.headers) { $0.headers[.location] }
                    == "/admin/sign-in?next=/admin")
            // Signing out ends the session.
            let fresh = try await app.login(owner.member, password: owner.password)
            try await client.execute(
                uri: "/admin/sign-out", method: .post, headers: fresh.formHeaders, body: formBody([("_csrf", fresh.csrf)])
            ) { response in
                #expect(response.headers[.location] == "/admin/sign-in")
            }
            #expect(try await client.execute(uri: "/admin", method: .get, headers: fresh.headers) { $0.status } == .seeOther)
            #expect(try await SessionStore.count(for: owner.member.id, on: try app.db()) == 0)
        }
    }

    @Test(
        "Only back-office addresses are followed after signing in",
        arguments: [
            ("//evil.example/admin", "/admin"), ("/\\evil.example", "/admin"), ("/admin/\\evil.example", "/admin"),
            ("https://evil.example/admin", "/admin"), ("/admin/../search", "/admin"),
            ("/admin/comments?status=spam", "/admin/comments?status=spam"),
        ])
    func noOpenRedirect(_ next: String, _ expected: String) async throws {
        try await withApp { client, app in
            let login = try await app.staff(.editor, email: "ed@example.org")
            let form = try await signInForm(client)
            var headers = formHeaders
            headers[.cookie] = form.cookie
            try await client.execute(
                uri: AdminURL.signIn().path, method: .post, headers: headers,
                body: formBody([
                    (AntiForgeryField.token.name, form.token), (SignInForm.Field.email.name, "ed@example.org"),
                    (SignInForm.Field.password.name, login.password), (SignInForm.Field.next.name, next),
                ])
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == expected)
            }
        }
    }
}
