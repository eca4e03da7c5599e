import Domain
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Persistence
import Routes
import Views

/// `/admin/donations`: the ledger for owners and editors, with the figures the dashboard shows.
enum DonationsAdminController {
    @Sendable static func index(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let query = try DonationListQuery(QueryString(request.uri.query))
        let (donations, total) = try await DonationStore.list(query, on: db)
        let months = UTCCalendar.monthKeys(last: 12, until: app.time.now())
        let since = UTCCalendar.monthStart(months[0]) ?? app.time.now()
        let bars = try await DonationStore.monthlyTotals(since: since, on: db).map {
            DonationListModel.Bar(
                month: $0.month, currency: $0.currency, minorUnits: $0.netMinorUnits,
                label: Money(minorUnits: $0.netMinorUnits, currency: $0.currency).formatted)
        }
        let pages = max(1, (total + DonationStore.pageSize - 1) / DonationStore.pageSize)
        func link(_ number: Int) -> Link {
            var page = query
            page.page = number
            return .admin(.donations(page))
        }
        let model = DonationListModel(
            chrome: try await app.adminChrome(context, active: .donations(), notice: request.adminNotice),
            table: donations.map { row($0, site.format) }, total: total, query: query,
            currencies: Array(Set(site.settings.donationCurrencies + bars.map(\.currency))).sorted(), months: months, bars: bars,
            recurring: try await DonationStore.monthlyRecurring(on: db).map(\.formatted),
            pager: PagerModel(
                current: query.page, total: pages, previous: query.page > 1 ? link(query.page - 1) : nil,
                next: query.page < pages ? link(query.page + 1) : nil))
        return AppServices.adminPage(DonationsView.list(model))
    }

    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        let site = try await app.site.current(on: db)
        guard let id = context.parameters.get("id").flatMap(Int.init), let donation = try await DonationStore.find(Donation.ID(id), on: db)
        else { throw DomainError.notFound("There is no such donation.") }
        let head = donation.parentID ?? donation.id
        let series =
            donation.frequency.isRecurring
            ? try await DonationStore.forDonor(key: donation.donorKey, on: db).filter {
                ($0.parentID ?? $0.id) == head && $0.id != donation.id
            } : []
        let facts: [(String, String)] = [
            ("Reference", donation.reference),
            ("Donor", donation.isAnonymous ? "\(donation.donorName) (asked to stay anonymous)" : donation.donorName),
            ("Email", donation.donorEmail), ("Started", site.format.dateTimeWithZone(donation.createdAt)),
            ("Received", donation.completedAt.map(site.format.dateTimeWithZone) ?? "not yet"),
            (
                "Covers the fee",
                donation.feeCoverMinorUnits > 0
                    ? Money(minorUnits: donation.feeCoverMinorUnits, currency: donation.amount.currency).formatted : "no"
            ),
            ("Refunded", Money(minorUnits: donation.facts.refundedMinorUnits, currency: donation.amount.currency).formatted),
            ("Recurring gift", donation.subscriptionStatus.map { $0 == .active ? "running" : "stopped" } ?? "—"),
            ("Provider payment", donation.providerPaymentID ?? "—"), ("Provider capture", donation.providerChargeID ?? "—"),
            ("Provider subscription", donation.providerSubscriptionID ?? "—"), ("Provider customer", donation.providerCustomerID ?? "—"),
            ("Message", donation.message.isEmpty ? "—" : donation.message),
            ("On the supporters page", donation.listPublicly ? "yes" : "no"),
        ]
        let events = try await DonationStore.events(of: donation.id, on: db).map {
            DonationShowModel.Event(
                date: site.format.dateTimeWithZone($0.receivedAt), type: $0.type, eventID: $0.eventID, summary: $0.summary)
        }
        return AppServices.adminPage(
            DonationsView.show(
                DonationShowModel(
                    chrome: try await app.adminChrome(context, active: .donations()), row: row(donation, site.format), facts: facts,
                    events: events, related: series.map { row($0, site.format) })))
    }

    /// Every gift the filters match, as CSV; cells that a spreadsheet would run as a formula are
    /// neutralised.
    @Sendable static func export(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        let donations = try await DonationStore.all(try DonationListQuery(QueryString(request.uri.query)), on: db)
        var csv = SubscriberCSV.line([
            "reference", "created", "received", "donor", "email", "amount", "currency", "refunded", "status", "frequency", "provider",
            "provider_payment", "fee_cover", "anonymous", "message",
        ])
        for donation in donations {
            csv += SubscriberCSV.line([
                donation.reference, DisplayFormat.iso8601(donation.createdAt), donation.completedAt.map(DisplayFormat.iso8601) ?? "",
                donation.donorName, donation.donorEmail, donation.amount.plain, donation.amount.currency,
                Money(minorUnits: donation.facts.refundedMinorUnits, currency: donation.amount.currency).plain,
                donation.status.rawValue, donation.frequency.rawValue, donation.provider.rawValue, donation.providerPaymentID ?? "",
                Money(minorUnits: donation.feeCoverMinorUnits, currency: donation.amount.currency).plain,
                donation.isAnonymous ? "yes" : "", donation.message,
            ])
        }
        let stamp = DisplayFormat.iso8601(app.time.now()).prefix(10)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"donations-\(stamp).csv\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: .init(string: csv)))
    }

    /// "$120.00 · €35.00": what this calendar month (UTC) has kept so far, per currency.
    static func thisMonth(now: Date, currency: String?, on db: any Database) async throws -> String {
        let month = UTCCalendar.monthKey(now)
        let totals = try await DonationStore.monthlyTotals(since: UTCCalendar.monthStart(month) ?? now, on: db).filter { $0.month == month }
        guard !totals.isEmpty else { return Money(minorUnits: 0, currency: currency ?? "USD").formatted }
        return totals.map { Money(minorUnits: $0.netMinorUnits, currency: $0.currency).formatted }.joined(separator: " · ")
    }

    static func row(_ donation: Donation, _ format: DisplayFormat) -> DonationListModel.Row {
        DonationListModel.Row(
            id: donation.id, reference: donation.reference, date: format.date(donation.createdAt),
            donor: donation.donorName.isEmpty ? "—" : donation.donorName, email: donation.donorEmail, amount: donation.amount.formatted,
            refunded: donation.facts.refundedMinorUnits > 0
                ? Money(minorUnits: donation.facts.refundedMinorUnits, currency: donation.amount.currency).formatted : nil,
            status: donation.status, frequency: donation.frequency, provider: donation.provider,
            series: donation.parentID == nil ? donation.subscriptionStatus.map { $0 == .active ? "Running" : "Stopped" } : "Renewal")
    }
}
