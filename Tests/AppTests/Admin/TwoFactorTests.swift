import Domain
import Foundation
import HTTPTypes
import HummingbirdOTP
import HummingbirdTesting
import Persistence
import Routes
import TestSupport
import Testing

@Suite("Two-step verification")
struct TwoFactorTests {
    @Test("Turning it on needs a valid code, and shows ten recovery codes")
    func enrol() async throws {
        try await withApp { client, app in
            let login = try await app.staff(.editor, email: "ed@example.org")
            let (_, recovery) = try await Self.enrol(login, client, app)
            #expect(recovery.count == 10)
            #expect(Set(recovery).count == 10)
            #expect(try await StaffStore.account(login.member.id, on: try app.db())?.member.twoFactorEnabled == true)
            #expect(try await StaffStore.unusedRecoveryCodes(login.member.id, on: try app.db()) == 10)
        }
    }

    @Test("With it on, signing in stops half way, the half-signed-in session reaches nothing, and the authenticator's code finishes")
    func signInWithCode() async throws {
        try await withApp { client, app in
            let login = try await app.staff(.editor, email: "ed@example.org")
            let (secret, _) = try await Self.enrol(login, client, app)
            let pending = try await Self.signInHalfWay(login, client)
            #expect(
                try await client.execute(uri: AdminURL.dashboard.path, method: .get, headers: [.cookie: pending.cookie]) {
                    $0.headers[.location]
                } == AdminURL.signInVerify().path)
            #expect(try await Self.verify(pending, code: "000000", client).status == .unauthorized)
            app.time.advance(by: 30)
            let code = String(format: "%06d", TOTP(secret: secret).compute(date: app.time.now()))
            let verified = try await Self.verify(pending, code: code, client)
            #expect(verified.status == .seeOther)
            #expect(verified.cookie != pending.cookie, "the session is renewed once fully signed in")
            #expect(
                try await client.execute(uri: AdminURL.dashboard.path, method: .get, headers: [.cookie: verified.cookie]) { $0.status }
                    == .ok)
        }
    }

    @Test("A recovery code signs in once, and only once")
    func recoveryCodeOnce() async throws {
        try await withApp { client, app in
            let login = try await app.staff(.editor, email: "ed@example.org")
            let (_, recovery) = try await Self.enrol(login, client, app)
            let first = try await Self.verify(try await Self.signInHalfWay(login, client), code: recovery[0], client)
            #expect(first.status == .seeOther)
            #expect(
                try await client.execute(uri: AdminURL.dashboard.path, method: .get, headers: [.cookie: first.cookie]) { $0.status } == .ok)
            #expect(try await StaffStore.unusedRecoveryCodes(login.member.id, on: try app.db()) == 9)
            let again = try await Self.verify(try await Self.signInHalfWay(login, client), code: recovery[0], client)
            #expect(again.status == .unauthorized)
        }
    }

    /// Turns two-step verification on through the account pages; the secret and the recovery codes.
    static func enrol(_ login: StaffLogin, _ client: some TestClientProtocol, _ app: TestApp) async throws -> (String, [String]) {
        let key = try await client.execute(
            uri: AdminURL.accountTwoFactor.path, method: .post, headers: login.formHeaders,
            body: formBody([(AntiForgeryField.token.name, login.csrf)])
        ) { response in
            #expect(response.status == .ok)
            return response.text.contains("<code class=\"key\">")
        }
        #expect(key)
        let secret = try #require(try await StaffStore.account(login.member.id, on: try app.db())?.totpSecret)
        try await client.execute(
            uri: AdminURL.accountTwoFactorConfirm.path, method: .post, headers: login.formHeaders,
            body: formBody([(AntiForgeryField.token.name, login.csrf), (SecondFactorForm.Field.code.name, "000000")])
        ) { response in
            #expect(response.status == .unprocessableContent)
        }
        #expect(try await StaffStore.account(login.member.id, on: try app.db())?.member.twoFactorEnabled == false)
        let code = String(format: "%06d", TOTP(secret: secret).compute(date: app.time.now()))
        let recovery = try await client.execute(
            uri: AdminURL.accountTwoFactorConfirm.path, method: .post, headers: login.formHeaders,
            body: formBody([(AntiForgeryField.token.name, login.csrf), (SecondFactorForm.Field.code.name, code)])
        ) { response in
            #expect(response.text.contains("Your recovery codes"))
            return response.text.components(separatedBy: "<li><code>").dropFirst().map { String($0.prefix(9)) }
        }
        return (secret, recovery)
    }

    struct Pending {
        let cookie: String
        let csrf: String
    }

    /// Signs in with the password: a session that still owes the second factor.
    static func signInHalfWay(_ login: StaffLogin, _ client: some TestClientProtocol) async throws -> Pending {
        let form = try await client.execute(uri: AdminURL.signIn().path, method: .get) { response in
            (
                String(response.headers[.setCookie]?.split(separator: ";").first ?? ""),
                inputValue(AntiForgeryField.token.name, in: response.text) ?? ""
            )
        }
        var headers = formHeaders
        headers[.cookie] = form.0
        let cookie = try await client.execute(
            uri: AdminURL.signIn().path, method: .post, headers: headers,
            body: formBody([
                (AntiForgeryField.token.name, form.1), (SignInForm.Field.email.name, login.member.email),
                (SignInForm.Field.password.name, login.password),
            ])
        ) { response in
            #expect(response.headers[.location]?.hasPrefix(AdminURL.signInVerify().path) == true)
            return session(response)
        }
        let page = try await client.execute(uri: AdminURL.signInVerify().path, method: .get, headers: [.cookie: cookie]) { $0.text }
        return Pending(cookie: cookie, csrf: try #require(inputValue(AntiForgeryField.token.name, in: page)))
    }

    /// Sends a code on the second step; the status and the session cookie the answer sets.
    static func verify(_ pending: Pending, code: String, _ client: some TestClientProtocol) async throws -> (
        status: HTTPResponse.Status, cookie: String
    ) {
        var headers = formHeaders
        headers[.cookie] = pending.cookie
        return try await client.execute(
            uri: AdminURL.signInVerify().path, method: .post, headers: headers,
            body: formBody([(AntiForgeryField.token.name, pending.csrf), (SecondFactorForm.Field.code.name, code)])
        ) { ($0.status, session($0)) }
    }

    static func session(_ response: TestResponse) -> String {
        String(response.headers[values: .setCookie].first { $0.hasPrefix("gazette_session=") }?.split(separator: ";").first ?? "")
    }
}
