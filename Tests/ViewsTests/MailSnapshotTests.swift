import Domain
import Foundation
import Testing
import Views

/// Every kind of mail the site sends, in both its parts: stored as snapshots and checked for what
/// a reader sees: the subject, the action's link in both parts, names printed as text.
@Suite("Mail snapshots")
struct MailSnapshotTests {
    static let brand = MailBrand(siteTitle: "The Riverton <Gazette>", siteURL: "https://news.example.org", language: "en")
    static let format = DisplayFormat(timeZoneIdentifier: "Europe/London")

    static let kinds: [(name: String, mail: TransactionalMail.Content, link: String?)] = [
        (
            "confirmation",
            .subscriptionConfirmation(
                newsletters: ["The Daily Briefing", "Weekend <Reads>"], confirmLink: "https://news.example.org/newsletter/confirm/abc",
                validHours: 48), "https://news.example.org/newsletter/confirm/abc"
        ),
        (
            "already-subscribed", .alreadySubscribed(preferencesLink: "https://news.example.org/newsletter/preferences/def"),
            "https://news.example.org/newsletter/preferences/def"
        ),
        (
            "comment-reply",
            .commentNotification(
                articleTitle: "Bridge <reopens>", commentLink: "https://news.example.org/bridge-reopens/#comment-4",
                commenterName: "Tom \"the critic\"", excerpt: "I disagree <strongly>.", stopLink: "https://news.example.org/stop/ghi"),
            "https://news.example.org/bridge-reopens/#comment-4"
        ),
        (
            "donation-receipt",
            .donationReceipt(
                DonationReceipt(
                    amount: "$25.00", frequency: .monthly, date: Date(timeIntervalSince1970: 1_795_500_000), reference: "GZ-7K2M9Q4X",
                    providerReference: "pi_123", method: "card", organisation: "Riverton Gazette Trust <Ltd>",
                    address: "1 Mill Street\nRiverton", manageLink: "https://news.example.org/donate/manage/jkl")),
            "https://news.example.org/donate/manage/jkl"
        ),
        (
            "password-reset", .passwordReset(link: "https://news.example.org/admin/password/reset/mno", validHours: 1),
            "https://news.example.org/admin/password/reset/mno"
        ),
        (
            "invitation",
            .invitation(inviterName: "Ana Ruiz", roleLabel: "Editor", link: "https://news.example.org/admin/invitations/pqr", validDays: 7),
            "https://news.example.org/admin/invitations/pqr"
        ),
        (
            "sign-in-alert", .signInAlert(failures: 20, minutes: 15, resetLink: "https://news.example.org/admin/password/forgot"),
            "https://news.example.org/admin/password/forgot"
        ),
    ]

    @Test("Each transactional message, in HTML and text", arguments: kinds.indices)
    func transactional(_ index: Int) throws {
        let kind = Self.kinds[index]
        let mail = TransactionalMailView.render(
            TransactionalMail(to: "zoe@example.org", name: "Zoë <Z>", kind.mail), brand: Self.brand, format: Self.format)
        try assertSnapshot(mail.html, named: "mail-\(kind.name)")
        try assertSnapshot(mail.text, named: "mail-\(kind.name).txt")
        #expect(mail.html.contains("Hello Zoë &lt;Z&gt;,"))
        #expect(mail.text.hasPrefix("Hello Zoë <Z>,"))
        #expect(!mail.html.contains("<Z>") && !mail.html.contains("<Gazette>") && !mail.html.contains("<strongly>"))
        if let link = kind.link {
            #expect(mail.html.contains("href=\"\(link)\""))
            #expect(mail.text.contains("\n\(link)"))
        }
        #expect(
            mail.html.contains(
                "<title>\(mail.subject.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;"))</title>"))
    }

    @Test("A digest edition as one reader receives it")
    func digest() throws {
        let summary = ArticleSummary(
            id: .init(1), slug: "bridge-reopens", title: "Bridge <reopens>", standfirst: "After two years.", kind: .news,
            section: Section(id: .init(1), name: "News", slug: "news", position: 0, description: ""),
            authors: [Author(id: .init(1), name: "Ana Ruiz", slug: "ana-ruiz", title: "", bio: "")],
            publishedAt: Date(timeIntervalSince1970: 1_795_500_000), featureImage: nil, viewCount: 0, wordCount: 400)
        let body = EditionMailView.digestBody([summary], brand: Self.brand, format: Self.format)
        let template = EditionMailTemplate(
            subject: "Bridge <reopens>", bodyHTML: body.html, bodyText: body.text, newsletterName: "The Daily Briefing", brand: Self.brand,
            preheader: "After two years.")
        let mail = template.render(
            preferencesLink: "https://news.example.org/newsletter/preferences/p1",
            unsubscribeLink: "https://news.example.org/newsletter/unsubscribe/daily/u1")
        try assertSnapshot(mail.html, named: "mail-digest")
        try assertSnapshot(mail.text, named: "mail-digest.txt")
        #expect(mail.html.contains("href=\"https://news.example.org/bridge-reopens/\""))
        #expect(mail.html.contains("Bridge &lt;reopens&gt;"))
        #expect(mail.html.contains("href=\"https://news.example.org/newsletter/unsubscribe/daily/u1\""))
        #expect(mail.text.contains("Unsubscribe: https://news.example.org/newsletter/unsubscribe/daily/u1"))
        #expect(mail.text.contains("BRIDGE <REOPENS>"))
    }
}
