import Foundation

/// The public view of one request filed for a public-report service (`GET requests`): what the spec lists, and
/// never the applicant's name, national id, phone or email, nor the form's other answers.
public struct Open311RequestView: Sendable, Equatable {
    /// The tracking number.
    public var serviceRequestID: String
    /// Open or closed.
    public var status: Open311Status
    /// A fixed public note per state, in the client's language (never a clerk's free text).
    public var statusNotes: String
    /// The service name.
    public var serviceName: String
    /// The service code.
    public var serviceCode: String
    /// The reporter's description of the problem.
    public var description: String
    /// The names of the sectors in charge (those whose steps have opened), comma-separated.
    public var agencyResponsible: String
    /// Always empty: we publish no notice per request.
    public var serviceNotice: String
    /// When it was filed.
    public var requestedDatetime: Date
    /// When it last changed (its latest audit event).
    public var updatedDatetime: Date
    /// The deadline, nil while the clock is paused or once closed.
    public var expectedDatetime: Date?
    /// The reported address, if any.
    public var address: String?
    /// The reported latitude, if any.
    public var lat: Double?
    /// The reported longitude, if any.
    public var long: Double?
    /// The link to a photo the reporter sent, if any.
    public var mediaURL: String?
}
