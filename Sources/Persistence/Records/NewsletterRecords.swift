import FluentKit
import Foundation

/// A row of `newsletters`: a list readers subscribe to, its sender and its digest schedule.
public final class NewsletterRecord: Model, @unchecked Sendable {
    public static let schema = "newsletters"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "slug") public var slug: String
    @Field(key: "name") public var name: String
    @Field(key: "description") public var description: String
    @Field(key: "sender_name") public var senderName: String
    /// `NewsletterSchedule.storedValue`.
    @Field(key: "schedule") public var schedule: String
    @Field(key: "is_default") public var isDefault: Bool
    @Field(key: "position") public var position: Int
    @OptionalField(key: "last_digest_at") public var lastDigestAt: Date?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A row of `subscribers`: one address, whatever newsletters it gets.
public final class SubscriberRecord: Model, @unchecked Sendable {
    public static let schema = "subscribers"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @Field(key: "status") public var status: String
    /// Where and when consent was given.
    @Field(key: "consent_source") public var consentSource: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "confirmed_at") public var confirmedAt: Date?
    @OptionalField(key: "unsubscribed_at") public var unsubscribedAt: Date?
    @OptionalField(key: "paused_until") public var pausedUntil: Date?
    /// A random value signed into every link we mail; changing it retires the old links.
    @Field(key: "link_key") public var linkKey: String

    public init() {}
}

/// A row of `subscriber_tokens`: a single-use confirmation link (its hash is the id).
public final class SubscriberTokenRecord: Model, @unchecked Sendable {
    public static let schema = "subscriber_tokens"

    @ID(custom: .id, generatedBy: .user) public var id: String?
    @Field(key: "subscriber_id") public var subscriberID: Int
    /// Where the signup came from (the consent record once confirmed).
    @Field(key: "source") public var source: String
    /// The newsletters chosen, as ids separated by commas.
    @Field(key: "newsletter_ids") public var newsletterIDs: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?

    public init() {}
}

/// A row of `suppressions`: an address that gets no newsletter mail.
public final class SuppressionRecord: Model, @unchecked Sendable {
    public static let schema = "suppressions"

    @ID(custom: "email", generatedBy: .user) public var id: String?
    @Field(key: "reason") public var reason: String
    @Field(key: "detail") public var detail: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A row of `editions`: one issue of a newsletter, written or assembled as a digest.
public final class EditionRecord: Model, @unchecked Sendable {
    public static let schema = "editions"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "newsletter_id") public var newsletterID: Int
    @Field(key: "kind") public var kind: String
    @Field(key: "subject") public var subject: String
    @Field(key: "markdown") public var markdown: String
    @Field(key: "body_html") public var bodyHTML: String
    @Field(key: "body_text") public var bodyText: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "scheduled_at") public var scheduledAt: Date?
    @OptionalField(key: "started_at") public var startedAt: Date?
    @OptionalField(key: "finished_at") public var finishedAt: Date?
    @OptionalField(key: "created_by") public var createdBy: Int?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}

/// A row of `mail_outbox`: one message on its way, transactional (with its content) or one
/// edition to one subscriber (rendered when it is sent).
public final class OutboxMessageRecord: Model, @unchecked Sendable {
    public static let schema = "mail_outbox"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "kind") public var kind: String
    @Field(key: "purpose") public var purpose: String
    @OptionalField(key: "edition_id") public var editionID: Int?
    @OptionalField(key: "subscriber_id") public var subscriberID: Int?
    @Field(key: "to_address") public var toAddress: String
    @Field(key: "to_name") public var toName: String
    @OptionalField(key: "from_name") public var fromName: String?
    @OptionalField(key: "from_address") public var fromAddress: String?
    @OptionalField(key: "subject") public var subject: String?
    @OptionalField(key: "text_body") public var textBody: String?
    @OptionalField(key: "html_body") public var htmlBody: String?
    /// Extra headers as a JSON object.
    @OptionalField(key: "headers") public var headers: String?
    @Field(key: "status") public var status: String
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "next_attempt_at") public var nextAttemptAt: Date
    @OptionalField(key: "lease_until") public var leaseUntil: Date?
    @OptionalField(key: "last_error") public var lastError: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "sent_at") public var sentAt: Date?

    public init() {}
}

/// A row of `rate_limit_hits`: one counted request.
public final class RateLimitHitRecord: Model, @unchecked Sendable {
    public static let schema = "rate_limit_hits"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "key") public var key: String
    @Field(key: "at") public var at: Date

    public init() {}

    public init(key: String, at: Date) {
        self.key = key
        self.at = at
    }
}
