import Domain
import Testing

@Suite("Pagination")
struct PaginationTests {
    @Test("A missing page parameter means the first page")
    func defaultsToFirst() throws {
        #expect(try ListingPage(parameter: nil, size: 10) == ListingPage(number: 1, size: 10))
        #expect(try ListingPage(parameter: "3", size: 10).offset == 20)
    }

    @Test(
        "Page numbers that are not whole positive numbers are refused",
        arguments: [
            "0", "-1", "abc", "1.5", "99999999999999999999999", "١", " 2", "2 ",
        ])
    func refusesNonsense(parameter: String) {
        #expect(throws: DomainError.self) { try ListingPage(parameter: parameter, size: 10) }
    }

    @Test("Pages beyond the deepest we serve are not found")
    func tooDeep() {
        #expect(throws: DomainError.notFound("There is no page 20000 of this listing.")) {
            try ListingPage(parameter: "20000", size: 10)
        }
    }

    @Test("The pager knows its neighbours and its end")
    func pager() {
        let page = Paged(items: [1, 2], page: ListingPage(number: 2, size: 2), totalCount: 5)
        #expect(page.pageCount == 3)
        #expect(page.hasPrevious && page.hasNext)
        #expect(!page.isBeyondEnd)
        #expect(Paged<Int>(items: [], page: ListingPage(number: 4, size: 2), totalCount: 5).isBeyondEnd)
        #expect(!Paged<Int>(items: [], page: ListingPage(number: 1, size: 2), totalCount: 0).isBeyondEnd)
    }
}
