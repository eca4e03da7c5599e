import Domain
import Forms
import Foundation
import Hummingbird
import Logging
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
            MediaLibraryModel.Tile(
                id: item.id, thumbnail: .media(item.variants.first?.fileName ?? item.fileName), alt: item.alt,
                details: "\(item.width) × \(item.height) · \(site.format.date(item.createdAt))")
        }
        let chrome = try await app.adminChrome(context, active: .media(), notice: request.adminNotice)
        let model = MediaLibraryModel(chrome: chrome, tiles: tiles, pager: PagerModel(result) { .admin(.media(page: $0)) }, error: error)
        return AppServices.adminPage(MediaView.library(model), status: error == nil ? .ok : .unprocessableContent)
    }

    @Sendable static func upload(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        guard let file = context.form.files(UploadForm.Field.file).first, file.body.readableBytes > 0 else {
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
        return .redirect(to: .mediaItem(item.id), notice: .uploaded)
    }

    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let item = try await load(context, app)
        return try await page(
            item, form: MediaDescriptionForm(alt: item.alt, caption: item.caption), errors: FormErrors(), request, context, app)
    }

    @Sendable static func describe(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let item = try await load(context, app)
        guard item.canDescribe(try context.requireStaff()) else { throw AdminError.forbidden }
        let form = MediaDescriptionForm(context.form)
        let errors = form.validate()
        guard errors.isEmpty else {
            return try await page(item, form: form, errors: errors, request, context, app, status: .unprocessableContent)
        }
        try await MediaStore.describe(item.id, alt: form.alt, caption: form.caption, on: try app.db())
        return .redirect(to: .mediaItem(item.id), notice: .described)
    }

    @Sendable static func delete(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let item = try await load(context, app)
        let db = try app.db()
        guard try await !MediaStore.isInUse(fileName: item.fileName, on: db) else {
            throw DomainError.conflict("This image is a feature image; choose another image for those articles first.")
        }
        for file in try await MediaStore.delete(item.id, on: db) {
            do {
                try FileManager.default.removeItem(atPath: MediaFiles.folder(app.config) + "/" + file)
            } catch {
                // The row is gone, so the image is no longer offered; the file only takes space.
                app.logger.warning("Could not remove a deleted image's file", metadata: ["file": "\(file)", "error": "\(error)"])
            }
        }
        return .redirect(to: .media(), notice: .deleted)
    }

    static func load(_ context: AppRequestContext, _ app: AppServices) async throws -> MediaItem {
        guard let item = try await MediaStore.find(.init(try context.requireID("id")), on: try app.db()) else {
            throw DomainError.notFound("That image does not exist.")
        }
        return item
    }

    static func page(
        _ item: MediaItem, form: MediaDescriptionForm, errors: FormErrors<MediaDescriptionForm.Field>, _ request: Request,
        _ context: AppRequestContext, _ app: AppServices, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let feature = item.featureImage(path: { SiteURL.media($0).path }, caption: form.caption)
        let model = MediaItemModel(
            chrome: try await app.adminChrome(context, active: .media(), notice: request.adminNotice), id: item.id, image: feature.path,
            srcset: feature.srcset, form: form, errors: errors,
            details: [
                "\(item.width) × \(item.height) pixels, \(item.format.rawValue.uppercased()), \(max(1, item.bytes / 1024)) KB",
                "Uploaded as “\(item.originalName)” on \(site.format.dateTime(item.createdAt))",
                item.variants.isEmpty
                    ? "No resized copies (small or animated image)"
                    : "Resized copies: " + item.variants.map { "\($0.width) px" }.joined(separator: ", "),
            ], canDescribe: item.canDescribe(staff), canDelete: staff.can(.manageMedia),
            inUse: try await MediaStore.isInUse(fileName: item.fileName, on: db))
        return AppServices.adminPage(MediaView.item(model), status: status)
    }
}
