import Foundation

/// A message one reader or staff member gets because of something they (or someone on their
/// behalf) did. Features describe what to say with these types; the mail templates decide how it
/// looks, and the outbox delivers it.
public struct TransactionalMail: Equatable, Sendable {
    public var recipientEmail: String
    public var recipientName: String
    public var content: Content

    public init(to email: String, name: String, _ content: Content) {
        self.recipientEmail = email
        self.recipientName = name
        self.content = content
    }

    public enum Content: Equatable, Sendable {
        /// Double opt-in: confirm a newsletter signup.
        case subscriptionConfirmation(newsletters: [String], confirmLink: String, validHours: Int)
        /// Someone signed up with an address already subscribed: no new subscription, a way in.
        case alreadySubscribed(preferencesLink: String)
        /// A reply or new comment in a discussion the reader follows.
        case commentNotification(
            articleTitle: String, commentLink: String, commenterName: String, excerpt: String, stopLink: String)
        /// Confirm following a discussion (guests confirm by mail first).
        case discussionSubscriptionConfirmation(articleTitle: String, what: String, confirmLink: String, validHours: Int)
        /// A held comment was approved by a moderator.
        case commentApproved(articleTitle: String, commentLink: String)
        /// The moderation queue has comments waiting.
        case moderationWaiting(pending: Int, queueLink: String)
        /// A one-time link for a reader: to sign in, to download their comments, or to erase them.
        case readerLink(purpose: String, link: String, validMinutes: Int)
        /// Thanks and a record of a donation.
        case donationReceipt(DonationReceipt)
        case passwordReset(link: String, validHours: Int)
        case invitation(inviterName: String, roleLabel: String, link: String, validDays: Int)
        /// Many failed sign-ins to a staff account: someone may be guessing its password.
        case signInAlert(failures: Int, minutes: Int, resetLink: String)

        /// A short name for logs and the outbox's purpose column.
        public var purpose: String {
            switch self {
            case .subscriptionConfirmation: "subscription_confirmation"
            case .alreadySubscribed: "already_subscribed"
            case .commentNotification: "comment_notification"
            case .discussionSubscriptionConfirmation: "discussion_subscription_confirmation"
            case .commentApproved: "comment_approved"
            case .moderationWaiting: "moderation_waiting"
            case .readerLink: "reader_link"
            case .donationReceipt: "donation_receipt"
            case .passwordReset: "password_reset"
            case .invitation: "invitation"
            case .signInAlert: "sign_in_alert"
            }
        }
    }
}

/// What a donation receipt says: the gift, when, its references, and who received it.
public struct DonationReceipt: Equatable, Sendable {
    public var amount: String
    public var frequency: DonationFrequency
    public var date: Date
    /// Our reference ("GZ-…") and the provider's payment id.
    public var reference: String
    public var providerReference: String
    public var method: String
    /// The newsroom's name and postal address, as the settings give them.
    public var organisation: String
    public var address: String
    public var manageLink: String?

    public init(
        amount: String, frequency: DonationFrequency, date: Date, reference: String, providerReference: String, method: String,
        organisation: String, address: String, manageLink: String?
    ) {
        self.amount = amount
        self.frequency = frequency
        self.date = date
        self.reference = reference
        self.providerReference = providerReference
        self.method = method
        self.organisation = organisation
        self.address = address
        self.manageLink = manageLink
    }
}
