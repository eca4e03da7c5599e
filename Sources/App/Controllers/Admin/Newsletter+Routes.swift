import Domain

/// The back office's newsletter routes (owners and editors).
func registerNewsletterRoutes(_ admin: AdminRouter, _ app: AppServices) {
    let access = RouteAccess.staff(.manageNewsletter)
    admin.get("/admin/newsletter", access) { try await NewsletterAdminController.index($0, $1, app) }
    admin.get("/admin/newsletter/lists/new", access) { try await NewsletterAdminController.new($0, $1, app) }
    admin.post("/admin/newsletter/lists", access, body: .form(repeating: ["section"])) {
        try await NewsletterAdminController.create($0, $1, app)
    }
    admin.get("/admin/newsletter/lists/:id", access) { try await NewsletterAdminController.edit($0, $1, app) }
    admin.post("/admin/newsletter/lists/:id", access, body: .form(repeating: ["section"])) {
        try await NewsletterAdminController.update($0, $1, app)
    }
    admin.post("/admin/newsletter/lists/:id/delete", access) { try await NewsletterAdminController.delete($0, $1, app) }

    admin.get("/admin/newsletter/subscribers", access) { try await SubscribersController.index($0, $1, app) }
    admin.get("/admin/newsletter/subscribers.csv", access) { try await SubscribersController.export($0, $1, app) }
    admin.post("/admin/newsletter/subscribers/import", access, body: BodyRules(limit: BodyRules.upload.limit, repeatable: ["newsletter"])) {
        try await SubscribersController.importCSV($0, $1, app)
    }
    admin.post("/admin/newsletter/subscribers/:id/delete", access) { try await SubscribersController.delete($0, $1, app) }
    admin.post("/admin/newsletter/subscribers/:id/unsuppress", access) { try await SubscribersController.unsuppress($0, $1, app) }

    admin.get("/admin/newsletter/editions/new", access) { try await EditionsController.new($0, $1, app) }
    admin.post("/admin/newsletter/editions", access) { try await EditionsController.create($0, $1, app) }
    admin.get("/admin/newsletter/editions/:id", access) { try await EditionsController.show($0, $1, app) }
    admin.post("/admin/newsletter/editions/:id", access) { try await EditionsController.update($0, $1, app) }
    admin.get("/admin/newsletter/editions/:id/preview", access) { try await EditionsController.preview($0, $1, app) }
    admin.get("/admin/newsletter/editions/:id/progress", access) { try await EditionsController.progress($0, $1, app) }
    admin.get("/admin/newsletter/editions/:id/log", access) { try await EditionsController.log($0, $1, app) }
    admin.post("/admin/newsletter/editions/:id/test", access) { try await EditionsController.sendTest($0, $1, app) }
    admin.post("/admin/newsletter/editions/:id/schedule", access) { try await EditionsController.schedule($0, $1, app) }
    admin.post("/admin/newsletter/editions/:id/send", access) { try await EditionsController.send($0, $1, app) }
    admin.post("/admin/newsletter/editions/:id/pause", access) { try await EditionsController.pause($0, $1, app) }
    admin.post("/admin/newsletter/editions/:id/resume", access) { try await EditionsController.resume($0, $1, app) }
    admin.post("/admin/newsletter/editions/:id/delete", access) { try await EditionsController.delete($0, $1, app) }
}
