import App
import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing

/// Throttling slows guessing down without giving a stranger a way to lock staff out.
@Suite("Sign-in throttling")
struct SignInThrottleTests {
    struct Browser {
        var network: String
        var device: String?
    }

    /// Signs in from `browser`, through the real form; returns the response.
    func attempt(_ client: any TestClientProtocol, _ email: String, _ password: String, from browser: Browser) async throws -> TestResponse
    {
        let page = try await client.execute(uri: "/admin/sign-in", method: .get) { response in
            (
                cookie: String((response.headers[.setCookie] ?? "").split(separator: ";").first ?? ""),
                token: inputValue("_csrf", in: response.text) ?? ""
            )
        }
        var headers = formHeaders
        headers[.cookie] = [page.cookie, browser.device.map { "gazette_device=\($0)" }].compactMap { $0 }.joined(separator: "; ")
        headers[HTTPField.Name("X-Forwarded-For")!] = browser.network
        return try await client.execute(
            uri: "/admin/sign-in", method: .post, headers: headers,
            body: formBody([("_csrf", page.token), ("email", email), ("password", password)]))
    }

    func deviceCookie(_ response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix("gazette_device=") }
            .map { String($0.dropFirst("gazette_device=".count).prefix { $0 != ";" }) }
    }

    func withThrottledApp(_ body: @Sendable (any TestClientProtocol, TestApp) async throws -> Void) async throws {
        let app = try await TestApp.make { $0.trustProxy = true }
        try await app.run { client in try await body(client, app) }
    }

    @Test("A guessing stranger slows only strangers; the holder's own browser and network still get in, and the holder is told")
    func noLockOut() async throws {
        try await withThrottledApp { client, app in
            let holder = try await app.staff(.editor, name: "Eda Holder", email: "eda@example.org")
            let home = Browser(network: "192.168.1.5", device: nil)
            let first = try await attempt(client, "eda@example.org", holder.password, from: home)
            #expect(first.status == .seeOther)
            let device = try #require(deviceCookie(first))
            // Five guesses from each of four networks: twenty failures put the account under attack.
            for network in 1...4 {
                for _ in 0..<5 {
                    let guess = try await attempt(
                        client, "eda@example.org", "guess \(network)", from: Browser(network: "10.0.\(network).9"))
                    #expect(guess.status == .unauthorized)
                }
                let more = try await attempt(client, "eda@example.org", "guess again", from: Browser(network: "10.0.\(network).9"))
                #expect(more.status == .tooManyRequests)
                #expect(more.headers[.retryAfter].flatMap(Int.init) ?? 0 > 0)
            }
            // Now even a first guess from a fifth network waits.
            #expect(try await attempt(client, "eda@example.org", "guess 5", from: Browser(network: "10.0.5.9")).status == .tooManyRequests)
            // The attacker's own network waits, even with the right password.
            #expect(
                try await attempt(client, "eda@example.org", holder.password, from: Browser(network: "10.0.1.9")).status == .tooManyRequests
            )
            // A stranger on a new network waits too: the account is under attack.
            #expect(
                try await attempt(client, "eda@example.org", holder.password, from: Browser(network: "172.16.9.9")).status
                    == .tooManyRequests)
            // The holder gets in from the network they used before, and with their browser from anywhere.
            #expect(
                try await attempt(client, "eda@example.org", holder.password, from: Browser(network: "192.168.1.77")).status == .seeOther)
            #expect(
                try await attempt(client, "eda@example.org", holder.password, from: Browser(network: "10.0.1.9", device: device)).status
                    == .seeOther)
            let alerts = try await app.mailFiles().filter { $0.contains("Failed sign-ins to your") }
            #expect(alerts.count == 1)
            #expect(alerts.first?.contains("eda@example.org") == true)
            #expect(alerts.first?.contains("There were 20 failed attempts") == true)
        }
    }

    @Test("Failures from one network slow unknown browsers there, never a colleague who signed in from it before")
    func noisyNetwork() async throws {
        try await withThrottledApp { client, app in
            let colleague = try await app.staff(.author, email: "col@example.org")
            let newcomer = try await app.staff(.author, email: "new@example.org")
            let office = Browser(network: "10.20.30.40")
            #expect(try await attempt(client, "col@example.org", colleague.password, from: office).status == .seeOther)
            for index in 0..<SignInPolicy.networkAlarm {
                #expect(
                    try await attempt(client, "nobody\(index)@example.org", "guess", from: Browser(network: "10.20.30.99")).status
                        == .unauthorized)
            }
            #expect(try await attempt(client, "col@example.org", colleague.password, from: office).status == .seeOther)
            #expect(try await attempt(client, "new@example.org", newcomer.password, from: office).status == .tooManyRequests)
            app.time.advance(by: SignInPolicy.unknownDeviceDelay + 1)
            #expect(try await attempt(client, "new@example.org", newcomer.password, from: office).status == .seeOther)
        }
    }
}
