/// Why a clerk command's call to the server failed, and the exit code it maps to.
enum ClientFailure: Error, CustomStringConvertible {
    /// The server could not be reached (or did not answer in time): exit 69 (EX_UNAVAILABLE).
    case unreachable(String)
    /// The server refused: its `code` and message are printed; exit 1, or 69 when it said it is unavailable (503).
    case refused(status: Int, code: String, message: String)
    /// The answer is not what the API documents (a member missing or of the wrong type, not JSON, ...): exit 1.
    case badResponse(String)
    /// The request could not be written: exit 1.
    case unsendable(String)
    /// No server or token configured: exit 64 (usage).
    case notConfigured(String)

    /// EX_UNAVAILABLE from sysexits.h.
    static let unreachableExitCode: Int32 = 69

    var exitCode: Int32 {
        switch self {
        case .unreachable: Self.unreachableExitCode
        case .refused(let status, _, _) where status == 503: Self.unreachableExitCode
        case .notConfigured: 64
        case .refused, .badResponse, .unsendable: 1
        }
    }

    var description: String {
        switch self {
        case .unreachable(let detail):
            "the server is unreachable: \(detail); check NAFIDHA_URL (or 'nafidha login --url URL')"
        case .refused(401, let code, let message):
            "\(message) (\(code)); set NAFIDHA_TOKEN or run 'nafidha login' with a valid token"
        case .refused(_, let code, let message): "\(message) (\(code))"
        case .badResponse(let detail): "the server's answer \(detail)"
        case .unsendable(let detail), .notConfigured(let detail): detail
        }
    }
}
