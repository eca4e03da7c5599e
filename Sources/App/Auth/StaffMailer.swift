import Domain
import Foundation
import Logging
import Mail
import Views

/// The back office's own mail: invitations and password resets. Each link is also written to
/// the server log, so a site without mail configured can still be administered.
struct StaffMailer: Sendable {
    let transport: any MailTransport
    let siteURL: String
    let logger: Logger

    func invitation(to email: String, name: String, role: Role, link: String, siteTitle: String, from inviter: String, now: Date) async {
        logger.notice("Staff invitation link", metadata: ["email": "\(email)", "link": "\(link)"])
        await send(
            to: Mailbox(name: name, address: email), siteTitle: siteTitle, subject: "You are invited to \(siteTitle)",
            paragraphs: [
                "Hello \(name),",
                "\(inviter) has invited you to join \(siteTitle) as \(role.label.lowercased()).",
                "Choose your password here (the link works once, for seven days):",
            ], link: link, now: now)
    }

    func passwordReset(to email: String, name: String, link: String, siteTitle: String, now: Date) async {
        logger.notice("Password reset link", metadata: ["email": "\(email)", "link": "\(link)"])
        await send(
            to: Mailbox(name: name, address: email), siteTitle: siteTitle, subject: "Reset your password for \(siteTitle)",
            paragraphs: [
                "Hello \(name),",
                "Someone (hopefully you) asked to reset the password of your \(siteTitle) account.",
                "Choose a new password here (the link works once, for one hour). If you did not ask, ignore this message.",
            ], link: link, now: now)
    }

    func send(to: Mailbox, siteTitle: String, subject: String, paragraphs: [String], link: String, now: Date) async {
        let text = (paragraphs + [link, "", "— \(siteTitle)"]).joined(separator: "\n\n")
        let html: HTML = """
            \(paragraphs.map { HTML("<p>\($0)</p>") })<p><a href="\(link)">\(link)</a></p><p>— \(siteTitle)</p>
            """
        let host = URL(string: siteURL)?.host ?? "localhost"
        let message = MailMessage(
            id: SecretToken.generate().prefix(24).lowercased(), from: Mailbox(name: siteTitle, address: "no-reply@\(host)"), to: to,
            subject: subject, text: text, html: html.rendered, date: now)
        let result = await transport.send([message])
        if let failure = result[message.id] ?? nil {
            logger.error("Could not send staff mail", metadata: ["to": "\(to.address)", "error": "\(failure)"])
        }
    }
}
