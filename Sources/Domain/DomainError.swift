/// Errors the domain layer throws; the app's error middleware maps each to an HTTP status and a
/// message a reader can act on.
public enum DomainError: Error, Equatable, Sendable {
    /// The thing asked for does not exist (or is not public).
    case notFound(String)
    /// Input that cannot be accepted, with the field it concerns and a sentence saying why.
    case invalidInput(field: String, message: String)
    /// The request conflicts with what is stored (a taken slug, a stale edit).
    case conflict(String)

    public var message: String {
        switch self {
        case .notFound(let what): return what
        case .invalidInput(_, let message): return message
        case .conflict(let message): return message
        }
    }
}

extension DomainError: CustomStringConvertible {
    public var description: String { message }
}
