import Domain
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Persistence
import Views

/// `/admin/newsletter`: the overview, and creating and changing newsletters.
enum NewsletterAdminController {
    @Sendable static func index(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let counts = try await SubscriberDirectory.counts(on: db)
        let newsletters = try await NewsletterStore.all(on: db)
        let audience = try await NewsletterStore.audienceSizes(now: app.time.now(), on: db)
        let editions = try await EditionsController.rows(
            try await EditionStore.recent(limit: 30, on: db), newsletters: newsletters, site: site, on: db)
        let model = NewsletterOverviewModel(
            chrome: try await app.adminChrome(context, active: "/admin/newsletter", notice: AdminNotice.from(request)),
            counts: [SubscriberDirectory.StatusFilter.confirmed, .pending, .unsubscribed, .suppressed].map { status in
                CountModel(label: status.label, count: counts[status] ?? 0, href: "/admin/newsletter/subscribers?status=\(status.rawValue)")
            },
            newsletters: newsletters.map {
                NewsletterRowModel(
                    id: $0.id.rawValue, name: $0.name, schedule: $0.schedule.label, audience: audience[$0.id] ?? 0, isDefault: $0.isDefault)
            }, editions: editions)
        return AppServices.adminPage(NewsletterOverview.render(model))
    }

    @Sendable static func new(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await form(id: nil, values: ["schedule": "daily", "time": "07:00", "weekday": "7"], sections: [], errors: [:], context, app)
    }

    @Sendable static func edit(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let newsletter = try await require(context, app)
        var values = ["name": newsletter.name, "sender": newsletter.senderName, "description": newsletter.description]
        switch newsletter.schedule {
        case .manual: values["schedule"] = "manual"
        case .daily(let hour, let minute): values.merge(["schedule": "daily", "time": clock(hour, minute)]) { $1 }
        case .weekly(let weekday, let hour, let minute):
            values.merge(["schedule": "weekly", "weekday": String(weekday), "time": clock(hour, minute)]) { $1 }
        }
        if newsletter.isDefault { values["default"] = "on" }
        return try await form(
            id: newsletter.id.rawValue, values: values, sections: newsletter.sectionIDs, errors: [:], context, app,
            notice: AdminNotice.from(request))
    }

    @Sendable static func create(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let (changes, errors) = read(context.form)
        guard let changes, errors.isEmpty else { return try await invalid(id: nil, errors, context, app) }
        do {
            let id = try await NewsletterStore.create(changes, now: app.time.now(), on: try app.db())
            return SignInController.redirect("/admin/newsletter/lists/\(id)?done=saved")
        } catch DomainError.conflict(let message) {
            return try await invalid(id: nil, ["name": message], context, app)
        }
    }

    @Sendable static func update(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let newsletter = try await require(context, app)
        let (changes, errors) = read(context.form)
        guard let changes, errors.isEmpty else { return try await invalid(id: newsletter.id.rawValue, errors, context, app) }
        try await NewsletterStore.update(newsletter.id, changes, on: try app.db())
        return SignInController.redirect("/admin/newsletter/lists/\(newsletter.id)?done=saved")
    }

    @Sendable static func delete(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let newsletter = try await require(context, app)
        try await NewsletterStore.delete(newsletter.id, on: try app.db())
        return SignInController.redirect("/admin/newsletter?done=deleted")
    }

    /// The form's fields as changes, or what is wrong with them.
    static func read(_ form: AdminForm) -> (NewsletterStore.Changes?, [String: String]) {
        var errors: [String: String] = [:]
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let sender = (form["sender"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let description = (form["description"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 80 { errors["name"] = "Give the newsletter a name (up to 80 characters)." }
        if sender.count > 80 { errors["sender"] = "Keep the sender name under 80 characters." }
        if description.count > 300 { errors["description"] = "Keep the description under 300 characters." }
        let time = (form["time"] ?? "").split(separator: ":").compactMap { Int($0) }
        let validTime = time.count == 2 && (0..<24).contains(time[0]) && (0..<60).contains(time[1])
        var schedule: NewsletterSchedule?
        switch form["schedule"] {
        case "manual": schedule = .manual
        case "daily" where validTime: schedule = .daily(hour: time[0], minute: time[1])
        case "weekly" where validTime:
            if let weekday = Int(form["weekday"] ?? ""), (1...7).contains(weekday) {
                schedule = .weekly(weekday: weekday, hour: time[0], minute: time[1])
            } else {
                errors["schedule"] = "Choose the day of the week."
            }
        case "daily", "weekly": errors["time"] = "Give the time as hours and minutes, like 07:00."
        default: errors["schedule"] = "Choose how often it is sent."
        }
        guard errors.isEmpty, let schedule else { return (nil, errors) }
        let sections = form.all("section").compactMap { Int($0) }.map(Section.ID.init)
        return (
            NewsletterStore.Changes(
                name: name, description: description, senderName: sender.isEmpty ? name : sender, schedule: schedule, sectionIDs: sections,
                isDefault: form["default"] == "on"), [:]
        )
    }

    static func invalid(id: Int?, _ errors: [String: String], _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        var values: [String: String] = [:]
        for key in ["name", "sender", "description", "schedule", "weekday", "time", "default"] { values[key] = context.form[key] }
        let sections = context.form.all("section").compactMap { Int($0) }.map(Section.ID.init)
        return try await form(id: id, values: values, sections: sections, errors: errors, context, app, status: .unprocessableContent)
    }

    static func form(
        id: Int?, values: [String: String], sections: [Section.ID], errors: [String: String], _ context: AppRequestContext,
        _ app: AppServices,
        status: HTTPResponse.Status = .ok, notice: String? = nil
    ) async throws -> Response {
        let site = try await app.site.current(on: try app.db())
        let options = site.sections.map { (value: String($0.id.rawValue), label: $0.name, checked: sections.contains($0.id)) }
        let chrome = try await app.adminChrome(context, active: "/admin/newsletter", notice: notice)
        return AppServices.adminPage(
            NewsletterForm.render(chrome, id: id, values: values, sections: options, errors: errors), status: status)
    }

    static func require(_ context: AppRequestContext, _ app: AppServices) async throws -> Newsletter {
        guard let newsletter = try await NewsletterStore.find(.init(try context.requireID("id")), on: try app.db()) else {
            throw DomainError.notFound("That newsletter no longer exists.")
        }
        return newsletter
    }

    static func clock(_ hour: Int, _ minute: Int) -> String {
        String(format: "%02d:%02d", hour, minute)
    }
}
