import Domain
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing

/// The probe made the SQLite files immutable and posted a comment: the process died with SIGBUS.
/// Now the request is refused with 503, the health endpoints say why, and the site recovers by
/// itself once the files are writable again.
@Suite("Read-only storage", .enabled(if: !TestDatabase.isPostgres))
struct ReadOnlyStorageTests {
    /// Sets or clears the immutable attribute (root can write files whatever their mode).
    static func immutable(_ on: Bool, _ paths: [String]) throws -> Bool {
        let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
        return try ChildProcess(["chattr", on ? "+i" : "-i"] + existing).waitUntilExit() == 0
    }

    @Test("Posting while the database files are immutable answers 503 and stores nothing; then the site recovers")
    func immutableFiles() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, app in
            let path = String(app.databaseURL.dropFirst("sqlite:".count))
            let files = [path, path + "-wal", path + "-shm"]
            let comment = formBody([("name", "Ruth"), ("email", "ruth@example.org"), ("body", "Hello.")])
            #expect(try await client.execute(uri: "/healthz", method: .get) { $0.status } == .ok)
            try #require(try Self.immutable(true, files), "chattr is needed to make the files immutable")
            do {
                try await client.execute(uri: "/story-number-1/comments", method: .post, headers: formHeaders, body: comment) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(response.text.contains("Nothing you sent was stored"))
                }
                try await client.execute(uri: "/healthz", method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(response.text.contains("read-only"))
                }
                #expect(try await client.execute(uri: "/readyz", method: .get) { $0.status } == .serviceUnavailable)
            } catch {
                _ = try Self.immutable(false, files)
                throw error
            }
            _ = try Self.immutable(false, files)
            #expect(try await client.execute(uri: "/healthz", method: .get) { $0.status } == .ok)
            try await client.execute(uri: "/story-number-1/comments", method: .post, headers: formHeaders, body: comment) { response in
                #expect(response.status == .seeOther)
            }
            #expect(try await CommentRecord.query(on: try app.db()).count() == 1)
        }
    }
}
