import Domain
import Foundation
import HTTPTypes
import HummingbirdOTP
import HummingbirdTesting
import Persistence
import TestSupport
import Testing

@Suite("Two-step verification")
struct TwoFactorTests {
    @Test("Turning it on needs a valid code; afterwards signing in asks for one, and recovery codes work once")
    func enrolAndSignIn() async throws {
        try await withApp { client, app in
            let login = try await app.staff(.editor, email: "ed@example.org")
            // Start enrolment: a key is shown.
            let key = try await client.execute(
                uri: "/admin/account/two-factor", method: .post, headers: login.formHeaders, body: formBody([("_csrf", login.csrf)])
            ) { response in
                #expect(response.status == .ok)
                return response.text.contains("<code class=\"key\">")
            }
            #expect(key)
            let secret = try #require(try await StaffStore.account(login.member.id, on: try app.db())?.totpSecret)
            // A wrong code is refused; the right one turns it on and shows ten recovery codes.
            try await client.execute(
                uri: "/admin/account/two-factor/confirm", method: .post, headers: login.formHeaders,
                body: formBody([("_csrf", login.csrf), ("code", "000000")])
            ) { response in
                #expect(response.status == .unprocessableContent)
            }
            let code = String(format: "%06d", TOTP(secret: secret).compute(date: app.time.now()))
            let recovery = try await client.execute(
                uri: "/admin/account/two-factor/confirm", method: .post, headers: login.formHeaders,
                body: formBody([("_csrf", login.csrf), ("code", code)])
            ) { response in
                #expect(response.text.contains("Your recovery codes"))
                return response.text.components(separatedBy: "<li><code>").dropFirst().map { String($0.prefix(9)) }
            }
            #expect(recovery.count == 10)

            // Signing in now stops half way.
            let form = try await client.execute(uri: "/admin/sign-in", method: .get) { response in
                (
                    String(response.headers[.setCookie]?.split(separator: ";").first ?? ""),
                    inputValue("_csrf", in: response.text) ?? ""
                )
            }
            var headers = formHeaders
            headers[.cookie] = form.0
            let pending = try await client.execute(
                uri: "/admin/sign-in", method: .post, headers: headers,
                body: formBody([("_csrf", form.1), ("email", "ed@example.org"), ("password", login.password)])
            ) { response in
                #expect(response.headers[.location]?.hasPrefix("/admin/sign-in/verify") == true)
                return String(
                    response.headers[values: .setCookie].first { $0.hasPrefix("gazette_session=") }?.split(separator: ";").first ?? "")
            }
            // Half-signed-in sessions reach nothing else.
            #expect(
                try await client.execute(uri: "/admin", method: .get, headers: [.cookie: pending]) { $0.headers[.location] }
                    == "/admin/sign-in/verify")
            let pendingCSRF = try #require(
                try await SessionStore.find(
                    token: String(pending.dropFirst("gazette_session=".count)), now: app.time.now(), idleLimit: 3600, on: try app.db())?
                    .csrfToken)
            var verifyHeaders = formHeaders
            verifyHeaders[.cookie] = pending
            let verified = try await client.execute(
                uri: "/admin/sign-in/verify", method: .post, headers: verifyHeaders,
                body: formBody([("_csrf", pendingCSRF), ("code", recovery[0])])
            ) { response in
                #expect(response.status == .seeOther)
                return String(
                    response.headers[values: .setCookie].first { $0.hasPrefix("gazette_session=") }?.split(separator: ";").first ?? "")
            }
            #expect(verified != pending)
            #expect(try await client.execute(uri: "/admin", method: .get, headers: [.cookie: verified]) { $0.status } == .ok)
            // The recovery code is used up.
            #expect(
                try await StaffStore.useRecoveryCode(login.member.id, code: recovery[0], now: app.time.now(), on: try app.db()) == false)
            #expect(try await StaffStore.unusedRecoveryCodes(login.member.id, on: try app.db()) == 9)
        }
    }
}
