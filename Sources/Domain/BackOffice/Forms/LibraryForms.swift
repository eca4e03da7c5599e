import Foundation

/// Uploading an image.
public enum UploadForm {
    public enum Field: String, FormField {
        case file
    }
}

/// An image's alt text and default caption.
public struct MediaDescriptionForm: Equatable, Sendable {
    public enum Field: String, FormField {
        case alt, caption
    }

    public var alt: String
    public var caption: String

    public init(alt: String, caption: String) {
        self.alt = alt
        self.caption = caption
    }

    public init(_ form: some FormValues) {
        self.init(alt: form.trimmed(Field.alt), caption: form.trimmed(Field.caption))
    }

    public func validate() -> FormErrors<Field> {
        var errors = FormErrors<Field>()
        if alt.isEmpty {
            errors[.alt] = "Describe what the image shows."
        } else if alt.count > 300 {
            errors[.alt] = "Keep alt text under 300 characters."
        }
        if caption.count > 300 { errors[.caption] = "Keep the caption under 300 characters." }
        return errors
    }
}

/// Adding a section, and changing one (each section's row on the page has its own fields).
public struct SectionForm: Equatable, Sendable {
    public enum Field: FormField {
        case name
        case rowName(Section.ID)
        case rowDescription(Section.ID)
        case rowInNavigation(Section.ID)
        case direction

        public var name: String {
            switch self {
            case .name: "name"
            case .rowName(let id): "name-\(id)"
            case .rowDescription(let id): "description-\(id)"
            case .rowInNavigation(let id): "nav-\(id)"
            case .direction: "direction"
            }
        }
    }

    public var name: String
    public var description: String
    public var inNavigation: Bool

    /// The new-section form.
    public init(new form: some FormValues) {
        name = form.trimmed(Field.name)
        description = ""
        inNavigation = true
    }

    /// The row of the section `id`.
    public init(row id: Section.ID, _ form: some FormValues) {
        name = form.trimmed(Field.rowName(id))
        description = String(form[Field.rowDescription(id)].prefix(300))
        inNavigation = form.isChecked(Field.rowInNavigation(id))
    }

    public func validate() -> FormErrors<Field> {
        name.isEmpty || name.count > 60 ? FormErrors([(.name, "Give the section a name of up to 60 characters.")]) : FormErrors()
    }
}

/// Moving comments between moderation queues.
public struct ModerationForm: Equatable, Sendable {
    public enum Field: String, FormField {
        case id, action
    }

    public enum Action: String, CaseIterable, Sendable {
        case approve
        case pending
        case spam
        case trash
        case delete
        case pin
        case unpin
        /// Keep a flagged comment and clear its flags.
        case keep
    }

    public var ids: [Comment.ID]
    public var action: Action?

    public init(_ form: some FormValues) {
        ids = form.all(Field.id).compactMap { Int($0) }.map(Comment.ID.init)
        action = Action(rawValue: form[Field.action])
    }
}
