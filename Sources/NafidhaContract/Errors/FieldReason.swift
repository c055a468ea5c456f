/// Why one member of a body or one parameter is refused: the values of `fields` in a `validation_failed` answer
/// (and Open311's `invalid_parameters`), each keyed by the member's path (`applicant.phone`, `fields.floors`).
/// Their texts, in Arabic, French and English, are in `FieldReason+Messages.swift` and nowhere else.
public enum FieldReason: Sendable, Hashable {
    // Any body.
    /// The member is missing, null or empty.
    case required
    /// The member has another JSON type than the one expected.
    case wrongType
    /// The body has a member that the contract does not know.
    case unknownMember
    /// A JSON object was expected.
    case mustBeObject
    /// A string was expected.
    case mustBeString
    /// `true` or `false` was expected.
    case mustBeBoolean
    /// A list was expected.
    case mustBeArray
    /// The text holds control characters.
    case controlCharacters
    /// A name holds bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C).
    case bidiControls
    /// The text holds Unicode noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their kin in every plane).
    case nonCharacters
    /// A one-line field holds a line break (newline, carriage return, U+2028, U+2029).
    case lineBreak
    /// A name has no visible letter.
    case noLetter
    /// The text is longer than `maximum` characters.
    case tooLong(maximum: Int)
    /// The list or object has more than `maximum` entries.
    case tooMany(maximum: Int)
    /// More problems were found than one answer lists.
    case tooManyProblems

    // Form values.
    /// A number was expected.
    case notANumber
    /// A real date written `YYYY-MM-DD` was expected.
    case notADate
    /// The number is below the field's minimum, written as the catalog has it.
    case atLeast(String)
    /// The number is above the field's maximum, written as the catalog has it.
    case atMost(String)
    /// The code is not one of the field's choices.
    case unknownChoice
    /// A choice is given twice.
    case duplicateChoice
    /// The national id does not follow the country's rule.
    case invalidNationalID
    /// The birth year inside the national id is not possible.
    case invalidBirthYear
    /// The phone number is not one of the country.
    case invalidPhone
    /// The email address is not valid.
    case invalidEmail
    /// A location needs `lat` and `long`, or `address`.
    case invalidLocation
    /// The latitude is outside -90…90.
    case latitudeOutOfRange
    /// The longitude is outside -180…180.
    case longitudeOutOfRange
    /// A reply's extra value is neither a text, a number nor a boolean.
    case unsupportedValue
    /// A notification channel is asked for without its contact: `applicant.phone` or `applicant.email`, named.
    case channelNeedsContact(String)

    // The catalog.
    /// No service has this code.
    case unknownService
    /// No municipality has this code.
    case unknownMunicipality
    /// The service is not offered in the municipality at present.
    case serviceNotOffered
    /// The sector named for a forward has no office in the task's municipality.
    case noOffice
    /// A forward names the queue the task is already in.
    case sameQueue

    // Parameters (Open311).
    /// One of these values was expected.
    case oneOf([String])
    /// A whole number in this range was expected.
    case wholeNumber(from: Int, to: Int)
    /// An ISO 8601 instant with a time zone was expected.
    case notAnInstant
    /// The date is outside the range every date parameter must fall in (earliest and latest, `YYYY-MM-DD`).
    case instantOutOfRange(earliest: String, latest: String)
    /// The range is negative or longer than `maximumDays` days.
    case spanTooLong(maximumDays: Int)
    /// Open311 needs a `jurisdiction_id` when the server has several municipalities.
    case jurisdictionRequired
    /// Open311 needs `lat` and `long` together, `address_string` or `address_id`.
    case locationRequired
    /// `media_url` must be an http(s) URL of at most `maximumLength` characters.
    case invalidMediaURL(maximumLength: Int)
    /// A document's `upload_id` names no complete upload that may still be attached: unknown, expired, already
    /// attached, or named twice (one reason for all, so an upload id cannot be probed).
    case uploadUnavailable
    /// The upload's media type is not one the catalog document accepts.
    case mediaTypeNotAccepted([String])
    /// The upload is larger than the catalog document accepts.
    case fileTooLarge(maximumBytes: Int)
}
