import App
import Domain
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdBcrypt
import HummingbirdTesting
import Persistence
import Synchronization
import TestSupport
import Testing

@Suite("First run")
struct FirstRunTests {
    @Test("An empty database gets a sample newsroom and an owner whose password is shown once")
    func seedsOnce() async throws {
        let app = try await TestApp.make(sampleContent: true)
        let reports = Mutex<[FirstRunReport]>([])
        try await app.run(keepData: true, onFirstRun: { report in reports.withLock { $0.append(report) } }) { client in
            let db = try app.db()
            let page = ListingPage(number: 1, size: 100)
            let articles = try await ArticleStore.published(.all, page: page, on: db)
            #expect(articles.totalCount >= 40)
            #expect(try await SectionStore.all(on: db).count >= 4)
            #expect(try await AuthorStore.all(on: db).count >= 6)
            #expect(Set(articles.items.map(\.kind)) == Set(ArticleKind.allCases))

            var embeds = 0
            var syndicated = 0
            var threaded = 0
            var comments = 0
            var guests = 0
            for summary in articles.items {
                let html = try await client.execute(uri: "/\(summary.slug)/", method: .get) { $0.text }
                comments += html.components(separatedBy: "class=\"comment__author\"").count - 1
                guests += html.components(separatedBy: "<span class=\"comment__badge\">Guest</span>").count - 1
                if html.contains("class=\"embed ") { embeds += 1 }
                if html.contains("class=\"article__syndication\"") { syndicated += 1 }
                if html.contains("<ol class=\"comment-replies\">") { threaded += 1 }
            }
            #expect(embeds >= 4 && syndicated >= 2 && threaded >= 3)
            // Readers cannot sign in, so every sample commenter is a guest, labelled as one.
            #expect(comments > 20 && guests == comments, "\(guests) of \(comments) comments labelled Guest")
            let longest = articles.items.max { $0.wordCount < $1.wordCount }
            #expect((longest?.wordCount ?? 0) >= 1400)
            #expect(try await client.execute(uri: "/", method: .get) { $0.text }.contains("Trending"))
        }
        let report = try #require(reports.withLock { $0.first })
        #expect(report.ownerPassword.count >= 16)
        let check = try DatabaseService(url: app.databaseURL, siteURL: "https://news.example.org", logger: .init(label: "check"))
        let owner = try await UserRecord.query(on: try check.db).first()
        await check.shutdown()
        #expect(owner?.role == "owner")
        #expect(Bcrypt.verify(report.ownerPassword, hash: owner?.passwordHash ?? ""))

        // A second start on the same database seeds nothing and prints nothing.
        var config = app.services.config
        config.sampleContent = true
        let again = try await TestApp.reopen(app, config: config)
        let count = try await again.run(keepData: true, onFirstRun: { report in reports.withLock { $0.append(report) } }) { _ in
            try await ArticleStore.published(.all, page: .init(number: 1, size: 1), on: try again.db()).totalCount
        }
        #expect(count == 40)
        #expect(reports.withLock { $0.count } == 1)
        try await again.cleanUp()
    }
}

@Suite("The command line")
struct CommandLineTests {
    static let commands = ["serve", "migrate", "user"]

    @Test(
        "A word that is no command is refused with the list of commands, whatever follows it",
        arguments: [
            ["import", "--help"], ["export"], ["backup", "--help"], ["serv"],
        ])
    func unknown(_ arguments: [String]) throws {
        let message = try #require(CommandLineCheck.unknownCommand(arguments, commands: Self.commands))
        #expect(message.hasPrefix("Error: unknown command '\(arguments[0])'."))
        #expect(message.contains("The commands are: serve, migrate, user."))
    }

    @Test(
        "Commands, options for the default command, and help pass through",
        arguments: [
            [], ["serve", "--port", "9000"], ["--port", "9000"], ["--help"], ["help"], ["user", "create", "--help"], ["migrate"],
        ])
    func known(_ arguments: [String]) {
        #expect(CommandLineCheck.unknownCommand(arguments, commands: Self.commands) == nil)
    }
}
