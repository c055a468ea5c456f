/// One field of a service's form, as intake validates it (`service_fields` and its choices).
struct FormField: Sendable {
    /// The catalog's datatypes.
    enum Datatype: String, Sendable {
        case string, text, number, date
        case singleChoice = "single_choice"
        case multipleChoice = "multiple_choice"
        case nationalID = "national_id"
        case phone, email, location
    }

    var code: String
    var datatype: Datatype
    var required: Bool
    /// Characters at most (string and text); nil uses the datatype's default.
    var maxLength: Int?
    var minimum: Double?
    var maximum: Double?
    /// Known choice codes (single and multiple choice).
    var choices: Set<String>

    /// Characters a `string` may hold when the catalog sets no limit.
    static let defaultStringLength = 200
    /// Characters a `text` may hold when the catalog sets no limit.
    static let defaultTextLength = 4000
}
