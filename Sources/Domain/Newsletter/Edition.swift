import Foundation

/// One issue of a newsletter: assembled from new articles (a digest) or written by staff.
public struct Edition: Equatable, Sendable, Identifiable {
    public typealias ID = EntityID<Edition>

    public enum Kind: String, Sendable {
        case digest
        case manual
    }

    public enum Status: String, Sendable, CaseIterable {
        case draft
        /// Waits for `scheduledAt`.
        case scheduled
        case sending
        /// Sending stopped by staff; resumes where it stopped.
        case paused
        case sent

        public var label: String {
            switch self {
            case .draft: "Draft"
            case .scheduled: "Scheduled"
            case .sending: "Sending"
            case .paused: "Paused"
            case .sent: "Sent"
            }
        }

        /// Whether the text can still change (nothing has gone out).
        public var isEditable: Bool { self == .draft || self == .scheduled }
    }

    public var id: ID
    public var newsletterID: Newsletter.ID
    public var kind: Kind
    public var subject: String
    /// What staff wrote (manual editions); empty for digests.
    public var markdown: String
    /// The body as mail HTML, made when the edition is saved.
    public var bodyHTML: String
    /// The body as plain text, made at the same time.
    public var bodyText: String
    public var status: Status
    public var scheduledAt: Date?
    public var startedAt: Date?
    public var finishedAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: ID, newsletterID: Newsletter.ID, kind: Kind, subject: String, markdown: String, bodyHTML: String, bodyText: String,
        status: Status, scheduledAt: Date? = nil, startedAt: Date? = nil, finishedAt: Date? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.newsletterID = newsletterID
        self.kind = kind
        self.subject = subject
        self.markdown = markdown
        self.bodyHTML = bodyHTML
        self.bodyText = bodyText
        self.status = status
        self.scheduledAt = scheduledAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Where an edition's sending stands.
public struct EditionProgress: Equatable, Sendable, Codable {
    public var sent: Int
    public var failed: Int
    /// Waiting for their turn, or for a retry after a temporary refusal.
    public var remaining: Int
    /// Left out after queueing because the reader unsubscribed or was suppressed meanwhile.
    public var cancelled: Int

    public init(sent: Int = 0, failed: Int = 0, remaining: Int = 0, cancelled: Int = 0) {
        self.sent = sent
        self.failed = failed
        self.remaining = remaining
        self.cancelled = cancelled
    }

    public var total: Int { sent + failed + remaining + cancelled }

    /// Done so far, 0…100.
    public var percent: Int {
        total == 0 ? 0 : Int((Double(total - remaining) / Double(total) * 100).rounded(.down))
    }
}
