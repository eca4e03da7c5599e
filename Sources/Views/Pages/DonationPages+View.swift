import Domain
import Routes

/// The reader's side of giving: the form, the card step, PayPal's return, thanks, the donor's own
/// page and the public supporters list.
public enum DonationPages {
    typealias Field = DonationForm.Field

    public static func form(_ model: DonateFormModel) -> HTML {
        let form = model.form
        let problems = model.problems
        let currency = form.currency.isEmpty ? (model.currencies.first ?? "USD") : form.currency
        let presets = model.presets.map { value in
            HTML(
                """
                <li><input type="radio" id="donate-preset-\(value)" name="\(Field.preset.name)" value="\(value)"\
                \(HTML.when(form.amount == String(value)) { " checked" })><label for="donate-preset-\(value)">\(value)</label></li>
                """)
        }
        let currencies = model.currencies.map { code in
            HTML(
                """
                <option value="\(code)" data-decimals="\(Money(minorUnits: 0, currency: code).decimals)"\
                \(HTML.when(code == currency) { " selected" })>\(code)</option>
                """)
        }
        let frequencies = DonationFrequency.allCases.map { frequency in
            HTML(
                """
                <li><input type="radio" id="donate-frequency-\(frequency.rawValue)" name="\(Field.frequency.name)" value="\(frequency.rawValue)"\
                \(HTML.when(form.frequency == frequency.rawValue || (form.frequency.isEmpty && frequency == .once)) { " checked" })>\
                <label for="donate-frequency-\(frequency.rawValue)">\(frequency.label)</label></li>
                """)
        }
        let providers = model.providers.enumerated().map { index, provider in
            let fee = ProcessingFee.standard(for: provider)
            return HTML(
                """
                <li><input type="radio" id="donate-provider-\(provider.rawValue)" name="\(Field.provider.name)" value="\(provider.rawValue)" \
                data-fee-bp="\(fee.basisPoints)" data-fee-fixed="\(fee.fixedMinorUnits)"\
                \(HTML.when(form.provider == provider.rawValue || (index == 0 && !model.providers.map(\.rawValue).contains(form.provider))) { " checked" })>\
                <label for="donate-provider-\(provider.rawValue)">\(provider == .stripe ? "Card (Apple Pay and Google Pay where your device offers them)" : "PayPal, one-time gifts")</label></li>
                """)
        }
        let main: HTML = """
            <section class="donate-page">
            <h1>Support our journalism</h1>
            \(model.intro.map { HTML("<div class=\"donate-page__intro\">\($0)</div>") })
            \(model.notice.map { HTML("<p class=\"notice notice--error\" role=\"alert\">\($0)</p>") })
            \(errorSummary(problems))
            \(HTML.when(model.providers.isEmpty) { "<p class=\"notice\">Online giving is not switched on yet. Please write to the newsroom to give.</p>" })
            <form class="donate-form" id="donate-form" action="\(SiteURL.donateCheckout)" method="post" novalidate data-min="\(model.minimum)" data-max="\(model.maximum)">
            <fieldset id="donate-amount-group"><legend>Amount</legend>
            \(fieldError(.amount, problems))
            <fieldset class="donate-presets-group"><legend class="visually-hidden">Preset amounts</legend><ul class="donate-presets">\(presets)</ul></fieldset>
            <label for="donate-slider">Slide to choose (\(model.minimum)–\(model.maximum))</label>
            <input type="range" id="donate-slider" name="\(Field.slider.name)" min="\(model.minimum)" max="\(model.maximum)" step="1" value="\(Int(form.amount) ?? model.presets.first ?? model.minimum)">
            <div class="donate-amount-row"><label for="donate-amount">Or type an amount</label>
            <input id="donate-amount" name="\(Field.amount.name)" inputmode="decimal" value="\(model.presets.contains { String($0) == form.amount } ? "" : form.amount)" autocomplete="off"\
            \(HTML.when(problems[Field.amount.name] != nil) { " aria-invalid=\"true\" aria-describedby=\"donate-amount-error\"" })>
            <label for="donate-currency-select">Currency</label><select id="donate-currency-select" name="\(Field.currency.name)">\(currencies)</select></div>
            \(fieldError(.currency, problems))
            </fieldset>
            <fieldset id="donate-frequency-group"><legend>How often</legend>\(fieldError(.frequency, problems))<ul class="donate-choices">\(frequencies)</ul></fieldset>
            <fieldset id="donate-provider-group"><legend>Pay with</legend>\(fieldError(.provider, problems))<ul class="donate-choices">\(providers)</ul></fieldset>
            <p class="donate-check"><input type="checkbox" id="donate-cover" name="\(Field.coverFees.name)"\(HTML.when(form.coverFees) { " checked" })>\
            <label for="donate-cover">Add <span id="donate-fee">the provider's fee</span> to cover the fees, so we receive your whole gift</label></p>
            \(field(.email, "Email for your receipt", form.email, problems, "type=\"email\" required autocomplete=\"email\" maxlength=\"254\""))
            \(field(.donorName, "Name (optional)", form.name, problems, "type=\"text\" autocomplete=\"name\" maxlength=\"120\""))
            <div class="field"><label for="donate-message">Message to the newsroom (optional)</label>\
            <textarea id="donate-message" name="\(Field.message.name)" rows="3" maxlength="500">\(form.message)</textarea></div>
            <p class="donate-check"><input type="checkbox" id="donate-anonymous" name="\(Field.anonymous.name)"\(HTML.when(form.anonymous) { " checked" })>\
            <label for="donate-anonymous">Keep me anonymous</label></p>
            <p class="donate-check"><input type="checkbox" id="donate-list" name="\(Field.listPublicly.name)"\(HTML.when(form.listPublicly) { " checked" })>\
            <label for="donate-list">Show my name and message on our <a href="\(SiteURL.supporters)">supporters page</a></label></p>
            <div class="hp" aria-hidden="true"><label for="donate-website">Leave this empty</label>\
            <input id="donate-website" type="text" name="\(Field.website.name)" tabindex="-1" autocomplete="off"></div>
            <button type="submit" class="donate-submit">Continue to payment</button>
            <p class="donate-status" id="donate-status" role="status" aria-live="polite"></p>
            </form>
            </section>
            """
        let meta = PageMeta(
            title: "Donate — \(model.chrome.siteTitle)", description: "Support \(model.chrome.siteTitle) once, monthly or every year.",
            canonicalURL: model.chrome.siteURL + SiteURL.donate().path)
        return Layout.page(chrome: model.chrome, meta: meta, bodyClass: "page-donate", main: main)
    }

    /// The card step: Stripe's card field (its script loads on this page only).
    public static func cardStep(_ model: DonateCardStepModel) -> HTML {
        let main: HTML = """
            <section class="donate-page">
            <h1>\(model.heading)</h1>
            <p class="donate-summary">You are giving <strong>\(model.summary.total)</strong>.\
            \(model.summary.feeNote.map { HTML(" <span>\($0)</span>") })</p>
            <form class="donate-card" id="donate-card" data-key="\(model.publishableKey)" data-secret="\(model.clientSecret)" \
            data-confirm="\(model.confirm)" data-thanks="\(model.thanks)" data-name="\(model.donorName)" data-email="\(model.donorEmail)" \
            data-amount="\(model.walletAmount.minorUnits)" data-currency="\(model.walletAmount.currency.lowercased())" data-country="\(model.country)">
            <div id="donate-wallet" class="donate-wallet"></div>
            <label for="card-element">Card</label>
            <div id="card-element" class="donate-card__field"></div>
            <p class="field__error" id="donate-card-error" role="alert"></p>
            <button type="submit" id="donate-card-submit" disabled>Give \(model.summary.total)</button>
            <p class="donate-status" id="donate-status" role="status" aria-live="polite">Loading the secure card field…</p>
            <noscript><p class="notice">Paying by card needs JavaScript for the card field from our payment provider, Stripe. \
            You can also <a href="\(SiteURL.donate())">give with PayPal</a> without it.</p></noscript>
            </form>
            <p class="donate-small">Card details go straight to Stripe; they never reach our servers.</p>
            </section>
            """
        let meta = PageMeta(
            title: "Pay by card — \(model.chrome.siteTitle)", description: "Donate to \(model.chrome.siteTitle).",
            canonicalURL: model.chrome.siteURL + SiteURL.donate().path, noIndex: true, providerScript: model.scriptURL)
        return Layout.page(chrome: model.chrome, meta: meta, bodyClass: "page-donate", main: main)
    }

    /// Back from PayPal: the capture happens on a POST (the page's script sends it at once).
    public static func payPalReturn(_ chrome: SiteChrome, summary: GiftSummary, capture: SiteURL, problem: String? = nil) -> HTML {
        message(
            chrome, title: "Confirm your gift",
            body: """
                \(problem.map { HTML("<p class=\"notice notice--error\" role=\"alert\">\($0)</p>") })
                <p>PayPal approved your gift of <strong>\(summary.total)</strong>.</p>
                <form method="post" action="\(capture)" id="paypal-capture" class="donate-capture">
                <button type="submit">Complete my donation</button>
                <p class="donate-status" id="donate-status" role="status" aria-live="polite"></p>
                </form>
                """)
    }

    public static func thanks(_ model: DonationThanksModel) -> HTML {
        let state: HTML =
            switch model.status {
            case .completed, .partiallyRefunded:
                "<p class=\"donate-state donate-state--done\">Your payment is confirmed. A receipt is on its way to <strong>\(model.email)</strong>.</p>"
            case .pending:
                "<p class=\"donate-state\">We are waiting for the payment provider to confirm your payment. Your receipt will follow by email to <strong>\(model.email)</strong>; nothing more to do here.</p>"
            case .failed:
                "<p class=\"donate-state donate-state--failed\">The payment did not go through and nothing was charged. <a href=\"\(SiteURL.donate())\">Try again</a>.</p>"
            case .refunded:
                "<p class=\"donate-state\">This gift has been refunded.</p>"
            }
        return message(
            model.chrome, title: "Thank you",
            body: """
                <p class="donate-summary">Your gift: <strong>\(model.summary.total)</strong>. Reference \(model.reference).</p>
                \(state)
                <p><a href="\(model.manage)">See and manage your giving</a></p>
                <p><a class="button" href="\(SiteURL.home)">Back to the front page</a></p>
                """)
    }

    public static func supporters(_ model: SupportersModel) -> HTML {
        let entries = model.entries.map { entry in
            HTML(
                """
                <li class="supporter"><strong>\(entry.name)</strong> <span class="supporter__date">\(entry.month)</span>\
                \(HTML.when(!entry.message.isEmpty) { HTML("<blockquote>\(entry.message)</blockquote>") })</li>
                """)
        }
        let main: HTML = """
            <section class="donate-page">
            <h1>Our supporters</h1>
            <p>Readers who keep this site free for everyone, and agreed to be named.</p>
            \(model.entries.isEmpty ? HTML("<p>No named supporters yet.</p>") : HTML("<ul class=\"supporters\">\(entries)</ul>"))
            <p><a class="button" href="\(SiteURL.donate())">Become a supporter</a></p>
            </section>
            """
        let meta = PageMeta(
            title: "Supporters — \(model.chrome.siteTitle)", description: "The readers who support \(model.chrome.siteTitle).",
            canonicalURL: model.chrome.siteURL + SiteURL.supporters.path)
        return Layout.page(chrome: model.chrome, meta: meta, bodyClass: "page-donate", main: main)
    }

    static func message(_ chrome: SiteChrome, title: String, body: HTML) -> HTML {
        NoticePage.render(chrome, title: title, description: "Donations to \(chrome.siteTitle).", body: body)
    }

    static func field(_ field: Field, _ label: String, _ value: String, _ problems: [String: String], _ attributes: HTML) -> HTML {
        let error = problems[field.name]
        return """
            <div class="field\(HTML.when(error != nil) { " field--invalid" })"><label for="donate-\(field.name)">\(label)</label>\
            \(fieldError(field, problems))<input id="donate-\(field.name)" name="\(field.name)" value="\(value)"\
            \(HTML.when(error != nil) { HTML(" aria-invalid=\"true\" aria-describedby=\"donate-\(field.name)-error\"") }) \(attributes)></div>
            """
    }

    static func fieldError(_ field: Field, _ problems: [String: String]) -> HTML {
        problems[field.name].map { HTML("<p class=\"field__error\" id=\"donate-\(field.name)-error\">\($0)</p>") } ?? .empty
    }

    static func errorSummary(_ problems: [String: String]) -> HTML {
        guard !problems.isEmpty else { return .empty }
        let items = problems.sorted { $0.key < $1.key }.map { HTML("<li><a href=\"#donate-\($0.key)\">\($0.value)</a></li>") }
        return "<div class=\"form-errors\" role=\"alert\" tabindex=\"-1\"><h2>Please check the form</h2><ul>\(items)</ul></div>"
    }
}
