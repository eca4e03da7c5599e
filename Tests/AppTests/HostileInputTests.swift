import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

/// Whatever arrives over real HTTP, the answer is a clear 4xx (or a page), never a 500.
@Suite("Hostile input")
struct HostileInputTests {
    static let oddAddresses: [String] = [
        "/" + String(repeating: "a", count: 3000) + "/",
        "/section/" + String(repeating: "%F0%9F%92%A9", count: 300) + "/",
        "/%FF%FE/", "/section/%C0%AF/", "/tag/%ED%A0%80/", "/author/%00/", "/%/", "/%2e%2e/%2e%2e/etc/passwd",
        "/?page=%zz&q=%", "/?=&&=&&&", "/section/news/?page=%00", "/section/news/?page=-0", "/section/news/?page=1e9",
        "/section/news/?page=99999999999999999999999999", "/section/news/?page=9999", "/search?q=%", "/search?q=%FF%FE%FD",
        "/search?q=" + String(repeating: "flood+", count: 3000), "/search?q=a&page=0", "/search?page=1&page=2&q=x&q=y",
        "/media/..%2F..%2Fetc%2Fpasswd", "/media/x.html", "/assets/../Package.swift",
        "/story-number-1/comments?reply_to=abc", "/story-number-1/comments?reply_to=999999999999999999999",
    ]

    @Test("Odd paths and query strings get an answer below 500", arguments: oddAddresses)
    func paths(_ path: String) async throws {
        try await withApp(.live, fixtures: { app in _ = try await Fixtures.newsroom(articles: 2, on: try app.db()) }) { client, _ in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status.code < 500, "\(path.prefix(80)) answered \(response.status.code)")
                #expect(response.status.code != 200 || response.headers[.contentType]?.hasPrefix("text/html") == true)
            }
        }
    }

    @Test("Bad bodies and methods are refused clearly")
    func bodies() async throws {
        try await withApp(.live, fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, _ in
            let huge = ByteBuffer(repeating: UInt8(ascii: "a"), count: 2 << 20)
            try await client.execute(uri: "/api/v1/views", method: .post, headers: formHeaders, body: huge) { response in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(
                uri: "/api/v1/views", method: .post, headers: formHeaders, body: ByteBuffer(bytes: [0xFF, 0xFE, 0x00])
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(
                uri: "/story-number-1/comments", method: .post, headers: formHeaders, body: ByteBuffer(bytes: [0xC0, 0x80, 0x25])
            ) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/", method: .delete) { response in
                #expect(response.status.code >= 400 && response.status.code < 500)
            }
        }
    }

    @Test("A body with broken chunking is a 400, not a 500")
    func brokenChunking() async throws {
        try await withApp(.live, fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, _ in
            let port = try #require(client.port)
            let request =
                "POST /api/v1/views HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\narticle=1\r\n0\r\n\r\n"
            let answer = try await RawHTTP.exchange(port: port, request)
            #expect(answer.hasPrefix("HTTP/1.1 400"), "answered \(answer.prefix(40))")
        }
    }

    @Test("A client that hangs up halfway through its body is let go, and the server carries on")
    func bodyCutShort() async throws {
        try await withApp(.live, fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, _ in
            let port = try #require(client.port)
            let request =
                "POST /story-number-1/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 5000\r\n\r\nname=Ruth&email=ruth%40example.org&body=half"
            let answer = try await RawHTTP.exchange(port: port, request, closeAfterSending: true)
            #expect(!answer.contains(" 500 "))
            #expect(try await client.execute(uri: "/story-number-1/", method: .get) { $0.status } == .ok)
        }
    }
}
