import Domain
import Forms
import Foundation
import Hummingbird
import NIOPosix
import Persistence
import Routes
import Views

/// The media library: upload (checked by content, resized), describe, delete.
enum MediaController {
    static let pageSize = 24

    @Sendable static func index(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await library(request, context, app, error: nil)
    }

    static func library(_ request: Request, _ context: AppRequestContext, _ app: AppServices, error: String?) async throws -> Response {
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let page = try ListingPage(parameter: QueryString(request.uri.query)["page"], size: pageSize)
        let result = try await MediaStore.list(page: page, on: db)
        let tiles = result.items.map { item in
            MediaTileModel(
                href: "/admin/media/\(item.id)", thumbnail: SiteURL.media(item.variants.first?.fileName ?? item.fileName).path,
                alt: item.alt,
                details: "\(item.width) × \(item.height) · \(site.format.date(item.createdAt))")
        }
        let pager = PagerModel(
            current: page.number, total: result.pageCount, previousHref: result.hasPrevious ? "/admin/media?page=\(page.number - 1)" : nil,
            nextHref: result.hasNext ? "/admin/media?page=\(page.number + 1)" : nil)
        let chrome = try await app.adminChrome(context, active: "/admin/media", notice: AdminNotice.from(request))
        return AppServices.adminPage(
            MediaPages.library(chrome, tiles: tiles, pager: pager, error: error), status: error == nil ? .ok : .unprocessableContent)
    }

    @Sendable static func upload(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        guard let file = context.form.files("file").first, file.body.readableBytes > 0 else {
            return try await library(request, context, app, error: "Choose an image to upload.")
        }
        let bytes = Array(file.body.readableBytesView)
        let output: ImageProcessor.Output
        do {
            output = try await app.imageGate.run { try ImageProcessor.process(bytes) }
        } catch let failure as ImageProcessor.Failure {
            return try await library(request, context, app, error: failure.message)
        }
        let item = try await MediaLibrary.store(
            output, originalName: file.fileName ?? "upload", by: staff, now: app.time.now(), folder: MediaFiles.folder(app.config),
            on: try app.db())
        return SignInController.redirect("/admin/media/\(item.id)?done=uploaded")
    }

    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let item = try await load(context, app)
        return try await page(item, alt: item.alt, caption: item.caption, errors: [:], request, context, app)
    }

    @Sendable static func describe(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let item = try await load(context, app)
        guard item.canDescribe(try context.requireStaff()) else { throw AdminError.forbidden }
        let alt = (context.form["alt"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let caption = (context.form["caption"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [String: String] = [:]
        if alt.isEmpty {
            errors["alt"] = "Describe what the image shows."
        } else if alt.count > 300 {
            errors["alt"] = "Keep alt text under 300 characters."
        }
        if caption.count > 300 { errors["caption"] = "Keep the caption under 300 characters." }
        guard errors.isEmpty else {
            return try await page(item, alt: alt, caption: caption, errors: errors, request, context, app, status: .unprocessableContent)
        }
        try await MediaStore.describe(item.id, alt: alt, caption: caption, on: try app.db())
        return SignInController.redirect("/admin/media/\(item.id)?done=described")
    }

    @Sendable static func delete(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let item = try await load(context, app)
        let db = try app.db()
        guard try await !MediaStore.isInUse(fileName: item.fileName, on: db) else {
            throw DomainError.conflict("This image is a feature image; choose another image for those articles first.")
        }
        for file in try await MediaStore.delete(item.id, on: db) {
            try? FileManager.default.removeItem(atPath: MediaFiles.folder(app.config) + "/" + file)
        }
        return SignInController.redirect("/admin/media?done=deleted")
    }

    static func load(_ context: AppRequestContext, _ app: AppServices) async throws -> MediaItem {
        guard let item = try await MediaStore.find(.init(try context.requireID("id")), on: try app.db()) else {
            throw DomainError.notFound("That image does not exist.")
        }
        return item
    }

    static func page(
        _ item: MediaItem, alt: String, caption: String, errors: [String: String], _ request: Request, _ context: AppRequestContext,
        _ app: AppServices, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let feature = item.featureImage(path: { SiteURL.media($0).path }, caption: caption)
        let chrome = try await app.adminChrome(context, active: "/admin/media", notice: AdminNotice.from(request))
        let canDelete = context.staff?.can(.manageMedia) ?? false
        let html = MediaPages.item(
            chrome, image: feature.path, srcset: feature.srcset, alt: alt, caption: caption,
            details: [
                "\(item.width) × \(item.height) pixels, \(item.format.rawValue.uppercased()), \(max(1, item.bytes / 1024)) KB",
                "Uploaded as “\(item.originalName)” on \(site.format.dateTime(item.createdAt))",
                item.variants.isEmpty
                    ? "No resized copies (small or animated image)"
                    : "Resized copies: " + item.variants.map { "\($0.width) px" }.joined(separator: ", "),
            ], errors: errors, action: (context.staff.map(item.canDescribe) ?? false) ? "/admin/media/\(item.id)" : nil,
            deleteAction: canDelete ? "/admin/media/\(item.id)/delete" : nil,
            inUse: try await MediaStore.isInUse(fileName: item.fileName, on: db))
        return AppServices.adminPage(html, status: status)
    }
}
