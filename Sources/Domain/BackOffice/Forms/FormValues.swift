import Foundation

/// A field of an HTML form, by the name the browser sends. Each form in the back office declares
/// its fields as an enum of these; views print the names from it and forms read them through it,
/// so no field name is typed twice.
public protocol FormField: Hashable, Sendable {
    var name: String { get }
}

extension FormField where Self: RawRepresentable, RawValue == String {
    public var name: String { rawValue }
}

/// What a submitted form holds, as the forms here read it (the app's form reader provides it).
public protocol FormValues {
    /// The value of a field sent once, nil when it was not sent.
    func value(_ name: String) -> String?
    /// Every value of a field that may be sent several times, in order.
    func values(_ name: String) -> [String]
}

extension FormValues {
    /// The field's value, or "" when it was not sent.
    public subscript(_ field: some FormField) -> String {
        value(field.name) ?? ""
    }

    /// The field's value without surrounding whitespace.
    public func trimmed(_ field: some FormField) -> String {
        self[field].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether a checkbox was ticked.
    public func isChecked(_ field: some FormField) -> Bool {
        value(field.name) == "on"
    }

    public func all(_ field: some FormField) -> [String] {
        values(field.name)
    }
}

/// What is wrong with a form, field by field, in the words shown next to each field.
public struct FormErrors<Field: FormField>: Equatable, Sendable {
    public private(set) var messages: [Field: String] = [:]
    /// The fields in the order they were found wanting (the summary lists them so).
    public private(set) var order: [Field] = []

    public init() {}

    public init(_ pairs: [(Field, String)]) {
        for (field, message) in pairs { self[field] = message }
    }

    public subscript(_ field: Field) -> String? {
        get { messages[field] }
        set {
            if newValue != nil, messages[field] == nil { order.append(field) }
            if newValue == nil { order.removeAll { $0 == field } }
            messages[field] = newValue
        }
    }

    public var isEmpty: Bool { messages.isEmpty }

    /// Each problem with the name of its field, in order.
    public var all: [(field: Field, message: String)] { order.compactMap { field in messages[field].map { (field, $0) } } }

    public mutating func merge(_ other: FormErrors<Field>) {
        for (field, message) in other.all where self[field] == nil { self[field] = message }
    }
}

/// A form's problems can be the failure of a `Result`.
extension FormErrors: Error {}
