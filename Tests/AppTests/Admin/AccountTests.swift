import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing

@Suite("Your own account")
struct AccountTests {
    @Test("The byline profile (name, biography, portrait) changes on the public author page at once")
    func profile() async throws {
        try await withApp { client, app in
            let author = try await app.staff(.author, name: "Aya Author")
            let portrait = try await MediaStore.add(
                fileName: "face.jpg", originalName: "face.jpg", format: .jpeg, width: 400, height: 400, bytes: 100, variants: [], by: nil,
                now: TestClock.start, on: try app.db())
            try await client.execute(
                uri: "/admin/account/profile", method: .post, headers: author.formHeaders,
                body: formBody([
                    ("_csrf", author.csrf), ("name", "Aya Ortega"), ("bio", "Covers the harbour."), ("avatar", "/media/face.jpg"),
                ])
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Choose an image from the media library that has alt text."))
            }
            try await MediaStore.describe(portrait.id, alt: "Aya Ortega", caption: "", on: try app.db())
            try await client.execute(
                uri: "/admin/account/profile", method: .post, headers: author.formHeaders,
                body: formBody([
                    ("_csrf", author.csrf), ("name", "Aya Ortega"), ("bio", "Covers the harbour."), ("avatar", "/media/face.jpg"),
                ])
            ) { #expect($0.headers[.location] == "/admin/account?done=profile") }
            let page = try await client.execute(uri: "/author/aya-author/", method: .get) { $0.text }
            #expect(page.contains("<h1>Aya Ortega</h1>"))
            #expect(page.contains("Covers the harbour."))
            #expect(page.contains("<img class=\"avatar\" src=\"/media/face.jpg\""))
        }
    }

    @Test("Changing the password needs the current one and signs out every other session")
    func password() async throws {
        try await withApp { client, app in
            let here = try await app.staff(.editor, email: "ed@example.org")
            let elsewhere = try await app.login(here.member, password: here.password)
            try await client.execute(
                uri: "/admin/account/password", method: .post, headers: here.formHeaders,
                body: formBody([
                    ("_csrf", here.csrf), ("current", "not it at all"), ("password", "a new long secret"),
                    ("confirmation", "a new long secret"),
                ])
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("That is not your current password."))
            }
            try await client.execute(
                uri: "/admin/account/password", method: .post, headers: here.formHeaders,
                body: formBody([
                    ("_csrf", here.csrf), ("current", here.password), ("password", "a new long secret"),
                    ("confirmation", "a new long secret"),
                ])
            ) { #expect($0.headers[.location] == "/admin/account?done=password") }
            #expect(try await client.execute(uri: "/admin", method: .get, headers: here.headers) { $0.status } == .ok)
            #expect(try await client.execute(uri: "/admin", method: .get, headers: elsewhere.headers) { $0.status } == .seeOther)
        }
    }
}
