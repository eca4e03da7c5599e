import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Persistence
import TestSupport
import Testing

@testable import App

@Suite("The media library")
struct MediaTests {
    func upload(_ client: any TestClientProtocol, _ login: StaffLogin, fileName: String, type: String, bytes: [UInt8]) async throws
        -> TestResponse
    {
        var (headers, body) = multipartBody(fields: [("_csrf", login.csrf)], file: ("file", fileName, type, bytes))
        headers[.cookie] = login.cookie
        return try await client.execute(uri: "/admin/media", method: .post, headers: headers, body: body)
    }

    @Test("An image is checked, resized for srcset, needs alt text, and is served with year-long caching, never as HTML")
    func uploadAndUse() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 0, on: try app.db()) }) { client, app in
            let author = try await app.staff(.author)
            let photo = SampleImages.jpeg(index: 3, section: "news")
            let location = try await upload(client, author, fileName: "bridge.JPG", type: "image/jpeg", bytes: photo).headers[.location]
            let itemPath = try #require(location?.split(separator: "?").first.map(String.init))
            let id = try #require(Int(itemPath.split(separator: "/").last ?? ""))
            let item = try #require(try await MediaStore.find(.init(id), on: try app.db()))
            #expect(item.format == .jpeg && item.width == 1600 && item.height == 900)
            #expect(item.variants.map(\.width) == [480, 960])
            for file in [item.fileName] + item.variants.map(\.fileName) {
                try await client.execute(uri: "/media/\(file)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "image/jpeg")
                    #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
                    #expect(response.body.readableBytes > 1000)
                }
            }
            // Not usable before it has alt text.
            let section = try #require(try await ContentQueries.section(slug: "news", on: try app.db()))
            let article: [(String, String)] = [
                ("_csrf", author.csrf), ("title", "With a picture"), ("body", "Text."), ("status", "published"), ("kind", "news"),
                ("section", String(section.id.rawValue)), ("author", String(author.member.authorID?.rawValue ?? 0)), ("image", String(id)),
                ("image_caption", "The bridge at dawn."),
            ]
            try await client.execute(uri: "/admin/articles", method: .post, headers: author.formHeaders, body: formBody(article)) {
                response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Add alt text to this image in the media library before using it."))
            }
            try await client.execute(
                uri: "/admin/media/\(id)", method: .post, headers: author.formHeaders,
                body: formBody([("_csrf", author.csrf), ("alt", ""), ("caption", "")])
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Describe what the image shows."))
            }
            try await client.execute(
                uri: "/admin/media/\(id)", method: .post, headers: author.formHeaders,
                body: formBody([("_csrf", author.csrf), ("alt", "A steel bridge over a river at sunrise"), ("caption", "")])
            ) { _ in }
            try await client.execute(uri: "/admin/articles", method: .post, headers: author.formHeaders, body: formBody(article)) {
                #expect($0.status == .seeOther)
            }
            let page = try await client.execute(uri: "/with-a-picture/", method: .get) { $0.text }
            #expect(page.contains("alt=\"A steel bridge over a river at sunrise\""))
            #expect(
                page.contains(
                    "srcset=\"/media/\(item.variants[0].fileName) 480w, /media/\(item.variants[1].fileName) 960w, /media/\(item.fileName) 1600w\""
                ))
            #expect(page.contains("<figcaption>The bridge at dawn.</figcaption>"))
        }
    }

    @Test(
        "Files that lie about being images, damaged images and huge ones are refused with a reason",
        arguments: [
            ("evil.png", "image/png", Array("<html><script>alert(1)</script></html>".utf8), "is not a JPEG, PNG, WebP or GIF image"),
            (
                "cut.jpg", "image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + Array(repeating: 0x41, count: 40),
                "is not a JPEG, PNG, WebP or GIF image"
            ),
            (
                "bomb.png", "image/png",
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [
                    0, 1, 0, 0, 0, 1, 0, 0, 8, 2, 0, 0, 0, 0, 0, 0, 0,
                ], "at most 50 megapixels"
            ),
            (
                "broken.png", "image/png",
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [
                    0, 0, 0, 8, 0, 0, 0, 8, 8, 2, 0, 0, 0, 1, 2, 3, 4,
                ], "damaged"
            ),
        ] as [(String, String, [UInt8], String)])
    func rejects(fileName: String, type: String, bytes: [UInt8], reason: String) async throws {
        try await withApp { client, app in
            let author = try await app.staff(.author)
            let response = try await upload(client, author, fileName: fileName, type: type, bytes: bytes)
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains(reason))
            #expect(try await MediaStore.list(page: .init(number: 1, size: 5), on: try app.db()).totalCount == 0)
        }
    }

    @Test("A media file is never served as a page, whatever its name")
    func neverHTML() async throws {
        try await withApp { client, app in
            let folder = app.services.config.dataDirectory + "/media"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data("<script>alert(1)</script>".utf8).write(to: URL(fileURLWithPath: folder + "/page.html"))
            #expect(try await client.execute(uri: "/media/page.html", method: .get) { $0.status } == .notFound)
        }
    }
}
