import Foundation

/// A mailbox: an address with an optional display name.
public struct Mailbox: Equatable, Sendable, Codable {
    public var name: String
    public var address: String

    public init(name: String = "", address: String) {
        self.name = name
        self.address = address
    }
}

/// One email to one recipient, as the rest of the app describes it: plain text and HTML of the
/// same content, plus the few headers features need (list headers for newsletters).
public struct MailMessage: Equatable, Sendable, Codable {
    public var id: String
    public var from: Mailbox
    public var to: Mailbox
    public var replyTo: Mailbox?
    public var subject: String
    public var text: String
    public var html: String
    /// Extra headers, e.g. `List-Id`, `List-Unsubscribe`, `List-Unsubscribe-Post`.
    public var headers: [String: String]
    public var date: Date

    public init(
        id: String, from: Mailbox, to: Mailbox, replyTo: Mailbox? = nil, subject: String, text: String, html: String,
        headers: [String: String] = [:], date: Date
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.text = text
        self.html = html
        self.headers = headers
        self.date = date
    }
}

/// Somewhere mail can be handed to: an SMTP server, or a folder in development.
public protocol MailTransport: Sendable {
    /// How many batches may be sent side by side (SMTP connections).
    var concurrency: Int { get }

    /// Delivers the messages in order (one connection for the batch where the transport has
    /// connections), reporting each outcome as soon as it is known: nil on success, or the
    /// failure. Every message is reported exactly once.
    func send(_ messages: [MailMessage], report: (_ id: String, _ outcome: MailDeliveryError?) async -> Void) async
}

extension MailTransport {
    public var concurrency: Int { 1 }

    /// Delivers the messages and returns every outcome, by message id.
    public func send(_ messages: [MailMessage]) async -> [String: MailDeliveryError?] {
        var results: [String: MailDeliveryError?] = [:]
        await send(messages) { id, outcome in results[id] = .some(outcome) }
        return results
    }
}

/// Why a message was not delivered.
public enum MailDeliveryError: Error, Equatable, Sendable {
    /// Worth retrying later: 4xx replies, timeouts, refused connections.
    case transient(String)
    /// Will never succeed as is: 5xx replies (unknown mailbox, rejected content).
    case permanent(String)
}
