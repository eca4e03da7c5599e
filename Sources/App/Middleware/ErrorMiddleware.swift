import Domain
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import Payments
import Routes
import SQLiteNIO
import Views

/// Turns every error into a response a person can act on: an error page in the site's design
/// for browsers, `application/problem+json` (RFC 9457) for the API. Unexpected errors are logged
/// and shown as a plain 500 without internals.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: AppServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as AdminError {
            return try await respond(error, to: request, context: context)
        } catch {
            let problem = Problem(error)
            if problem.status == .internalServerError {
                context.logger.error("Request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            } else if Problem.isBrokenConnection(error) {
                // A reader who closes the tab mid-upload is routine, not an error of ours.
                context.logger.debug("Request body ended early", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            }
            return await respond(problem, to: request, context: context)
        }
    }

    /// Back-office access errors: a redirect to sign in for people, a status for scripts.
    func respond(_ error: AdminError, to request: Request, context: Context) async throws -> Response {
        switch error {
        case .signInRequired(let next) where !wantsJSON(request):
            return .redirect(to: .signIn(next: request.method == .get ? next : AdminURL.dashboard.path))
        case .secondFactorRequired where !wantsJSON(request):
            return .redirect(to: .signInVerify())
        case .signInRequired, .secondFactorRequired:
            return await respond(
                Problem(status: .unauthorized, title: "Sign in first", detail: "Your session has ended; sign in again."), to: request,
                context: context)
        case .forbidden:
            return await respond(
                Problem(
                    status: .forbidden, title: "Not allowed",
                    detail: "Your role does not allow this. Ask an owner or editor if you need it."),
                to: request, context: context)
        case .staleForm:
            return await respond(
                Problem(
                    status: .forbidden, title: "This form has expired",
                    detail: "The page was open too long or you signed in again elsewhere. Go back, reload the page and send it again."),
                to: request, context: context)
        }
    }

    func respond(_ problem: Problem, to request: Request, context: Context) async -> Response {
        if request.uri.path.hasPrefix(AdminURL.dashboard.path), !wantsJSON(request),
            let chrome = try? await services.adminChrome(context)
        {
            let html = SignInView.error(
                AdminErrorModel(chrome: chrome, status: Int(problem.status.code), title: problem.title, message: problem.detail))
            return AppServices.adminPage(html, status: problem.status)
        }
        if wantsJSON(request) {
            do {
                var response = try Response.json(problem.body, status: problem.status)
                response.headers[.contentType] = "application/problem+json"
                response.headers[.cacheControl] = "no-store"
                return response
            } catch {
                context.logger.error("Problem could not be encoded", metadata: ["error": "\(error)"])
                return Response(status: problem.status, headers: [.cacheControl: "no-store"])
            }
        }
        let chrome: SiteChrome
        if let db = try? services.db(), let snapshot = try? await services.site.current(on: db) {
            chrome = snapshot.chrome
        } else {
            chrome = services.site.fallbackChrome()
        }
        let html = ErrorPageView.render(
            ErrorPageModel(chrome: chrome, status: Int(problem.status.code), title: problem.title, message: problem.detail))
        let response = AppServices.privatePage(html, status: problem.status)
        // A HEAD gets the headers a GET would, its length included (RFC 9110 §9.3.2).
        return request.method == .head ? response.createHeadResponse() : response
    }

    func wantsJSON(_ request: Request) -> Bool {
        request.uri.path.hasPrefix(SiteURL.Pattern.apiPrefix) || request.uri.path.hasPrefix(AdminRoute.apiPrefix)
            || (request.headers[.accept]?.contains("application/json") ?? false
                && !(request.headers[.accept]?.contains("text/html") ?? false))
    }
}

/// An error as the reader and the API client see it.
struct Problem {
    let status: HTTPResponse.Status
    let title: String
    let detail: String
    let field: String?
    /// Field → message, when several fields need fixing.
    var errors: [String: String]? = nil

    init(status: HTTPResponse.Status, title: String, detail: String, field: String? = nil) {
        self.status = status
        self.title = title
        self.detail = detail
        self.field = field
    }

    init(_ error: any Error) {
        switch error {
        case let problems as FieldProblems:
            self.init(status: problems.status, title: problems.title, detail: problems.detail, field: problems.fields.keys.sorted().first)
            errors = problems.fields
        case let conflict as EditConflict:
            self.init(status: .conflict, title: "Edited elsewhere", detail: conflict.message)
        case let error as DomainError:
            switch error {
            case .notFound(let what):
                self.init(status: .notFound, title: "Page not found", detail: what)
            case .invalidInput(let field, let message):
                self.init(status: .badRequest, title: "That request could not be understood", detail: message, field: field)
            case .conflict(let message):
                self.init(status: .conflict, title: "That conflicts with what is stored", detail: message)
            }
        case let error as PaymentError:
            switch error {
            case .unavailable: self.init(status: .serviceUnavailable, title: "Payment service unavailable", detail: error.message)
            case .rejected: self.init(status: .paymentRequired, title: "Payment refused", detail: error.message)
            case .unexpected: self.init(status: .badGateway, title: "Payment service error", detail: error.message)
            }
        case let error as WebhookSignatureError:
            self.init(status: .badRequest, title: "Signature refused", detail: error.message)
        case let error as MalformedEvent:
            self.init(status: .badRequest, title: "Unreadable event", detail: error.reason)
        case is StorageError:
            self.init(
                status: .serviceUnavailable, title: "Temporarily unavailable",
                detail: "The site cannot save or read anything right now. Nothing you sent was stored; please try again in a few minutes.")
        case let error as SQLiteError where error.reason == .readOnly:
            self.init(
                status: .serviceUnavailable, title: "Temporarily unavailable",
                detail: "The site cannot save anything right now. Nothing you sent was stored; please try again in a few minutes.")
        case is HTTPParserError:
            self.init(
                status: .badRequest, title: "Malformed request",
                detail: "The request's body could not be read (its framing is broken). Please send it again.")
        case _ where Self.isBrokenConnection(error):
            self.init(status: .badRequest, title: "Connection closed", detail: "The connection closed before the request arrived.")
        case is NIOTooManyBytesError:
            self.init(status: .contentTooLarge, title: "Too much data", detail: "The request was larger than this server accepts.")
        case let error as HTTPError:
            switch error.status {
            case .notFound:
                self.init(
                    status: .notFound, title: "Page not found",
                    detail: "There is no page at this address. It may have moved, or the link may be mistyped.")
            case .contentTooLarge:
                self.init(status: .contentTooLarge, title: "Too much data", detail: "The request was larger than this server accepts.")
            case .methodNotAllowed:
                self.init(status: .methodNotAllowed, title: "Not allowed", detail: "This address does not accept that kind of request.")
            default:
                let reason = error.body ?? error.status.reasonPhrase
                self.init(status: error.status, title: error.status.reasonPhrase, detail: reason)
            }
        default:
            self.init(
                status: .internalServerError, title: "Something went wrong",
                detail: "The server could not complete this request. Please try again in a moment.")
        }
    }

    /// The client went away while its request was still arriving.
    static func isBrokenConnection(_ error: any Error) -> Bool {
        switch error {
        case let error as ChannelError: error == .ioOnClosedChannel || error == .eof || error == .outputClosed || error == .inputClosed
        case is IOError: true
        default: false
        }
    }

    /// The RFC 9457 body, as it goes over the wire.
    struct Body: Encodable {
        let type = "about:blank"
        let title: String
        let status: Int
        let detail: String
        let field: String?
        let errors: [String: String]?
    }

    var body: Body { Body(title: title, status: Int(status.code), detail: detail, field: field, errors: errors) }
}

/// Several fields of an API request need fixing: a problem+json answer that names each.
struct FieldProblems: Error {
    var status: HTTPResponse.Status
    var title: String
    var fields: [String: String]

    var detail: String { fields.keys.sorted().compactMap { fields[$0] }.joined(separator: " ") }
}
