import Foundation

/// A reader on the mailing list.
public struct Subscriber: Equatable, Sendable, Identifiable {
    public typealias ID = EntityID<Subscriber>

    public enum Status: String, Sendable, CaseIterable, Codable {
        /// Signed up, has not confirmed yet (double opt-in): gets no newsletter.
        case pending
        case confirmed
        /// Left every newsletter.
        case unsubscribed

        public var label: String {
            switch self {
            case .pending: "Awaiting confirmation"
            case .confirmed: "Subscribed"
            case .unsubscribed: "Unsubscribed"
            }
        }
    }

    public var id: ID
    public var email: String
    public var name: String
    public var status: Status
    public var createdAt: Date
    public var confirmedAt: Date?
    /// Where consent came from ("Signup form on the home page", "Import: …").
    public var consentSource: String
    public var unsubscribedAt: Date?
    /// No newsletter until then.
    public var pausedUntil: Date?
    public var newsletterIDs: [Newsletter.ID]
    /// On the suppression list (a mail server refused the address for good).
    public var isSuppressed: Bool

    public init(
        id: ID, email: String, name: String, status: Status, createdAt: Date, confirmedAt: Date? = nil, consentSource: String,
        unsubscribedAt: Date? = nil, pausedUntil: Date? = nil, newsletterIDs: [Newsletter.ID] = [], isSuppressed: Bool = false
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.status = status
        self.createdAt = createdAt
        self.confirmedAt = confirmedAt
        self.consentSource = consentSource
        self.unsubscribedAt = unsubscribedAt
        self.pausedUntil = pausedUntil
        self.newsletterIDs = newsletterIDs
        self.isSuppressed = isSuppressed
    }

    public func isPaused(at now: Date) -> Bool {
        pausedUntil.map { $0 > now } ?? false
    }
}

/// How long a reader may pause their newsletters.
public enum PausePeriod: String, CaseIterable, Sendable {
    case twoWeeks = "2w"
    case oneMonth = "1m"
    case threeMonths = "3m"

    public var label: String {
        switch self {
        case .twoWeeks: "Two weeks"
        case .oneMonth: "A month"
        case .threeMonths: "Three months"
        }
    }

    public var duration: TimeInterval {
        switch self {
        case .twoWeeks: 14 * 86_400
        case .oneMonth: 30 * 86_400
        case .threeMonths: 91 * 86_400
        }
    }
}
