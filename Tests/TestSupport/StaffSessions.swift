import App
import Domain
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdBcrypt
import Persistence

/// A signed-in staff member as a test client sends them: the cookie and the anti-forgery token.
public struct StaffLogin: Sendable {
    public let member: StaffMember
    public let password: String
    public let cookie: String
    public let csrf: String

    /// Headers for a GET.
    public var headers: HTTPFields { [.cookie: cookie] }

    /// Headers for a form POST.
    public var formHeaders: HTTPFields {
        [.cookie: cookie, .contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-CSRF-Token")!: csrf]
    }
}

extension TestApp {
    /// Creates an account with `role` and a session for it, as signing in would.
    public func staff(_ role: Role, name: String? = nil, email: String? = nil) async throws -> StaffLogin {
        let db = try db()
        let name = name ?? "\(role.label) Person"
        let email = email ?? "\(role.rawValue)-\(UUID().uuidString.prefix(6).lowercased())@example.org"
        let password = "correct horse battery"
        let member = try await StaffStore.create(
            email: email, name: name, role: role, passwordHash: Bcrypt.hash(password, cost: 4), now: time.now(), on: db)
        return try await login(member, password: password)
    }

    /// A fresh session for an existing account.
    public func login(_ member: StaffMember, password: String) async throws -> StaffLogin {
        let db = try db()
        let token = try await SessionStore.create(
            for: member.id, secondFactorPending: false, userAgent: "test", now: time.now(), lifetime: 86_400 * 30, random: services.random,
            on: db)
        guard let session = try await SessionStore.find(token: token, now: time.now(), idleLimit: 86_400, on: db) else {
            throw PersistenceError.missingRow("session")
        }
        return StaffLogin(member: member, password: password, cookie: "gazette_session=\(token)", csrf: session.csrfToken)
    }

    /// The .eml files written to the development mail folder, oldest first.
    /// Delivers the outbox first, as the background worker would.
    public func mailFiles() async throws -> [String] {
        await deliverMail()
        let folder = services.config.mailFolder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return try names.sorted().map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
    }
}

/// The first link in a message body that starts with `prefix`.
public func link(in text: String, startingWith prefix: String) -> String? {
    guard let start = text.range(of: prefix) else { return nil }
    let rest = text[start.lowerBound...]
    let end = rest.firstIndex(where: { $0.isWhitespace || "<>\",".contains($0) }) ?? rest.endIndex
    return String(rest[..<end])
}

/// The text of a quoted-printable body, decoded (soft line breaks joined, =XX bytes restored).
public func decodeQuotedPrintable(_ text: String) -> String {
    let joined = text.replacingOccurrences(of: "=\r\n", with: "")
    var bytes: [UInt8] = []
    var index = joined.utf8.startIndex
    let utf8 = joined.utf8
    while index < utf8.endIndex {
        let byte = utf8[index]
        if byte == UInt8(ascii: "="), let end = utf8.index(index, offsetBy: 3, limitedBy: utf8.endIndex),
            let value = UInt8(String(decoding: utf8[utf8.index(after: index)..<end], as: UTF8.self), radix: 16)
        {
            bytes.append(value)
            index = end
        } else {
            bytes.append(byte)
            index = utf8.index(after: index)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// The value attribute of the first input named `name` in an HTML page.
public func inputValue(_ name: String, in html: String) -> String? {
    guard let start = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
    let rest = html[start.upperBound...]
    return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
}
