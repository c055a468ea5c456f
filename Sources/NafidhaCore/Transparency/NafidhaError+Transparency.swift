import NafidhaContract

extension NafidhaError {
    /// The error of `code`, with its kind from the code's status and its message from `ErrorCode+Messages`.
    init(transparency code: ErrorCode) {
        let kind: Kind =
            switch code.status {
            case 400: .badRequest
            case 404: .notFound
            case 409: .conflict
            default: .unavailable
            }
        self.init(kind, code: code.rawValue, message: code.message)
    }

    /// 503 `signing_not_configured`: `serve` runs without `NAFIDHA_SIGNING_KEY_FILE`.
    public static let signingNotConfigured = NafidhaError(transparency: .signingNotConfigured)
    /// 409 `request_not_decided`.
    public static let requestNotDecided = NafidhaError(transparency: .requestNotDecided)
    /// 409 `decision_not_yet_logged`: decided, but not in a signed checkpoint yet.
    public static let decisionNotYetLogged = NafidhaError(transparency: .decisionNotYetLogged)
    /// 400 `invalid_verification_code`.
    public static let invalidVerificationCode = NafidhaError(transparency: .invalidVerificationCode)
    /// 404 `decision_not_found`: a well-formed code that no decision of this server matches.
    public static let decisionNotFound = NafidhaError(transparency: .decisionNotFound)
    /// 404 `checkpoint_not_found`.
    public static let checkpointNotFound = NafidhaError(transparency: .checkpointNotFound)
    /// 400 `invalid_tree_size`.
    public static let invalidTreeSize = NafidhaError(transparency: .invalidTreeSize)
    /// 400 `tree_sizes_out_of_order`.
    public static let treeSizesOutOfOrder = NafidhaError(transparency: .treeSizesOutOfOrder)
    /// 404 `tree_size_not_logged`.
    public static let treeSizeNotLogged = NafidhaError(transparency: .treeSizeNotLogged)
}
