import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Persistence
import Routes
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
            let section = try #require(try await SectionStore.find(slug: "news", on: try app.db()))
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
        "The editor's picker finds described images by their words, page by page; an image written into the body gets its size and copies")
    func pickerAndBodyImages() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 0, on: try app.db()) }) { client, app in
            let editor = try await app.staff(.editor)
            var ids: [Int] = []
            for index in 0..<3 {
                let location = try await upload(
                    client, editor, fileName: "photo\(index).jpg", type: "image/jpeg",
                    bytes: SampleImages.jpeg(index: index, section: "news")
                ).headers[.location]
                ids.append(try #require(Int(location?.split(separator: "?").first?.split(separator: "/").last ?? "")))
            }
            for (id, alt) in zip(ids, ["The river at dawn", "Council chamber, empty", ""]) {
                try await MediaStore.describe(.init(id), alt: alt, caption: "", on: try app.db())
            }
            // Only described images, newest first; words in any case.
            let all = try await client.execute(uri: AdminURL.mediaPicker().path, method: .get, headers: editor.headers) { $0 }
            #expect(all.status == .ok && all.headers[.contentType] == "application/json")
            let page = try JSONDecoder().decode(PickerPage.self, from: Data(all.body.readableBytesView))
            #expect(page.items.map(\.alt) == ["Council chamber, empty", "The river at dawn"])
            #expect(page.total == 2 && page.next == nil)
            let found = try await client.execute(
                uri: AdminURL.mediaPicker(.init(search: "RIVER dawn")).path, method: .get, headers: editor.headers
            ) { try JSONDecoder().decode(PickerPage.self, from: Data($0.body.readableBytesView)) }
            #expect(found.items.map(\.id) == [ids[0]])
            let item = try #require(try await MediaStore.find(.init(ids[0]), on: try app.db()))
            #expect(found.items.first?.markdown == "![The river at dawn](/media/\(item.fileName))")
            // A moderator writes no articles and gets no picker.
            let moderator = try await app.staff(.moderator)
            #expect(
                try await client.execute(uri: AdminURL.mediaPicker().path, method: .get, headers: moderator.headers) { $0.status }
                    == .forbidden)

            let section = try #require(try await SectionStore.find(slug: "news", on: try app.db()))
            let fields: [(String, String)] = [
                (AntiForgeryField.token.name, editor.csrf), (ArticleForm.Field.title.name, "Pictured"),
                (ArticleForm.Field.body.name, "Before.\n\n\(found.items[0].markdown)\n\nAfter."),
                (ArticleForm.Field.status.name, "published"),
                (ArticleForm.Field.kind.name, "news"), (ArticleForm.Field.section.name, section.id.description),
                (ArticleForm.Field.authors.name, (try await Fixtures.author("Pia Picture", on: try app.db())).id.description),
            ]
            try await client.execute(uri: AdminURL.article(nil).path, method: .post, headers: editor.formHeaders, body: formBody(fields)) {
                #expect($0.status == .seeOther)
            }
            let html = try await client.execute(uri: "/pictured/", method: .get) { $0.text }
            #expect(
                html.contains(
                    "<img src=\"/media/\(item.fileName)\" alt=\"The river at dawn\" width=\"1600\" height=\"900\" srcset=\"/media/\(item.variants[0].fileName) 480w, /media/\(item.variants[1].fileName) 960w, /media/\(item.fileName) 1600w\""
                ))
        }
    }

    struct PickerPage: Decodable {
        struct Item: Decodable {
            var id: Int
            var alt: String
            var markdown: String
        }

        var items: [Item]
        var total: Int
        var next: String?
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
                ], "at most 25 megapixels"
            ),
            (
                "7000x7000.png", "image/png",
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [
                    0, 0, 0x1B, 0x58, 0, 0, 0x1B, 0x58, 8, 2, 0, 0, 0, 0, 0, 0, 0,
                ], "at most 25 megapixels"
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

    /// A 1×1 GIF with a comment, an XMP block and a script after its end.
    static let gifWithPayload: [UInt8] =
        Array("GIF89a".utf8) + [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF]
        + [0x21, 0xFE, 0x07] + Array("comment".utf8) + [0x00]
        + [0x21, 0xFF, 0x0B] + Array("XMP DataXMP".utf8) + [0x04] + Array("<x/>".utf8) + [0x00]
        + [0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00]
        + [0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B]
        + Array("<?php system($_GET['c']); ?>".utf8)

    @Test("An uploaded GIF is stored without comments, foreign blocks or bytes after its end")
    func gifStripped() async throws {
        try await withApp { client, app in
            let author = try await app.staff(.author)
            let response = try await upload(client, author, fileName: "dot.gif", type: "image/gif", bytes: Self.gifWithPayload)
            #expect(response.status == .seeOther)
            let item = try #require(try await MediaStore.list(page: .init(number: 1, size: 5), on: try app.db()).items.first)
            let stored = try Data(contentsOf: URL(fileURLWithPath: app.services.config.dataDirectory + "/media/" + item.fileName))
            let text = String(decoding: stored, as: UTF8.self)
            #expect(stored.last == 0x3B)
            #expect(!text.contains("<?php") && !text.contains("comment") && !text.contains("XMP"))
            #expect(item.width == 1 && item.height == 1)
        }
    }

    @Test("A JPEG far wider than we store is scaled down while it is decoded")
    func jpegScaledWhileDecoding() throws {
        let wide = try #require(ImageProcessor.testJPEG(width: 5200, height: 120))
        let decoded = try #require(ImageProcessor.decodeScaledJPEG(wide, atLeast: UploadLimits.maximumWidth))
        #expect(decoded.width == 2600 && decoded.height == 60)
        let output = try ImageProcessor.process(wide)
        #expect(output.width == UploadLimits.maximumWidth)
    }

    @Test("Images are decoded one at a time")
    func oneDecodeAtATime() async throws {
        let gate = ImageGate(capacity: 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { _ = try await gate.run { Thread.sleep(forTimeInterval: 0.05) } }
            }
            try await group.waitForAll()
        }
        #expect(await gate.mostAtOnce == 1)
    }

    @Test("Only the uploader, an editor or the owner may change an image's description")
    func describeOwnOnly() async throws {
        try await withApp { client, app in
            let uploader = try await app.staff(.contributor)
            let other = try await app.staff(.contributor)
            let editor = try await app.staff(.editor)
            let location = try await upload(
                client, uploader, fileName: "a.jpg", type: "image/jpeg", bytes: SampleImages.jpeg(index: 1, section: "news")
            )
            .headers[.location]
            let path = try #require(location?.split(separator: "?").first.map(String.init))
            func describe(_ login: StaffLogin, _ alt: String) async throws -> HTTPResponse.Status {
                try await client.execute(
                    uri: path, method: .post, headers: login.formHeaders,
                    body: formBody([("_csrf", login.csrf), ("alt", alt), ("caption", "")])
                ) { $0.status }
            }
            #expect(try await describe(other, "Defaced") == .forbidden)
            #expect(!(try await client.execute(uri: path, method: .get, headers: other.headers) { $0.text }.contains("name=\"alt\"")))
            #expect(try await describe(uploader, "A bridge") == .seeOther)
            #expect(try await describe(editor, "A steel bridge") == .seeOther)
            let id = try #require(Int(path.split(separator: "/").last ?? ""))
            #expect(try await MediaStore.find(.init(id), on: try app.db())?.alt == "A steel bridge")
        }
    }

    @Test("An upload whose part headers hold bytes above 127 is refused, and the server keeps running")
    func nonASCIIHeaderName() async throws {
        try await withApp { client, app in
            let author = try await app.staff(.author)
            var body = ByteBuffer(string: "--x\r\nContent-")
            body.writeBytes([0xFD])
            body.writeString("Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nbytes\r\n--x--\r\n")
            let headers: HTTPFields = [.cookie: author.cookie, .contentType: "multipart/form-data; boundary=x"]
            try await client.execute(uri: "/admin/media", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("The upload could not be read"))
            }
            #expect(try await client.execute(uri: "/admin/media", method: .get, headers: author.headers) { $0.status } == .ok)
        }
    }
}
