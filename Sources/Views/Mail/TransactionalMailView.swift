import Domain
import Foundation
import Routes

/// The words and look of each transactional message. One function per kind, each producing the
/// text and HTML versions from the same sentences.
public enum TransactionalMailView {
    public static func render(_ mail: TransactionalMail, brand: MailBrand, format: DisplayFormat) -> MailContent {
        let greeting = mail.recipientName.isEmpty ? "Hello," : "Hello \(mail.recipientName),"
        switch mail.content {
        case .subscriptionConfirmation(let newsletters, let link, let hours):
            let list = newsletters.isEmpty ? "our newsletter" : listed(newsletters)
            return compose(
                brand, subject: "Confirm your subscription to \(brand.siteTitle)", heading: "One click to confirm",
                paragraphs: [
                    greeting,
                    "Someone, probably you, asked to receive \(list) from \(brand.siteTitle) at this address.",
                    "Confirm within \(hours) hours and your first edition is on its way. If it was not you, ignore this message: without confirmation nothing more is sent.",
                ], action: ("Confirm my subscription", link))
        case .alreadySubscribed(let preferences):
            return compose(
                brand, subject: "You are already subscribed to \(brand.siteTitle)", heading: "You are already on the list",
                paragraphs: [
                    greeting,
                    "Someone, probably you, tried to sign up with this address, which already receives our newsletter. Nothing has changed.",
                    "To choose which newsletters you get, pause them or leave, use your preferences page.",
                ], action: ("Manage my newsletters", preferences))
        case .commentNotification(let title, let link, let commenter, let excerpt, let stop):
            return compose(
                brand, subject: "New comment on “\(title)”", heading: "\(commenter) wrote",
                paragraphs: [greeting, "\(commenter) wrote in the discussion of “\(title)”:", "“\(excerpt)”"],
                action: ("Read the discussion", link),
                after: ["You get this because you follow this discussion. Stop these emails: \(stop)"])
        case .discussionSubscriptionConfirmation(let title, let what, let link, let hours):
            return compose(
                brand, subject: "Confirm: follow the discussion of “\(title)”", heading: "One click to confirm",
                paragraphs: [
                    greeting,
                    "Someone, probably you, asked to be told by email of \(what) in the discussion of “\(title)” on \(brand.siteTitle).",
                    "Confirm within \(hours) hours. If it was not you, ignore this message: without confirmation nothing is sent.",
                ], action: ("Confirm", link))
        case .commentApproved(let title, let link):
            return compose(
                brand, subject: "Your comment on “\(title)” is published", heading: "Your comment is published",
                paragraphs: [greeting, "A moderator has approved your comment on “\(title)”. Thank you for taking part."],
                action: ("See your comment", link))
        case .moderationWaiting(let pending, let link):
            return compose(
                brand, subject: "\(pending) \(pending == 1 ? "comment waits" : "comments wait") for moderation",
                heading: "Comments are waiting",
                paragraphs: [
                    greeting,
                    "\(pending) \(pending == 1 ? "comment is" : "comments are") waiting in the moderation queue of \(brand.siteTitle).",
                ],
                action: ("Open the queue", link),
                after: ["You get at most one of these an hour while comments are waiting."])
        case .readerLink(let purpose, let link, let minutes):
            let (subject, heading, sentence, button) =
                switch purpose {
                case "export":
                    (
                        "Your comments on \(brand.siteTitle)", "Download your comments",
                        "Someone, probably you, asked for a copy of every comment and subscription under this address.",
                        "Download my comments"
                    )
                case "erase":
                    (
                        "Erase your comments on \(brand.siteTitle)?", "Erase your comments",
                        "Someone, probably you, asked to erase every comment and subscription under this address. The link shows what will go and asks once more.",
                        "Review and erase"
                    )
                default:
                    (
                        "Sign in to comment on \(brand.siteTitle)", "Sign in",
                        "Use this link to sign in and comment under your name. No password needed.", "Sign in"
                    )
                }
            return compose(
                brand, subject: subject, heading: heading,
                paragraphs: [greeting, sentence, "The link works once, for \(minutes) minutes. If you did not ask, ignore this message."],
                action: (button, link))
        case .donationReceipt(let receipt):
            let recurring =
                switch receipt.frequency {
                case .once: ""
                case .monthly: " It repeats every month until you stop it."
                case .annual: " It repeats every year until you stop it."
                }
            let address = ([receipt.organisation] + receipt.address.split(separator: "\n").map(String.init)).joined(separator: ", ")
            return compose(
                brand, subject: "Your receipt from \(receipt.organisation)", heading: "Thank you",
                paragraphs: [
                    greeting,
                    "We received your donation of \(receipt.amount) on \(format.date(receipt.date)) by \(receipt.method).\(recurring) Readers like you keep our journalism free for everyone.",
                    "Keep this email as your receipt. Our reference: \(receipt.reference). Payment reference: \(receipt.providerReference).",
                    "Received by \(address).",
                ], action: receipt.manageLink.map { ("See, download or change your giving", $0) })
        case .passwordReset(let link, let hours):
            return compose(
                brand, subject: "Reset your password for \(brand.siteTitle)", heading: "Reset your password",
                paragraphs: [
                    greeting,
                    "Someone, hopefully you, asked to reset the password of your \(brand.siteTitle) account.",
                    "The link works once, for \(hours == 1 ? "one hour" : "\(hours) hours"). If you did not ask, ignore this message: your password stays as it is.",
                ], action: ("Choose a new password", link))
        case .invitation(let inviter, let role, let link, let days):
            return compose(
                brand, subject: "You are invited to \(brand.siteTitle)", heading: "Join \(brand.siteTitle)",
                paragraphs: [
                    greeting,
                    "\(inviter) has invited you to join \(brand.siteTitle) as \(role.lowercased()).",
                    "Choose your password with the link below. It works once, for \(days) days.",
                ], action: ("Accept the invitation", link))
        case .signInAlert(let failures, let minutes, let link):
            return compose(
                brand, subject: "Failed sign-ins to your \(brand.siteTitle) account", heading: "Someone may be guessing your password",
                paragraphs: [
                    greeting,
                    "There were \(failures) failed attempts to sign in to your \(brand.siteTitle) account in the last \(minutes) minutes.",
                    "Your account is safe while the password is not guessed: further attempts from browsers and networks you have not used are slowed down, and you can still sign in as usual from yours.",
                    "If it was not you, choose a new, long password and turn on two-step sign-in on your account page.",
                ], action: ("Choose a new password", link))
        }
    }

    static func compose(
        _ brand: MailBrand, subject: String, heading: String, paragraphs: [String], action: (label: String, link: String)?,
        after: [String] = []
    ) -> MailContent {
        var text = paragraphs.joined(separator: "\n\n")
        if let action { text += "\n\n\(action.label):\n\(action.link)" }
        if !after.isEmpty { text += "\n\n" + after.joined(separator: "\n\n") }
        text += "\n\n" + EmailLayout.textSignature(brand) + "\n"
        let content: HTML = """
            \(EmailLayout.heading(heading))\(paragraphs.map(EmailLayout.paragraph))\
            \(action.map { EmailLayout.button($0.label, href: $0.link) })\(after.map(EmailLayout.paragraph))
            """
        let footer: HTML =
            "You received this message from <a href=\"\(brand.siteURL)/\" style=\"\(EmailLayout.linkStyle)\">\(brand.siteTitle)</a>."
        let html = EmailLayout.document(
            brand: brand, title: subject, preheader: paragraphs.dropFirst().first ?? subject, kicker: nil, content: content, footer: footer)
        return MailContent(subject: subject, text: text, html: html.rendered)
    }

    /// "A", "A and B", "A, B and C".
    static func listed(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }
}
