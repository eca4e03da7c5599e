import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Persistence
import TestSupport
import Testing

@testable import App

/// What a staff member writes must not act on whoever opens it: the probe's contributor-to-owner
/// hijack, the smuggled `status`, the redirecting draft, markup on public pages, and bodies read
/// before anyone is signed in.
@Suite("Drafts cannot act on the staff who open them")
struct EditorHijackTests {
    static let hijack =
        "Please review.\n\n<input type=\"hidden\" name=\"role\" value=\"owner\"><button formaction=\"/admin/staff/4/role\" formmethod=\"post\">Continue</button>"
    static let smuggledStatus = "Draft text.\n\n<input type=\"hidden\" name=\"status\" value=\"published\">"
    static let redirect = "Read me.\n\n<meta http-equiv=\"refresh\" content=\"1;url=https://evil.example/\">"

    /// The start tags of some markup, as a browser would read them.
    static func startTags(_ html: String) -> [(name: String, attributes: [(name: String, value: String)])] {
        HTMLTokenizer(html).compactMap { token in
            guard case .start(let name, let attributes) = token else { return nil }
            return (name, attributes)
        }
    }

    func draft(_ login: StaffLogin, body: String, title: String, client: some TestClientProtocol) async throws -> Int {
        let fields: [(String, String)] = [
            ("_csrf", login.csrf), ("title", title), ("body", body), ("status", "draft"), ("kind", "news"),
            ("author", String(login.member.authorID?.rawValue ?? 0)),
        ]
        let location = try await client.execute(uri: "/admin/articles", method: .post, headers: login.formHeaders, body: formBody(fields)) {
            #expect($0.status == .seeOther)
            return $0.headers[.location] ?? ""
        }
        return try #require(Int(location.split(separator: "/").dropFirst(2).first ?? ""))
    }

    @Test("A contributor's draft puts no control of its own into the owner's editor")
    func noControlsInEditor() async throws {
        try await withApp { client, app in
            let contributor = try await app.staff(.contributor)
            let owner = try await app.staff(.owner)
            let id = try await draft(contributor, body: Self.hijack, title: "Hijack", client: client)
            let stored = try #require(try await ArticleStore.editable(.init(id), on: try app.db()))
            #expect(!stored.draft.bodyMarkdown.isEmpty)
            let page = try await client.execute(uri: "/admin/articles/\(id)/edit", method: .get, headers: owner.headers) { $0.text }
            let form = try #require(page.range(of: "<form class=\"editor\"").map { page[$0.lowerBound...] })
            let editorForm = String(form[..<(form.range(of: "</form>")?.upperBound ?? form.endIndex)])
            let attributes = Self.startTags(editorForm).flatMap(\.attributes)
            #expect(!attributes.contains { $0.name == "formaction" })
            #expect(!attributes.contains { $0.name == "name" && $0.value == "role" })
            // The preview is a sandboxed frame after the form; the draft's markup is only text in it.
            #expect(!attributes.contains { $0.name == "srcdoc" })
            #expect(page.contains("<iframe class=\"editor__preview-frame\" sandbox=\"\""))
            #expect(!page.contains("<button formaction"))
            let role = try await StaffStore.account(contributor.member.id, on: try app.db())?.member.role
            #expect(role == .contributor)
        }
    }

    @Test("The stored body of a draft keeps its text and loses every form control")
    func storedBodySanitised() async throws {
        try await withApp { client, app in
            let contributor = try await app.staff(.contributor)
            let id = try await draft(contributor, body: Self.hijack, title: "Stored", client: client)
            let html = try #require(try await ArticleStore.find(.init(id), on: try app.db())).bodyHTML
            #expect(html.contains("Please review."))
            #expect(html.contains("Continue"))
            #expect(!html.contains("<input"))
            #expect(!html.contains("<button"))
        }
    }

    @Test("A status smuggled in beside the real one is refused, and the draft stays a draft")
    func duplicateStatus() async throws {
        try await withApp { client, app in
            let editor = try await app.staff(.editor)
            let id = try await draft(editor, body: Self.smuggledStatus, title: "Smuggled", client: client)
            let fields: [(String, String)] = [
                ("_csrf", editor.csrf), ("version", "1"), ("title", "Smuggled"), ("body", Self.smuggledStatus),
                ("status", "published"), ("status", "draft"), ("kind", "news"), ("author", String(editor.member.authorID?.rawValue ?? 0)),
            ]
            try await client.execute(uri: "/admin/articles/\(id)", method: .post, headers: editor.formHeaders, body: formBody(fields)) {
                #expect($0.status == .badRequest)
                #expect($0.text.contains("The form sent “status” more than once"))
            }
            let stored = try #require(try await ArticleStore.editable(.init(id), on: try app.db()))
            #expect(stored.draft.status == .draft)
            #expect(try await client.execute(uri: "/smuggled/", method: .get) { $0.status } == .notFound)
        }
    }

    @Test("A draft cannot send the editor's browser elsewhere")
    func noRefresh() async throws {
        try await withApp { client, app in
            let editor = try await app.staff(.editor)
            let id = try await draft(editor, body: Self.redirect, title: "Refresh", client: client)
            let page = try await client.execute(uri: "/admin/articles/\(id)/edit", method: .get, headers: editor.headers) { $0.text }
            #expect(!page.lowercased().contains("<meta http-equiv"))
            let preview = try await client.execute(
                uri: "/admin/api/preview", method: .post, headers: editor.formHeaders, body: formBody([("body", Self.redirect)])
            ) { response in
                #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("sandbox") == true)
                return response.text
            }
            #expect(preview.contains("Read me."))
            #expect(!preview.lowercased().contains("http-equiv"))
        }
    }

    @Test("Published bodies reach readers without script, handlers, frames or javascript: links")
    func publicPage() async throws {
        try await withApp { client, app in
            let editor = try await app.staff(.editor)
            let body = """
                Intro.

                <script>alert(1)</script><img src=x onerror=alert(1)><iframe src="https://evil.example"></iframe>\
                <object data="x"></object><embed src="x"><base href="https://evil.example/"><a href="javascript:alert(1)">link</a>

                [x](https://example.com" onmouseover="alert(1))
                """
            let fields: [(String, String)] = [
                ("_csrf", editor.csrf), ("title", "Hostile body"), ("body", body), ("status", "published"), ("kind", "news"),
                ("author", String(editor.member.authorID?.rawValue ?? 0)),
            ]
            try await client.execute(uri: "/admin/articles", method: .post, headers: editor.formHeaders, body: formBody(fields)) {
                #expect($0.status == .seeOther)
            }
            let page = try await client.execute(uri: "/hostile-body/", method: .get) { $0.text }
            let bodyHTML = String(page[try #require(page.range(of: "<div class=\"article__body prose\">"))!.upperBound...].prefix(2000))
            #expect(bodyHTML.contains("Intro."))
            let tags = Self.startTags(bodyHTML)
            for forbidden in ["script", "iframe", "object", "embed", "base"] {
                #expect(!tags.contains { $0.name == forbidden }, "<\(forbidden)> reached the public page")
            }
            for attribute in tags.flatMap(\.attributes) {
                #expect(!attribute.name.hasPrefix("on"), "\(attribute.name) reached the public page")
                #expect(!attribute.value.hasPrefix("javascript:"), "\(attribute.value) reached the public page")
            }
        }
    }

    @Test("Nobody's body is read before they are known; forms that are not uploads take small bodies")
    func bodiesAfterAuth() async throws {
        try await withApp { client, app in
            let owner = try await app.staff(.owner)
            let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: 12_500_000)
            try await client.execute(
                uri: "/admin/media", method: .post, headers: [.contentType: "multipart/form-data; boundary=x"], body: big
            ) {
                #expect($0.status == .seeOther)
                #expect($0.headers[.location]?.hasPrefix("/admin/sign-in") == true)
            }
            var headers = owner.formHeaders
            headers[.contentType] = "multipart/form-data; boundary=x"
            try await client.execute(
                uri: "/admin/settings", method: .post, headers: headers, body: ByteBuffer(repeating: 0x61, count: 3_000_000)
            ) { #expect($0.status == .contentTooLarge) }
            try await client.execute(
                uri: "/admin/sign-in", method: .post, headers: formHeaders, body: ByteBuffer(repeating: 0x61, count: 100_000)
            ) { #expect($0.status == .contentTooLarge) }
        }
    }
}
