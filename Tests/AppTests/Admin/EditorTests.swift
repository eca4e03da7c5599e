import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing

@testable import App

@Suite("The article editor")
struct EditorTests {
    func fields(
        _ login: StaffLogin, section: Section, title: String, body: String = "Hello **world**.", status: String = "published",
        extra: [(String, String)] = []
    ) -> [(String, String)] {
        [
            ("_csrf", login.csrf), ("title", title), ("body", body), ("standfirst", "In short."), ("status", status), ("kind", "news"),
            ("section", String(section.id.rawValue)), ("author", String(login.member.authorID?.rawValue ?? 0)),
            ("tags", "Transport, River"),
            ("discussion_open", "on"),
        ] + extra
    }

    @Test("Mistakes are shown next to their fields and everything typed comes back")
    func validation() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, app in
            let editor = try await app.staff(.editor)
            let section = try #require(try await SectionStore.find(slug: "news", on: try app.db()))
            let body = "A long body with <b>markup</b> & care that must not be lost."
            try await client.execute(
                uri: "/admin/articles", method: .post, headers: editor.formHeaders,
                body: formBody(
                    fields(
                        editor, section: section, title: "", body: body, status: "scheduled",
                        extra: [("slug", "Bad Slug!"), ("syndication_url", "ftp://x")]))
            ) { response in
                #expect(response.status == .unprocessableContent)
                let html = response.text
                #expect(html.contains("Give the article a title."))
                #expect(html.contains("Use lower-case letters, digits and single hyphens"))
                #expect(html.contains("Choose when the article should be published."))
                #expect(html.contains("Give both the outlet and the original URL, or neither."))
                #expect(html.contains(">A long body with &lt;b&gt;markup&lt;/b&gt; &amp; care that must not be lost.</textarea>"))
                #expect(html.contains("value=\"Transport, River\""))
                #expect(html.contains("aria-invalid=\"true\""))
            }
            #expect(try await ArticleStore.list(.init(), size: 10, on: try app.db()).totalCount == 1)
        }
    }

    @Test("Publishing puts the article on the home page at once; a taken address gets a free suggestion")
    func publish() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 2, on: try app.db()) }) { client, app in
            let editor = try await app.staff(.editor)
            let section = try #require(try await SectionStore.find(slug: "news", on: try app.db()))
            #expect(try await client.execute(uri: "/", method: .get) { $0.text }.contains("Story number 2"))
            try await client.execute(
                uri: "/admin/articles", method: .post, headers: editor.formHeaders,
                body: formBody(fields(editor, section: section, title: "Bridge reopens early"))
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.hasSuffix("done=published") == true)
            }
            let home = try await client.execute(uri: "/", method: .get) { $0.text }
            #expect(home.contains("Bridge reopens early"))
            let article = try await client.execute(uri: "/bridge-reopens-early/", method: .get) { $0.text }
            #expect(article.contains("Hello <strong>world</strong>."))
            #expect(article.contains("<a href=\"/tag/transport/\" rel=\"tag\">Transport</a>"))
            try await client.execute(
                uri: "/admin/articles", method: .post, headers: editor.formHeaders,
                body: formBody(fields(editor, section: section, title: "Bridge reopens early"))
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Another article already uses “bridge-reopens-early”. “bridge-reopens-early-2” is free."))
            }
        }
    }

    @Test("A scheduled article stays private until its time, then the scheduler publishes it")
    func schedule() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, app in
            let author = try await app.staff(.author)
            let section = try #require(try await SectionStore.find(slug: "news", on: try app.db()))
            // 14:00 in the site's time zone (UTC), two hours after the test clock.
            try await client.execute(
                uri: "/admin/articles", method: .post, headers: author.formHeaders,
                body: formBody(
                    fields(
                        author, section: section, title: "Evening briefing", status: "scheduled",
                        extra: [("publish_at", "2026-11-24T14:00")]))
            ) { #expect($0.headers[.location]?.hasSuffix("done=scheduled") == true) }
            #expect(try await client.execute(uri: "/evening-briefing/", method: .get) { $0.status } == .notFound)
            app.time.advance(by: 2 * 3600 + 1)
            await PublishScheduler(services: app.services, interval: .seconds(3600)).tick()
            #expect(try await client.execute(uri: "/", method: .get) { $0.text }.contains("Evening briefing"))
        }
    }

    @Test("Autosave from a second tab based on an older version is refused and nothing is overwritten")
    func autosaveConflict() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, app in
            let editor = try await app.staff(.editor)
            let section = try #require(try await SectionStore.find(slug: "news", on: try app.db()))
            let id = try await ArticleStore.create(
                ArticleDraft(
                    slug: "draft-piece", title: "Draft piece", standfirst: "", bodyMarkdown: "First.", status: .draft,
                    sectionID: section.id, authorIDs: [try #require(editor.member.authorID)], publishedAt: nil),
                body: .init(html: "<p>First.</p>", text: "First.", wordCount: 1), now: app.time.now(), on: try app.db())
            let tabA = fields(
                editor, section: section, title: "Draft piece", body: "Tab A's text.", status: "draft", extra: [("version", "1")])
            let tabB = fields(
                editor, section: section, title: "Draft piece", body: "Tab B's text.", status: "draft", extra: [("version", "1")])
            try await client.execute(
                uri: "/admin/api/articles/\(id)/autosave", method: .post, headers: editor.formHeaders, body: formBody(tabA)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("\"version\":2"))
            }
            try await client.execute(
                uri: "/admin/api/articles/\(id)/autosave", method: .post, headers: editor.formHeaders, body: formBody(tabB)
            ) { response in
                #expect(response.status == .conflict)
                #expect(response.text.contains("saved elsewhere"))
            }
            #expect(try await ArticleStore.editable(id, on: try app.db())?.draft.bodyMarkdown == "Tab A's text.")
            // A full save from the stale tab shows the conflict, keeps the text, and offers the new version.
            try await client.execute(uri: "/admin/articles/\(id)", method: .post, headers: editor.formHeaders, body: formBody(tabB)) {
                response in
                #expect(response.status == .conflict)
                #expect(response.text.contains("Saved elsewhere in the meantime"))
                #expect(response.text.contains(">Tab B&#39;s text.</textarea>"))
                #expect(response.text.contains("name=\"version\" value=\"2\""))
            }
        }
    }

    @Test("Autosaving a published article keeps the changes aside; readers still see the published text")
    func autosavePublished() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, app in
            let editor = try await app.staff(.editor)
            let section = try #require(try await SectionStore.find(slug: "news", on: try app.db()))
            let id = try #require(try await ArticleStore.published(slug: "story-number-1", on: try app.db())?.id)
            try await client.execute(
                uri: "/admin/api/articles/\(id)/autosave", method: .post, headers: editor.formHeaders,
                body: formBody(
                    fields(
                        editor, section: section, title: "Story number 1", body: "Half-written correction",
                        extra: [("version", "1"), ("slug", "story-number-1")]))
            ) { #expect($0.status == .ok) }
            #expect(!(try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }.contains("Half-written correction")))
            #expect(try await RevisionStore.autosave(of: id, on: try app.db())?.draft.bodyMarkdown == "Half-written correction")
            #expect(
                try await client.execute(uri: "/admin/articles/\(id)/edit", method: .get, headers: editor.headers) { $0.text }.contains(
                    "Unsaved changes from"))
        }
    }

    @Test("Every save leaves a revision; comparing shows the changes and restoring brings the old text back")
    func revisions() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, app in
            let editor = try await app.staff(.editor)
            let section = try #require(try await SectionStore.find(slug: "news", on: try app.db()))
            let id = try #require(try await ArticleStore.published(slug: "story-number-1", on: try app.db())?.id)
            try await client.execute(
                uri: "/admin/articles/\(id)", method: .post, headers: editor.formHeaders,
                body: formBody(
                    fields(
                        editor, section: section, title: "Story number 1, corrected", body: "Line one.\nLine two, fixed.",
                        extra: [("version", "1"), ("slug", "story-number-1")]))
            ) { #expect($0.status == .seeOther) }
            #expect(try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }.contains("Story number 1, corrected"))
            let revisions = try await RevisionStore.all(of: id, on: try app.db())
            #expect(revisions.map(\.version) == [2, 1])
            let first = try #require(revisions.last)
            try await client.execute(uri: "/admin/articles/\(id)/revisions/\(first.id)", method: .get, headers: editor.headers) {
                response in
                #expect(response.text.contains("<del>Story number 1</del>"))
                #expect(response.text.contains("<li class=\"diff__add\"><ins>Line two, fixed.</ins></li>"))
            }
            try await client.execute(
                uri: "/admin/articles/\(id)/revisions/\(first.id)/restore", method: .post, headers: editor.formHeaders,
                body: formBody([("_csrf", editor.csrf)])
            ) { response in
                #expect(response.headers[.location]?.hasSuffix("done=restored") == true)
            }
            let restored = try #require(try await ArticleStore.editable(id, on: try app.db()))
            #expect(restored.draft.title == "Story number 1")
            #expect(restored.version == 3)
            #expect(
                try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }.contains(
                    "<h1 class=\"article__title\">Story number 1</h1>"))
        }
    }

    @Test("A draft has a private preview link; a tampered link shows nothing")
    func previewLink() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 0, on: try app.db()) }) { client, app in
            let editor = try await app.staff(.editor)
            let section = try #require(try await SectionStore.find(slug: "news", on: try app.db()))
            try await client.execute(
                uri: "/admin/articles", method: .post, headers: editor.formHeaders,
                body: formBody(fields(editor, section: section, title: "Secret scoop", status: "draft"))
            ) { _ in }
            let id = try #require(
                try await ArticleStore.list(.init(), size: 5, on: try app.db()).items.first?.summary.id)
            let edit = try await client.execute(uri: "/admin/articles/\(id)/edit", method: .get, headers: editor.headers) { $0.text }
            let preview = try #require(link(in: edit, startingWith: "/preview/\(id)/"))
            try await client.execute(uri: preview, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Secret scoop"))
                #expect(response.text.contains("<meta name=\"robots\" content=\"noindex\">"))
                #expect(response.headers[.cacheControl] == "no-store")
            }
            #expect(try await client.execute(uri: preview + "x", method: .get) { $0.status } == .notFound)
            #expect(try await client.execute(uri: "/secret-scoop/", method: .get) { $0.status } == .notFound)
        }
    }
}
