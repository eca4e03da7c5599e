import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit
import TestSupport
import Testing

@Suite("The outbox")
struct OutboxStoreTests {
    func message(_ to: String) -> OutboxStore.Message {
        .init(
            purpose: "test", toAddress: to, toName: "", fromName: "Desk", fromAddress: "desk@example.org", subject: "Hi", text: "Hi",
            html: "<p>Hi</p>", headers: ["List-Unsubscribe": "<https://example.org/u>"])
    }

    @Test("A claimed message comes back whole, with its headers")
    func roundTrip() async throws {
        try await withDatabase { db, _ in
            let id = try await OutboxStore.enqueue(message("a@example.org"), now: TestClock.start, on: db)
            let claimed = try await OutboxStore.claim(limit: 10, now: TestClock.start, lease: 60, on: db)
            #expect(claimed.map(\.id) == [id])
            #expect(claimed.first?.message == message("a@example.org"))
            #expect(claimed.first?.attempts == 1)
            #expect(try await OutboxStore.claim(limit: 10, now: TestClock.start, lease: 60, on: db).isEmpty)
        }
    }

    @Test("A message whose stored headers cannot be read is marked failed, never sent without them")
    func unreadableHeaders() async throws {
        try await withDatabase { db, _ in
            let broken = try await OutboxStore.enqueue(message("a@example.org"), now: TestClock.start, on: db)
            let fine = try await OutboxStore.enqueue(message("b@example.org"), now: TestClock.start, on: db)
            try await #require(db as? any SQLDatabase).raw("UPDATE mail_outbox SET headers = '{not json' WHERE id = \(bind: broken)").run()
            let claimed = try await OutboxStore.claim(limit: 10, now: TestClock.start, lease: 60, on: db)
            #expect(claimed.map(\.id) == [fine])
            let log = try await #require(db as? any SQLDatabase).raw(
                "SELECT status, last_error FROM mail_outbox WHERE id = \(bind: broken)"
            ).first()
            #expect(try log?.decode(column: "status", as: String.self) == "failed")
            #expect(try log?.decode(column: "last_error", as: String.self).contains("headers") == true)
        }
    }
}
