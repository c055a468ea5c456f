/// How a request reached Nafidha (`requests.channel`).
public enum SubmissionChannel: String, Sendable, CaseIterable, Codable {
    case api
    case open311
    case counter
}
