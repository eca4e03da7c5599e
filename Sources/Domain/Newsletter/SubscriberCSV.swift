import Foundation

/// Subscriber lists as CSV (RFC 4180): what staff export and import.
public enum SubscriberCSV {
    /// Splits CSV text into rows of fields: quoted fields may hold commas, quotes ("") and line
    /// breaks; CRLF and LF both end rows; a byte-order mark is ignored.
    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.drop(while: { $0 == "\u{FEFF}" }).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return iterator.next()
        }
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            quoted = false
                            pending = following
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r", "\n":
                if scalar == "\r", let following = next(), following != "\n" { pending = following }
                row.append(field)
                field = ""
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row = []
            default: field.unicodeScalars.append(scalar)
            }
        }
        row.append(field)
        if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
        return rows
    }

    /// One CSV line (CRLF-terminated), quoting fields that need it. Fields starting with = + - @
    /// get a leading apostrophe so spreadsheets do not run them as formulas.
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            var value = field
            if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
            let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }.joined(separator: ",") + "\r\n"
    }

    /// An import file read against its header: which column holds what.
    public struct ImportPlan: Equatable, Sendable {
        public var emailColumn: Int
        public var nameColumn: Int?
        public var consentColumn: Int
        public var rows: [[String]]

        /// Reads the header: an email column and a consent column are required (nobody is added
        /// without a record of where their consent came from).
        public init(rows parsed: [[String]]) throws(ImportError) {
            guard let header = parsed.first else { throw .empty }
            let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let email = names.firstIndex(where: { ["email", "e-mail", "email address", "address"].contains($0) }) else {
                throw .missingEmailColumn
            }
            guard let consent = names.firstIndex(where: { ["consent", "consent source", "consent_source", "source"].contains($0) })
            else { throw .missingConsentColumn }
            self.emailColumn = email
            self.consentColumn = consent
            self.nameColumn = names.firstIndex(where: { ["name", "full name", "first name"].contains($0) })
            self.rows = Array(parsed.dropFirst())
        }
    }

    public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case missingEmailColumn
        case missingConsentColumn

        public var description: String {
            switch self {
            case .empty: "The file is empty."
            case .missingEmailColumn: "The first row must name the columns, including one called “email”."
            case .missingConsentColumn:
                "The file needs a “consent” column saying where each person agreed to receive the newsletter (for example “signed up at the 2025 book fair”). Nobody is imported without it."
            }
        }
    }
}
