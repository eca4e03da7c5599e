import Domain
import FluentKit
import Foundation
import Hummingbird
import Persistence
import Routes

/// The failure counters behind `SignInPolicy`: per account and network pair, per account and
/// per network, plus the second factor's own; and the mail that tells an account's holder that
/// someone is guessing.
enum SignInThrottling {
    /// The counters one password attempt touches.
    struct Keys {
        let email: String
        /// The reader's network, hashed (never the address itself).
        let network: String
        var account: String { "account:" + email }
        var pair: String { "pair:\(email)|\(network)" }
        var networkKey: String { "network:" + network }
    }

    static func network(_ request: Request, _ context: AppRequestContext, _ app: AppServices) -> String {
        VisitorFingerprint.network(of: app.clientAddress(request, context))
    }

    /// When the attempt may be made, if not now.
    static func waitUntil(_ keys: Keys, account: StaffStore.Account?, request: Request, now: Date, on db: any Database) async throws
        -> Date?
    {
        var origin = SignInPolicy.Origin(knownDevice: false, knownNetwork: false)
        if let account {
            origin = try await StaffDeviceStore.origin(
                of: account.member.id, deviceToken: request.cookies[StaffCookies.device]?.value, network: keys.network, on: db)
        }
        let since = now.addingTimeInterval(-SignInPolicy.window)
        return SignInPolicy.waitUntil(
            pair: try await SignInFailureStore.failures(keys.pair, since: since, on: db),
            account: try await SignInFailureStore.failures(keys.account, since: since, on: db),
            network: try await SignInFailureStore.failures(keys.networkKey, since: since, on: db), origin: origin, now: now)
    }

    /// Counts a wrong password; tells the holder, once, when the account's failures reach the alarm.
    static func recordFailure(_ keys: Keys, account member: StaffMember?, now: Date, app: AppServices) async throws {
        let db = try app.db()
        try await SignInFailureStore.recordFailure(keys: [keys.pair, keys.account, keys.networkKey], at: now, on: db)
        guard let member,
            try await SignInFailureStore.failures(keys.account, since: now.addingTimeInterval(-SignInPolicy.window), on: db).count
                == SignInPolicy.accountAlarm
        else { return }
        try await app.mailer.enqueue(
            TransactionalMail(
                to: member.email, name: member.name,
                .signInAlert(
                    failures: SignInPolicy.accountAlarm, minutes: Int(SignInPolicy.window / 60),
                    resetLink: AdminURL.passwordForgot.absolute(siteURL: app.config.siteURL))),
            now: now, on: db)
        app.mailer.wake()
    }

    /// The right password: this account's counters start again.
    static func recordSuccess(_ keys: Keys, on db: any Database) async throws {
        try await SignInFailureStore.clear(keys.pair, on: db)
        try await SignInFailureStore.clear(keys.account, on: db)
    }

    static func secondFactorKey(_ user: StaffMember.ID, network: String) -> String {
        "second-factor:\(user)|" + network
    }

    /// Whoever reaches the second step has the password; six digits are guessable, so no device
    /// skips this wait.
    static func secondFactorWait(_ key: String, now: Date, on db: any Database) async throws -> Date? {
        let failures = try await SignInFailureStore.failures(key, since: now.addingTimeInterval(-SignInPolicy.window), on: db)
        return SignInPolicy.waitUntil(
            pair: failures, account: .none, network: .none, origin: .init(knownDevice: false, knownNetwork: true), now: now)
    }

    /// "3 minutes", "a minute".
    static func minutes(until: Date, now: Date) -> String {
        let count = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
        return count == 1 ? "a minute" : "\(count) minutes"
    }
}
