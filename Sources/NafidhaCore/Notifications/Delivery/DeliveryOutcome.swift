import Foundation

/// What one attempt came to, as a channel reports it; `RetryPolicy` decides what follows.
enum DeliveryOutcome: Sendable, Equatable {
    /// The receiver accepted it (2xx, or the SMTP server took the message).
    case sent(statusCode: Int?)
    /// A failure that may pass (5xx, 408, 429, a timeout, a lost connection): try again later, not before
    /// `retryAfter` when the receiver said so.
    case retry(statusCode: Int?, error: String, retryAfter: TimeInterval?)
    /// A failure that will not pass (another 4xx, a redirect, an invalid recipient): dead-letter it now.
    case failed(statusCode: Int?, error: String)

    /// The outcome of an HTTP answer: 2xx sent; 408, 425, 429 and 5xx retried (429 after its `Retry-After`); a 3xx
    /// refused, since redirects are not followed; every other status refused for good.
    static func of(_ response: OutgoingResponse) -> DeliveryOutcome {
        let status = response.status
        let excerpt = response.bodyExcerpt.isEmpty ? "" : ": " + response.bodyExcerpt
        switch status {
        case 200..<300:
            return .sent(statusCode: status)
        case 300..<400:
            let target = response.header("Location").map { " to \($0.prefix(200))" } ?? ""
            return .failed(statusCode: status, error: "answered \(status), a redirect\(target), not followed")
        case 408, 425, 429, 500..<600:
            return .retry(statusCode: status, error: "answered \(status)\(excerpt)", retryAfter: response.retryAfter())
        default:
            return .failed(statusCode: status, error: "answered \(status)\(excerpt)")
        }
    }

    /// The outcome of a request that got no answer: a header that cannot be sent never will be; anything else (no
    /// connection, a timeout, a TLS failure, a garbled answer) may pass.
    static func of(_ failure: OutgoingHTTPClient.Failure) -> DeliveryOutcome {
        switch failure {
        case .invalidHeader:
            .failed(statusCode: nil, error: failure.description)
        case .transport, .malformedAnswer:
            .retry(statusCode: nil, error: failure.description, retryAfter: nil)
        }
    }

    /// The status code reported, if any.
    var statusCode: Int? {
        switch self {
        case .sent(let code), .retry(let code, _, _), .failed(let code, _): code
        }
    }

    /// The error reported, if any.
    var error: String? {
        switch self {
        case .sent: nil
        case .retry(_, let error, _), .failed(_, let error): error
        }
    }
}
