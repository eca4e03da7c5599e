/// Which slice of a listing a request asks for, checked so absurd input becomes a clear error
/// rather than an overflow or a huge offset.
public struct ListingPage: Equatable, Sendable {
    /// Deepest page any listing serves; beyond it the answer is "not found".
    public static let maximumPage = 10_000
    public let number: Int
    public let size: Int

    public init(number: Int, size: Int) {
        self.number = number
        self.size = size
    }

    /// Parses the `page` query parameter. Missing means page 1; anything but a whole number from
    /// 1 to `maximumPage` is rejected.
    public init(parameter: String?, size: Int) throws(DomainError) {
        self.init(number: try Self.number(parameter), size: size)
    }

    /// The page number a `page` query parameter asks for (see `init(parameter:size:)`).
    public static func number(_ parameter: String?) throws(DomainError) -> Int {
        guard let parameter, !parameter.isEmpty else { return 1 }
        guard parameter.count <= 6, parameter.allSatisfy(\.isASCII), let number = Int(parameter), number >= 1 else {
            throw .invalidInput(field: "page", message: "The page number must be a whole number of 1 or more.")
        }
        guard number <= maximumPage else {
            throw .notFound("There is no page \(number) of this listing.")
        }
        return number
    }

    public var offset: Int { (number - 1) * size }
}

/// One page of a listing and what the pager needs to know about the others.
public struct Paged<Item: Sendable & Equatable>: Equatable, Sendable {
    public var items: [Item]
    public var page: ListingPage
    public var totalCount: Int

    public init(items: [Item], page: ListingPage, totalCount: Int) {
        self.items = items
        self.page = page
        self.totalCount = totalCount
    }

    public var pageCount: Int { max(1, (totalCount + page.size - 1) / page.size) }
    public var hasPrevious: Bool { page.number > 1 }
    public var hasNext: Bool { page.number < pageCount }
    /// A page past the end of a non-empty listing does not exist (page 1 always does).
    public var isBeyondEnd: Bool { page.number > 1 && page.number > pageCount }
}
