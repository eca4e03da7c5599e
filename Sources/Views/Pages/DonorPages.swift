import Domain
import Routes

/// The donor's own page (from the signed link in every receipt) and a receipt to keep.
public enum DonorPages {
    public static func home(_ model: DonorHomeModel) -> HTML {
        let gifts = model.gifts.map { gift in
            let actions: HTML =
                gift.changeAmount.map { amount in
                    HTML(
                        """
                        <form method="post" action="\(amount)" class="donor-gift__amount"><label for="amount-\(gift.reference)">New amount per \
                        \(gift.summary.frequency == .annual ? "year" : "month")</label><input id="amount-\(gift.reference)" name="\(DonationForm.Field.amount.name)" \
                        inputmode="decimal" value="\(gift.currentAmount)" required><button type="submit">Change amount</button></form>
                        """)
                } ?? .empty
            let card = gift.changeCard.map { HTML("<a class=\"button button--quiet\" href=\"\($0)\">Update card</a>") } ?? .empty
            let cancel =
                gift.cancel.map {
                    HTML(
                        "<form method=\"post\" action=\"\($0)\" class=\"donor-gift__cancel\"><button type=\"submit\" class=\"button--danger\">Stop this gift</button></form>"
                    )
                } ?? .empty
            return HTML(
                """
                <li class="donor-gift"><p><strong>\(gift.summary.total)</strong> · \(gift.date) · \(gift.status.label)\
                \(gift.refunded.map { HTML(" · \($0) refunded") })\(HTML.when(gift.isCancelled) { " · stopped" }) · <span class="donor-gift__ref">\(gift.reference)</span></p>
                <div class="donor-gift__actions">\(gift.receipt.map { HTML("<a href=\"\($0)\" download>Download receipt</a>") })\(actions)\(card)\(cancel)</div></li>
                """)
        }
        return page(
            model.chrome, title: "Your giving",
            body: """
                \(model.notice.map { HTML("<p class=\"notice\" role=\"status\">\($0)</p>") })
                \(model.problem.map { HTML("<p class=\"notice notice--error\" role=\"alert\">\($0)</p>") })
                <p>Gifts from <strong>\(model.email)</strong>. Changes take effect at once, with the payment provider too.</p>
                \(model.gifts.isEmpty ? HTML("<p>No gifts yet.</p>") : HTML("<ul class=\"donor-gifts\">\(gifts)</ul>"))
                <p><a href="\(SiteURL.donate())">Give again</a></p>
                """)
    }

    /// A receipt as a document of its own, to download and keep.
    public static func receipt(_ model: DonationReceiptModel) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Receipt \(model.reference) — \(model.organisation)</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}dt{font-weight:600}</style></head>
        <body><h1>Donation receipt</h1>
        <p><strong>\(model.organisation)</strong><br>\(lines(model.address))\(model.siteURL)</p>
        <dl><dt>Received from</dt><dd>\(model.donor) (\(model.email))</dd>
        <dt>Amount</dt><dd>\(model.amount)</dd>
        \(model.refunded.map { HTML("<dt>Refunded</dt><dd>\($0)</dd>") })
        <dt>Date</dt><dd>\(model.date)</dd><dt>Paid with</dt><dd>\(model.method)</dd>
        <dt>Our reference</dt><dd>\(model.reference)</dd><dt>Payment reference</dt><dd>\(model.providerReference)</dd></dl>
        <p>Thank you for supporting independent journalism.</p></body></html>
        """
    }

    static func lines(_ text: String) -> HTML {
        let parts = text.split(separator: "\n").map { HTML("\(String($0))<br>") }
        return "\(parts)"
    }

    static func page(_ chrome: SiteChrome, title: String, body: HTML) -> HTML {
        NoticePage.render(chrome, title: title, description: "Your donations to \(chrome.siteTitle).", body: body)
    }
}
