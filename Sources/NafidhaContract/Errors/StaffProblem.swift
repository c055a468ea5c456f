/// Why `nafidha admin` refuses a staff member or a token, for the message of `invalid_staff`.
public enum StaffProblem: Sendable, Hashable {
    /// The name is not 1–63 of a-z 0-9 . _ - starting with a letter or digit.
    case invalidName
    /// A clerk needs at least one municipality and one sector.
    case clerkWithoutScope
    /// A supervisor needs at least one municipality.
    case supervisorWithoutMunicipality
    /// Only clerks are scoped to sectors.
    case sectorsOnlyForClerks
    /// A token lives between one minute and this many days.
    case tokenLifetime(maximumDays: Int)
    /// No municipality has this code.
    case unknownMunicipality(String)
    /// No sector has this code.
    case unknownSector(String)
    /// The contact's e-mail address is not one.
    case invalidEmail(String)
    /// The contact's phone is not in E.164 (`+218912345678`).
    case invalidPhone(String)
}
