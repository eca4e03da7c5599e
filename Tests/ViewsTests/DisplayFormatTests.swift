import Foundation
import Testing
import Views

@Suite("Display formats")
struct DisplayFormatTests {
    let instant = Date(timeIntervalSince1970: 1_795_563_000)  // 2026-11-24 23:30 UTC

    @Test("Dates show in the site's time zone")
    func timeZones() {
        #expect(DisplayFormat(timeZoneIdentifier: "UTC").date(instant) == "24 November 2026")
        #expect(DisplayFormat(timeZoneIdentifier: "Europe/Berlin").dateTime(instant) == "25 November 2026, 00:30")
        #expect(DisplayFormat(timeZoneIdentifier: "Not/AZone").date(instant) == "24 November 2026")
        #expect(DisplayFormat.iso8601(instant) == "2026-11-24T23:30:00Z")
    }

    @Test("Counts are grouped and take the right noun")
    func counts() {
        #expect(DisplayFormat.count(6982, "View", "Views") == "6,982 Views")
        #expect(DisplayFormat.count(1, "View", "Views") == "1 View")
        #expect(DisplayFormat.grouped(1_234_567) == "1,234,567")
        #expect(DisplayFormat.grouped(-1000) == "-1,000")
        #expect(DisplayFormat.grouped(999) == "999")
    }
}
