import Domain
import Foundation
import Testing

@Suite("Days and months in UTC")
struct UTCCalendarTests {
    @Test("Keys and dates go both ways, across a year's end and whatever the local time zone")
    func keys() throws {
        let lateOnNewYearsEve = try #require(UTCCalendar.day("2026-12-31")).addingTimeInterval(23 * 3600 + 59 * 60)
        #expect(UTCCalendar.dayKey(lateOnNewYearsEve) == "2026-12-31")
        #expect(UTCCalendar.monthKey(lateOnNewYearsEve) == "2026-12")
        #expect(UTCCalendar.monthStart("2027-01") == lateOnNewYearsEve.addingTimeInterval(60))
        #expect(UTCCalendar.monthKeys(last: 3, until: lateOnNewYearsEve.addingTimeInterval(60)) == ["2026-11", "2026-12", "2027-01"])
        #expect(UTCCalendar.day("2026-11-30")?.timeIntervalSince1970 == 1_795_996_800)
        #expect(UTCCalendar.day("yesterday") == nil && UTCCalendar.day("2026-1-30") == nil && UTCCalendar.monthStart("2026") == nil)
    }
}
