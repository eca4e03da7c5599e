import CompressNIO
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import App

/// The page cache's connection fast path (`CachedPageHandler`) against the router's path, over
/// real HTTP: the same request must get the same answer from both.
@Suite("Page cache fast path")
struct CachedPageFastPathTests {
    typealias Answer = (status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer)

    struct Case: Sendable, CustomTestStringConvertible {
        let uri: String
        let method: HTTPRequest.Method
        let headers: HTTPFields
        var testDescription: String { "\(method) \(uri) \(headers)" }
    }

    @Test(
        "A cached page answered on the connection matches the router's answer: status, every header, body",
        arguments: [
            Case(uri: "/story-number-1/", method: .get, headers: [:]),
            Case(uri: "/story-number-1/", method: .get, headers: [.acceptEncoding: "gzip, deflate"]),
            Case(uri: "/story-number-1/", method: .head, headers: [:]),
            Case(uri: "/story-number-1/", method: .head, headers: [.acceptEncoding: "gzip"]),
            Case(uri: "/", method: .get, headers: [.acceptEncoding: "br, gzip;q=0.5"]),
            Case(uri: "/section/news/?page=1", method: .get, headers: [:]),
        ])
    func sameAnswer(_ test: Case) async throws {
        let (uri, method, headers) = (test.uri, test.method, test.headers)
        try await withApp(.live, fixtures: { app in _ = try await Fixtures.newsroom(articles: 3, on: try app.db()) }) { client, app in
            let cache = app.services.cache
            let before = cache.fastAnswerCount
            let routed = try await client.execute(uri: uri, method: method, headers: headers) { Self.answer($0) }
            #expect(cache.fastAnswerCount == before, "the first request is rendered by the router")
            let fast = try await client.execute(uri: uri, method: method, headers: headers) { Self.answer($0) }
            #expect(cache.fastAnswerCount == before + 1, "the repeat is answered on the connection")
            Self.expectSame(routed, fast)
            #expect(routed.status == .ok)
            if method == .head { #expect(fast.body.readableBytes == 0) } else { #expect(fast.body.readableBytes > 1000) }

            // The validator: a 304 from both paths alike.
            let etag = try #require(routed.headers[.eTag])
            var conditional = headers
            conditional[.ifNoneMatch] = etag
            let fastNotModified = try await client.execute(uri: uri, method: method, headers: conditional) { Self.answer($0) }
            #expect(cache.fastAnswerCount == before + 2)
            cache.purgeAll()
            _ = try await client.execute(uri: uri, method: method, headers: headers) { $0.status }
            cache.purgeAll()
            let routedNotModified = try await client.execute(uri: uri, method: method, headers: conditional) { Self.answer($0) }
            #expect(routedNotModified.status == .notModified)
            Self.expectSame(routedNotModified, fastNotModified)
        }
    }

    @Test("Pipelined requests are answered in order when a hit follows a miss, and everything but cached GET/HEAD reaches the router")
    func pipelining() async throws {
        try await withApp(.live, fixtures: { app in _ = try await Fixtures.newsroom(articles: 2, on: try app.db()) }) { client, app in
            let port = try #require(client.port)
            let cache = app.services.cache
            _ = try await client.execute(uri: "/story-number-1/", method: .get) { $0.status }
            let request = [
                // A HEAD answered on the connection, then a GET the router answers: the GET's
                // body must still be sent (the encoder pairs answers with request methods).
                "HEAD /story-number-1/ HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /no-such-story/ HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /story-number-1/ HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /no-such-story/ HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /story-number-1/ HTTP/1.1\r\nHost: x\r\n\r\n",
                "HEAD /story-number-1/ HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /story-number-1/ HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
                "GET /story-number-1/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            ].joined()
            let before = cache.fastAnswerCount
            // Read until the server closes the connection after the last request.
            let answer = try await RawHTTP.exchange(port: port, request, until: "(a marker no answer contains)")
            let statuses = answer.matches(of: #/HTTP/1\.1 (\d{3}) /#).map { String($0.output.1) }
            #expect(statuses == ["200", "404", "200", "404", "200", "200", "404", "200"])
            #expect(answer.components(separatedBy: "</html>").count - 1 == 6, "every answer but the two to HEAD has its page")
            // Only the first could be answered on the connection: the rest queued behind the miss.
            #expect(cache.fastAnswerCount >= before + 1)
            #expect(answer.contains("Story number 1"))
        }
    }

    static func answer(_ response: TestResponse) -> Answer {
        (response.status, response.headers, response.body)
    }

    /// Same status, body and headers (the Date header may tick between the two).
    static func expectSame(_ routed: Answer, _ fast: Answer) {
        #expect(routed.status == fast.status)
        #expect(routed.body == fast.body)
        #expect(routed.headers[.date] != nil && fast.headers[.date] != nil)
        var routedHeaders = routed.headers
        var fastHeaders = fast.headers
        routedHeaders[.date] = nil
        fastHeaders[.date] = nil
        #expect(routedHeaders == fastHeaders)
        #expect(routedHeaders[.contentSecurityPolicy] != nil && routedHeaders[.xFrameOptions] == "DENY")
    }
}
