/// Why a clerk command's call to the server failed, and the exit code it maps to.
enum ClientFailure: Error, CustomStringConvertible {
    /// The server could not be reached (or did not answer in time): exit 69 (EX_UNAVAILABLE).
    case unreachable(String)
    /// The server refused: its `code` and message are printed, exit 1.
    case refused(status: Int, code: String, message: String)
    /// The answer was not what the API documents: exit 1.
    case badResponse(String)
    /// No server or token configured: exit 64 (usage).
    case notConfigured(String)

    /// EX_UNAVAILABLE from sysexits.h.
    static let unreachableExitCode: Int32 = 69

    var exitCode: Int32 {
        switch self {
        case .unreachable: Self.unreachableExitCode
        case .notConfigured: 64
        case .refused, .badResponse: 1
        }
    }

    var description: String {
        switch self {
        case .unreachable(let detail): "the server is unreachable: \(detail)"
        case .refused(_, let code, let message): "\(message) (\(code))"
        case .badResponse(let detail): "unexpected answer from the server: \(detail)"
        case .notConfigured(let detail): detail
        }
    }
}
