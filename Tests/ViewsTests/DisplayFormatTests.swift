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

@Suite("Calendar arithmetic")
struct CalendarArithmeticTests {
    @Test("Our date arithmetic agrees with Foundation's calendar across centuries and time zones")
    func agreesWithCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        for zone in ["UTC", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"] {
            let timeZone = TimeZone(identifier: zone)!
            calendar.timeZone = timeZone
            let format = DisplayFormat(timeZoneIdentifier: zone)
            var seconds = -2_208_988_800.0  // 1900
            while seconds < 4_102_444_800 {  // 2100
                let date = Date(timeIntervalSince1970: seconds)
                let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
                let months = [
                    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
                    "December",
                ]
                let expected =
                    "\(parts.day!) \(months[parts.month! - 1]) \(parts.year!), \(String(format: "%02d:%02d", parts.hour!, parts.minute!))"
                #expect(format.dateTime(date) == expected, "\(zone) \(seconds)")
                seconds += 7_777_777.7
            }
        }
    }
}
