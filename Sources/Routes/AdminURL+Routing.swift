import Domain

extension AdminURL {
    /// Each address's route and the values of the route's `:parameters`, in order.
    var routeAndValues: (AdminRoute, [String]) {
        switch self {
        case .signIn: (.signIn, [])
        case .signInVerify: (.signInVerify, [])
        case .signOut: (.signOut, [])
        case .passwordForgot: (.passwordForgot, [])
        case .passwordReset(let token): (.passwordReset, [token])
        case .invitation(let token): (.invitation, [token])
        case .dashboard: (.dashboard, [])
        case .account: (.account, [])
        case .accountProfile: (.accountProfile, [])
        case .accountPassword: (.accountPassword, [])
        case .accountTwoFactor: (.accountTwoFactor, [])
        case .accountTwoFactorConfirm: (.accountTwoFactorConfirm, [])
        case .accountTwoFactorDisable: (.accountTwoFactorDisable, [])
        case .accountRecoveryCodes: (.accountRecoveryCodes, [])
        case .articles: (.articles, [])
        case .articleNew: (.articleNew, [])
        case .article(let id): id.map { (.article, [$0.description]) } ?? (.articles, [])
        case .articleEdit(let id): (.articleEdit, [id.description])
        case .articleRevisions(let id): (.articleRevisions, [id.description])
        case .articleRevision(let id, let revision): (.articleRevision, [id.description, revision.description])
        case .articleRevisionRestore(let id, let revision): (.articleRevisionRestore, [id.description, revision.description])
        case .preview: (.preview, [])
        case .autosave(let id): id.map { (.autosave, [$0.description]) } ?? (.autosaveNew, [])
        case .mediaPicker: (.mediaPicker, [])
        case .media: (.media, [])
        case .mediaItem(let id): (.mediaItem, [id.description])
        case .mediaDelete(let id): (.mediaDelete, [id.description])
        case .comments: (.comments, [])
        case .commenter: (.commenter, [])
        case .commentBans: (.commentBans, [])
        case .commentBanLift(let id): (.commentBanLift, [String(id)])
        case .comment(let id): (.comment, [id.description])
        case .commentReply(let id): (.commentReply, [id.description])
        case .settings: (.settings, [])
        case .sections: (.sections, [])
        case .section(let id): (.section, [id.description])
        case .sectionMove(let id): (.sectionMove, [id.description])
        case .sectionDelete(let id): (.sectionDelete, [id.description])
        case .newsletter: (.newsletter, [])
        case .newsletterNew: (.newsletterNew, [])
        case .newsletterItem(let id): id.map { (.newsletterItem, [$0.description]) } ?? (.newsletters, [])
        case .newsletterDelete(let id): (.newsletterDelete, [id.description])
        case .donations: (.donations, [])
        case .donationsCSV: (.donationsCSV, [])
        case .donation(let id): (.donation, [id.description])
        case .subscribers: (.subscribers, [])
        case .subscribersCSV: (.subscribersCSV, [])
        case .subscribersImport: (.subscribersImport, [])
        case .subscriberDelete(let id): (.subscriberDelete, [id.description])
        case .subscriberUnsuppress(let id): (.subscriberUnsuppress, [id.description])
        case .editionNew: (.editionNew, [])
        case .edition(let id): id.map { (.edition, [$0.description]) } ?? (.editions, [])
        case .editionPreview(let id): (.editionPreview, [id.description])
        case .editionProgress(let id): (.editionProgress, [id.description])
        case .editionLog(let id, _): (.editionLog, [id.description])
        case .editionTest(let id): (.editionTest, [id.description])
        case .editionSchedule(let id): (.editionSchedule, [id.description])
        case .editionSend(let id): (.editionSend, [id.description])
        case .editionPause(let id): (.editionPause, [id.description])
        case .editionResume(let id): (.editionResume, [id.description])
        case .editionDelete(let id): (.editionDelete, [id.description])
        case .staff: (.staff, [])
        case .staffInvitations: (.staffInvitations, [])
        case .staffRole(let id): (.staffRole, [id.description])
        case .staffDeactivate(let id): (.staffDeactivate, [id.description])
        case .staffReactivate(let id): (.staffReactivate, [id.description])
        }
    }

    /// The query parameters, in a fixed order; empty values are left out.
    var query: [(String, String)] {
        switch self {
        case .signIn(let next), .signInVerify(let next):
            return [("next", next ?? "")]
        case .articles(let query):
            return [
                ("status", query.status?.rawValue ?? ""), ("section", query.section?.description ?? ""),
                ("author", query.author?.description ?? ""), ("q", query.search), ("page", Self.page(query.page)),
            ]
        case .media(let page):
            return [("page", Self.page(page))]
        case .mediaPicker(let query):
            return [("q", query.search), ("page", Self.page(query.page))]
        case .comments(let query):
            return [("status", query.status.rawValue), ("page", Self.page(query.page))]
        case .commenter(let query):
            return [("email", query.email), ("network", query.network), ("page", Self.page(query.page))]
        case .subscribers(let query), .subscribersCSV(let query):
            return [
                ("q", query.search), ("status", query.status == .all ? "" : query.status.rawValue),
                ("newsletter", query.newsletter?.description ?? ""), ("page", Self.page(query.page)),
            ]
        case .donations(let query), .donationsCSV(let query):
            return [
                ("provider", query.provider?.rawValue ?? ""), ("status", query.status?.rawValue ?? ""), ("currency", query.currency),
                ("kind", query.recurring.map { $0 ? "recurring" : "once" } ?? ""), ("from", query.from), ("to", query.to),
                ("q", query.search), ("page", Self.page(query.page)),
            ]
        case .editionNew(let newsletter):
            return [("newsletter", newsletter?.description ?? "")]
        case .editionLog(_, let query):
            return [("status", query.status?.rawValue ?? ""), ("page", Self.page(query.page))]
        default:
            return []
        }
    }

    static func page(_ number: Int) -> String {
        number > 1 ? String(number) : ""
    }
}

/// Reading the lists' queries back from an address.
extension ArticleListQuery {
    public init(_ query: QueryString) throws(DomainError) {
        self.init(
            status: query["status"].flatMap(ArticleStatus.init), section: query["section"].flatMap(Int.init).map(Section.ID.init),
            author: query["author"].flatMap(Int.init).map(Author.ID.init), search: query["q"] ?? "",
            page: try ListingPage.number(query["page"]))
    }
}

extension DonationListQuery {
    public init(_ query: QueryString) throws(DomainError) {
        let from = query["from"] ?? ""
        let to = query["to"] ?? ""
        for day in [from, to] where !day.isEmpty && DonationListQuery.day(day) == nil {
            throw DomainError.invalidInput(field: "from", message: "Give dates as year-month-day, like 2026-11-30.")
        }
        self.init(
            provider: query["provider"].flatMap(DonationProvider.init), status: query["status"].flatMap(DonationStatus.init),
            currency: query["currency"] ?? "", recurring: query["kind"].flatMap { $0 == "recurring" ? true : $0 == "once" ? false : nil },
            from: from, to: to, search: query["q"] ?? "", page: try ListingPage.number(query["page"]))
    }
}

extension MediaPickerQuery {
    public init(_ query: QueryString) throws(DomainError) {
        self.init(search: query["q"] ?? "", page: try ListingPage.number(query["page"]))
    }
}

extension CommentQueueQuery {
    public init(_ query: QueryString) throws(DomainError) {
        self.init(status: query["status"].flatMap(CommentQueue.init) ?? .pending, page: try ListingPage.number(query["page"]))
    }
}

extension CommenterQuery {
    public init(_ query: QueryString) throws(DomainError) {
        let email = query["email"] ?? ""
        let network = query["network"] ?? ""
        guard !email.isEmpty || !network.isEmpty, email.count <= 254, network.count <= 64 else {
            throw DomainError.invalidInput(field: "email", message: "Say whose comments to show: an email address or a network.")
        }
        self.init(email: email, network: network, page: try ListingPage.number(query["page"]))
    }
}

extension SubscriberListQuery {
    public init(_ query: QueryString) throws(DomainError) {
        self.init(
            search: query["q"] ?? "", status: query["status"].flatMap(Status.init) ?? .all,
            newsletter: query["newsletter"].flatMap(Int.init).map(Newsletter.ID.init), page: try ListingPage.number(query["page"]))
    }
}

extension EditionLogQuery {
    public init(_ query: QueryString) throws(DomainError) {
        self.init(status: query["status"].flatMap(DeliveryStatus.init), page: try ListingPage.number(query["page"]))
    }
}
