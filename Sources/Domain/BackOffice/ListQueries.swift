import Foundation

/// What the back office's lists are asked for: filters and a page. They are part of the list's
/// address (`AdminURL`), read back from it, and handed to storage as they are.

/// The article list: by status, section, author and words in the title.
public struct ArticleListQuery: Hashable, Sendable {
    public var status: ArticleStatus?
    public var section: Section.ID?
    public var author: Author.ID?
    public var search: String
    public var page: Int

    public init(status: ArticleStatus? = nil, section: Section.ID? = nil, author: Author.ID? = nil, search: String = "", page: Int = 1) {
        self.status = status
        self.section = section
        self.author = author
        self.search = String(search.prefix(100))
        self.page = page
    }
}

/// The image picker's search of the media library (only images with alt text are offered).
public struct MediaPickerQuery: Hashable, Sendable {
    public var search: String
    public var page: Int

    public init(search: String = "", page: Int = 1) {
        self.search = String(search.prefix(100))
        self.page = page
    }
}

/// A moderation queue.
public struct CommentQueueQuery: Hashable, Sendable {
    public var status: CommentQueue
    public var page: Int

    public init(status: CommentQueue = .pending, page: Int = 1) {
        self.status = status
        self.page = page
    }
}

/// The moderators' queues: one per status, and the approved comments readers flagged.
public enum CommentQueue: String, Hashable, Sendable, CaseIterable {
    case pending
    case flagged
    case approved
    case spam
    case trash

    public var label: String {
        switch self {
        case .pending: "Pending"
        case .flagged: "Flagged"
        case .approved: "Approved"
        case .spam: "Spam"
        case .trash: "Trash"
        }
    }
}

/// Newsletter subscribers, by status, newsletter and words in the address or name.
public struct SubscriberListQuery: Hashable, Sendable {
    /// Which subscribers, by where they stand.
    public enum Status: String, Sendable, CaseIterable {
        case all
        case confirmed
        case pending
        case unsubscribed
        case suppressed

        public var label: String {
            switch self {
            case .all: "All"
            case .confirmed: "Subscribed"
            case .pending: "Awaiting confirmation"
            case .unsubscribed: "Unsubscribed"
            case .suppressed: "Suppressed"
            }
        }
    }

    public var search: String
    public var status: Status
    public var newsletter: Newsletter.ID?
    public var page: Int

    public init(search: String = "", status: Status = .all, newsletter: Newsletter.ID? = nil, page: Int = 1) {
        self.search = String(search.prefix(100))
        self.status = status
        self.newsletter = newsletter
        self.page = page
    }
}

/// An edition's send log, by the state of each message.
public struct EditionLogQuery: Hashable, Sendable {
    public var status: DeliveryStatus?
    public var page: Int

    public init(status: DeliveryStatus? = nil, page: Int = 1) {
        self.status = status
        self.page = page
    }
}

/// Where one message in the outbox stands.
public enum DeliveryStatus: String, Sendable, CaseIterable {
    case queued
    /// Claimed by a worker until its lease ends.
    case sending
    case sent
    /// Refused for good, or given up after the last retry.
    case failed
    /// Dropped before sending (the reader left or was suppressed meanwhile).
    case cancelled

    public var label: String {
        switch self {
        case .queued: "Waiting"
        case .sending: "Sending"
        case .sent: "Sent"
        case .failed: "Failed"
        case .cancelled: "Not sent"
        }
    }
}

/// The donations list: by provider, status, currency, one-time or recurring, a date range and
/// words in the donor's name, address or the reference.
public struct DonationListQuery: Hashable, Sendable {
    public var provider: DonationProvider?
    public var status: DonationStatus?
    public var currency: String
    /// "once" or "recurring"; nil for both.
    public var recurring: Bool?
    /// Inclusive days, `yyyy-MM-dd`, in UTC.
    public var from: String
    public var to: String
    public var search: String
    public var page: Int

    public init(
        provider: DonationProvider? = nil, status: DonationStatus? = nil, currency: String = "", recurring: Bool? = nil, from: String = "",
        to: String = "", search: String = "", page: Int = 1
    ) {
        self.provider = provider
        self.status = status
        self.currency = String(currency.uppercased().prefix(3))
        self.recurring = recurring
        self.from = from
        self.to = to
        self.search = String(search.prefix(100))
        self.page = page
    }

    /// A day of the range as a date (midnight UTC), nil when empty or not a date.
    public static func day(_ text: String) -> Date? {
        UTCCalendar.day(text)
    }
}
