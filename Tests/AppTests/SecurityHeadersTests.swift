import App
import Foundation
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

@Suite("Security headers")
struct SecurityHeadersTests {
    @Test("Pages forbid inline script and framing, and carry no script of their own inline")
    func headers() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 2, on: try app.db()) }) { client, _ in
            for path in ["/", "/story-number-1/", "/section/news/", "/search?q=story", "/missing/"] {
                try await client.execute(uri: path, method: .get) { response in
                    let csp = response.headers[.contentSecurityPolicy] ?? ""
                    #expect(csp.contains("script-src 'self'"))
                    #expect(csp.contains("frame-ancestors 'none'"))
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                    #expect(response.headers[.setCookie] == nil)
                    // Every script element either loads our file or is inert JSON-LD.
                    let scripts = response.text.components(separatedBy: "<script").dropFirst()
                    #expect(scripts.allSatisfy { $0.hasPrefix(" src=\"/assets/") || $0.hasPrefix(" type=\"application/ld+json\"") })
                }
            }
        }
    }

    @Test("Assets are served with year-long caching under fingerprinted names")
    func assets() async throws {
        try await withApp { client, app in
            let path = app.services.assets.stylesheetPath
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
                #expect(response.text.contains("prefers-color-scheme: dark"))
            }
        }
    }

    @Test("Over https every response, cached or not, tells browsers to stay on https; over http none does")
    func strictTransport() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, _ in
            for path in ["/", "/", "/story-number-1/", "/admin/sign-in", "/healthz"] {
                let value: String? = try await client.execute(uri: path, method: .get) { $0.headers[.strictTransportSecurity] }
                #expect(value == "max-age=31536000", "\(path)")
            }
        }
        let plain = try await TestApp.make { $0.siteURL = "http://127.0.0.1:8080" }
        try await plain.run { client in
            let value: String? = try await client.execute(uri: "/", method: .get) { $0.headers[.strictTransportSecurity] }
            #expect(value == nil)
        }
    }
}

extension HTTPField.Name {
    static let strictTransportSecurity = Self("Strict-Transport-Security")!
}
