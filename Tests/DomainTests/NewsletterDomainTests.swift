import Domain
import Foundation
import Testing

@Suite("Newsletter rules")
struct NewsletterDomainTests {
    @Test(
        "Addresses are normalised, and a bad one gets a sentence saying what is wrong",
        arguments: [
            ("", "Please give your email address."),
            ("name.example.org", "An email address has one @"),
            ("a@b@example.org", "An email address has one @"),
            ("zoë@example.org", "characters an email address cannot have"),
            ("a..b@example.org", "characters an email address cannot have"),
            ("name@localhost", "looks incomplete"),
            ("name@example.c", "looks incomplete"),
            ("name@exa_mple.org", "characters a domain cannot have"),
        ])
    func badAddresses(address: String, problem: String) {
        #expect(EmailAddress.problem(EmailAddress.normalise(address))?.contains(problem) == true, "\(address)")
    }

    @Test("Ordinary addresses pass, trimmed and lower-cased")
    func goodAddresses() {
        #expect(EmailAddress.normalise("  Zoe.Reader+news@Example.ORG \n") == "zoe.reader+news@example.org")
        for address in ["zoe.reader+news@example.org", "o'brien@mail.example.co.uk", "x@xn--bcher-kva.example"] {
            #expect(EmailAddress.problem(address) == nil, "\(address)")
        }
    }

    @Test("Schedules find the latest slot in the site's time zone and survive storage")
    func schedules() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        // Tuesday 24 November 2026, 12:00 UTC = 13:00 in Berlin.
        let now = Date(timeIntervalSince1970: 1_795_521_600)
        let daily = NewsletterSchedule.daily(hour: 7, minute: 0)
        #expect(daily.latestSlot(atOrBefore: now, timeZone: berlin) == now.addingTimeInterval(-6 * 3600))
        let lateDaily = NewsletterSchedule.daily(hour: 18, minute: 30)
        #expect(lateDaily.latestSlot(atOrBefore: now, timeZone: berlin) == now.addingTimeInterval(-(18 * 3600 + 30 * 60)))
        // Weekly on Saturday (7) at 08:00: the 21st, three days and five hours back.
        let weekly = NewsletterSchedule.weekly(weekday: 7, hour: 8, minute: 0)
        #expect(weekly.latestSlot(atOrBefore: now, timeZone: berlin) == now.addingTimeInterval(-(3 * 86_400 + 5 * 3600)))
        #expect(NewsletterSchedule.manual.latestSlot(atOrBefore: now, timeZone: berlin) == nil)
        for schedule in [daily, weekly, .manual] {
            #expect(NewsletterSchedule(storedValue: schedule.storedValue) == schedule)
        }
        #expect(NewsletterSchedule(storedValue: "daily 25:00") == nil)
        #expect(NewsletterSchedule(storedValue: "weekly 8 08:00") == nil)
        #expect(weekly.label == "Weekly on Saturday at 08:00")
    }

    @Test("Temporary failures wait longer each time, up to a limit, then give up")
    func backOff() {
        let policy = DeliveryPolicy()
        #expect(policy.delay(afterAttempts: 1) == 60)
        #expect(policy.delay(afterAttempts: 2) == 120)
        #expect(policy.delay(afterAttempts: 5) == 960)
        #expect(policy.delay(afterAttempts: 11) == 21_600)
        #expect(policy.delay(afterAttempts: 12) == nil)
    }

    @Test("CSV: quoted commas, quotes and line breaks, CRLF or LF, a byte-order mark; formulas exported inert")
    func csv() throws {
        let rows = SubscriberCSV.parse(
            "\u{FEFF}email,name,consent\r\na@example.org,\"Ruiz, Ana\",\"said \"\"yes\"\"\nat the fair\"\nb@example.org,Bo,web\n\n")
        #expect(
            rows == [
                ["email", "name", "consent"], ["a@example.org", "Ruiz, Ana", "said \"yes\"\nat the fair"], ["b@example.org", "Bo", "web"],
            ])
        #expect(SubscriberCSV.line(["a@example.org", "=SUM(A1)", "Ruiz, Ana"]) == "a@example.org,'=SUM(A1),\"Ruiz, Ana\"\r\n")
        #expect(SubscriberCSV.parse(SubscriberCSV.line(["x", "two\nlines", "q\"uote"])) == [["x", "two\nlines", "q\"uote"]])

        let plan = try SubscriberCSV.ImportPlan(rows: [["E-mail", "Consent Source", "Name"], ["a@example.org", "fair", "Ana"]])
        #expect(plan.emailColumn == 0 && plan.consentColumn == 1 && plan.nameColumn == 2)
        #expect(throws: SubscriberCSV.ImportError.missingConsentColumn) { try SubscriberCSV.ImportPlan(rows: [["email", "name"]]) }
        #expect(throws: SubscriberCSV.ImportError.missingEmailColumn) { try SubscriberCSV.ImportPlan(rows: [["name", "consent"]]) }
        #expect(throws: SubscriberCSV.ImportError.empty) { try SubscriberCSV.ImportPlan(rows: []) }
    }
}
