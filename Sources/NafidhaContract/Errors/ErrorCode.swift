/// Every error code a Nafidha server can answer, in `{"error":{"code":...}}`, with its HTTP status and meaning.
///
/// The cases are grouped by who raises them: the service layer (staff, queues, workflow, intake, catalog, reports,
/// audit, Open311), the API routes, and the HTTP server itself. The HTTP module keeps its own strings, since it
/// must not know the contract; a test checks that each of them is a case here. Messages, in Arabic, French and
/// English, are in `ErrorCode+Messages.swift` and nowhere else. docs/errors.md lists them all.
public enum ErrorCode: String, Codable, CaseIterable, Sendable {
    // Staff: tokens, roles and scope.
    case invalidToken = "invalid_token"
    case readOnlyRole = "read_only_role"
    case supervisorOnly = "supervisor_only"
    case outOfScope = "out_of_scope"
    case invalidStaff = "invalid_staff"
    case staffNotFound = "staff_not_found"
    case staffExists = "staff_exists"

    // Queues and claims.
    case invalidCursor = "invalid_cursor"
    case taskNotFound = "task_not_found"
    case queueEmpty = "queue_empty"
    case taskChanged = "task_changed"
    case taskClaimed = "task_claimed"
    case taskNotOpen = "task_not_open"
    case notAssignee = "not_assignee"
    case taskNotClaimed = "task_not_claimed"

    // Searching requests by applicant.
    case searchCriterionRequired = "search_criterion_required"
    case searchTermTooShort = "search_term_too_short"
    case invalidSearchTerm = "invalid_search_term"

    // The workflow engine and the requests it moves.
    case requestNotFound = "request_not_found"
    case invalidTransition = "invalid_transition"
    case nothingAwaitingCitizen = "nothing_awaiting_citizen"
    case requestClosed = "request_closed"
    case staffInactive = "staff_inactive"
    case validationFailed = "validation_failed"
    case unknownRequestStatus = "unknown_request_status"
    case unknownTaskStatus = "unknown_task_status"
    case storedDataInvalid = "stored_data_invalid"

    // Appeals against rejections.
    case appealNotAllowed = "appeal_not_allowed"
    case appealWindowClosed = "appeal_window_closed"
    case appealAlreadyFiled = "appeal_already_filed"
    case appealNotFound = "appeal_not_found"
    case appealAlreadyDecided = "appeal_already_decided"

    // Intake and the catalog.
    case invalidIdempotencyKey = "invalid_idempotency_key"
    case idempotencyConflict = "idempotency_conflict"
    case municipalityRequired = "municipality_required"
    case unknownMunicipality = "unknown_municipality"
    case unknownService = "unknown_service"
    case serviceNotOffered = "service_not_offered"
    case databaseUnavailable = "database_unavailable"
    case catalogChanging = "catalog_changing"

    // The catalog as a file (docs/catalog.md).
    case adminOnly = "admin_only"
    case catalogInvalid = "catalog_invalid"
    case catalogTooLarge = "catalog_too_large"
    case catalogBusy = "catalog_busy"

    // Reports and the audit trail.
    case reportsNotAllowed = "reports_not_allowed"
    case reportNotFound = "report_not_found"
    case invalidRange = "invalid_range"
    case invalidParameter = "invalid_parameter"
    case municipalityNotFound = "municipality_not_found"
    case exportNotFound = "export_not_found"
    case unmaskedNotAllowed = "unmasked_not_allowed"
    case auditSequencerBusy = "audit_sequencer_busy"

    // Verifiable decisions and the signed audit log (docs/verification.md).
    case signingNotConfigured = "signing_not_configured"
    case requestNotDecided = "request_not_decided"
    case decisionNotYetLogged = "decision_not_yet_logged"
    case invalidVerificationCode = "invalid_verification_code"
    case decisionNotFound = "decision_not_found"
    case checkpointNotFound = "checkpoint_not_found"
    case invalidTreeSize = "invalid_tree_size"
    case treeSizesOutOfOrder = "tree_sizes_out_of_order"
    case treeSizeNotLogged = "tree_size_not_logged"
    case tooManyVerifications = "too_many_verifications"

    // The Open311 façade and its API keys.
    case invalidAPIKey = "invalid_api_key"
    case invalidAPIKeyName = "invalid_api_key_name"
    case apiKeyNameTaken = "api_key_name_taken"
    case invalidParameters = "invalid_parameters"
    case unknownJurisdiction = "unknown_jurisdiction"
    case unknownRequest = "unknown_request"
    case serviceNotPublic = "service_not_public"
    case unsupportedMediaType = "unsupported_media_type"
    case invalidForm = "invalid_form"

    // Supporting documents (docs/documents.md).
    case emptyFile = "empty_file"
    case invalidFileName = "invalid_file_name"
    case documentNotFound = "document_not_found"
    case rangeNotSatisfiable = "range_not_satisfiable"

    // Notifications: webhook subscriptions and deliveries (`nafidha admin`).
    case invalidWebhook = "invalid_webhook"
    case webhookNotFound = "webhook_not_found"
    case notificationNotFound = "notification_not_found"

    // The citizen's phone sign-in and ratings (docs/citizens.md).
    case invalidSignInCode = "invalid_sign_in_code"
    case signInCodeLocked = "sign_in_code_locked"
    case tooManySignInCodes = "too_many_sign_in_codes"
    case invalidSession = "invalid_session"
    case alreadyRated = "already_rated"
    case noteNotFound = "note_not_found"
    // Fees and payments (docs/payments.md).
    case invalidAmount = "invalid_amount"
    case amountMismatch = "amount_mismatch"
    case billNotFound = "bill_not_found"
    case billNotPayable = "bill_not_payable"
    case cashierOnly = "cashier_only"
    case receiptNotFound = "receipt_not_found"
    case receiptCancelled = "receipt_cancelled"
    case refundNotDue = "refund_not_due"
    case invalidSignature = "invalid_signature"
    case callbackConflict = "callback_conflict"
    case invalidPaymentProvider = "invalid_payment_provider"
    case paymentProviderExists = "payment_provider_exists"

    // Bodies and query strings the API cannot read.
    case invalidJSON = "invalid_json"
    case invalidQuery = "invalid_query"
    case bodyTooComplex = "body_too_complex"

    // Authentication failures a client keeps making.
    case tooManyAttempts = "too_many_attempts"

    // The HTTP server: routing, failures, load.
    case notFound = "not_found"
    case methodNotAllowed = "method_not_allowed"
    case badRequest = "bad_request"
    case internalError = "internal_error"
    case overloaded

    // The HTTP parser: the request itself is malformed or too large (docs/http-parser.md).
    case invalidRequestLine = "invalid_request_line"
    case invalidTarget = "invalid_target"
    case invalidHeader = "invalid_header"
    case invalidLineEnding = "invalid_line_ending"
    case obsoleteLineFolding = "obsolete_line_folding"
    case missingHost = "missing_host"
    case duplicateHost = "duplicate_host"
    case duplicateAuthorization = "duplicate_authorization"
    case invalidAuthorization = "invalid_authorization"
    case conflictingFraming = "conflicting_framing"
    case invalidContentLength = "invalid_content_length"
    case invalidTransferEncoding = "invalid_transfer_encoding"
    case unsupportedTransferCoding = "unsupported_transfer_coding"
    case invalidChunk = "invalid_chunk"
    case chunkLineTooLong = "chunk_line_too_long"
    case bodyTooLarge = "body_too_large"
    case incompleteBody = "incomplete_body"
    case targetTooLong = "target_too_long"
    case headerTooLarge = "header_too_large"
    case tooManyHeaders = "too_many_headers"
    case trailersTooLarge = "trailers_too_large"
    case methodNotImplemented = "method_not_implemented"
    case versionNotSupported = "version_not_supported"

    /// The HTTP status the JSON API answers with this code. (The Open311 façade answers GeoReport's error list
    /// instead, with statuses of its own: docs/open311.md.)
    public var status: Int {
        switch self {
        case .invalidCursor, .searchCriterionRequired, .invalidIdempotencyKey, .municipalityRequired, .invalidRange,
            .invalidParameter, .invalidAPIKeyName, .invalidParameters, .serviceNotPublic,
            .invalidForm, .emptyFile, .invalidFileName, .incompleteBody, .invalidJSON, .invalidQuery,
            .badRequest, .invalidRequestLine, .invalidTarget, .invalidHeader, .invalidLineEnding,
            .obsoleteLineFolding, .missingHost, .duplicateHost, .duplicateAuthorization, .invalidAuthorization,
            .conflictingFraming, .invalidContentLength,
            .invalidTransferEncoding, .invalidChunk, .chunkLineTooLong, .invalidVerificationCode, .invalidTreeSize,
            .treeSizesOutOfOrder, .invalidSignInCode:
            400
        case .invalidToken, .invalidSession, .invalidSignature:
            401
        case .readOnlyRole, .supervisorOnly, .outOfScope, .notAssignee, .reportsNotAllowed, .adminOnly,
            .unmaskedNotAllowed, .invalidAPIKey, .cashierOnly:
            403
        case .staffNotFound, .taskNotFound, .queueEmpty, .requestNotFound, .unknownMunicipality, .unknownService,
            .serviceNotOffered, .reportNotFound, .municipalityNotFound, .exportNotFound, .unknownJurisdiction,
            .unknownRequest, .webhookNotFound, .notificationNotFound, .notFound, .decisionNotFound,
            .checkpointNotFound, .treeSizeNotLogged, .appealNotFound, .noteNotFound, .documentNotFound, .billNotFound,
            .receiptNotFound:
            404
        case .methodNotAllowed:
            405
        case .staffExists, .taskChanged, .taskClaimed, .taskNotOpen, .taskNotClaimed, .invalidTransition,
            .requestClosed,
            .staffInactive,
            .nothingAwaitingCitizen, .idempotencyConflict, .apiKeyNameTaken, .requestNotDecided,
            .decisionNotYetLogged, .catalogBusy, .appealNotAllowed, .appealWindowClosed, .appealAlreadyFiled,
            .appealAlreadyDecided, .alreadyRated, .billNotPayable, .receiptCancelled, .refundNotDue, .callbackConflict,
            .paymentProviderExists:
            409
        case .bodyTooLarge, .catalogTooLarge:
            413
        case .targetTooLong:
            414
        case .unsupportedMediaType:
            415
        case .rangeNotSatisfiable:
            416
        case .invalidStaff, .validationFailed, .searchTermTooShort, .invalidSearchTerm, .catalogInvalid,
            .bodyTooComplex, .invalidWebhook, .invalidAmount, .amountMismatch, .invalidPaymentProvider:
            422
        case .tooManyAttempts, .tooManyVerifications, .signInCodeLocked, .tooManySignInCodes:
            429
        case .headerTooLarge, .tooManyHeaders, .trailersTooLarge:
            431
        case .internalError:
            500
        case .unsupportedTransferCoding, .methodNotImplemented:
            501
        case .databaseUnavailable, .catalogChanging, .unknownRequestStatus, .unknownTaskStatus, .storedDataInvalid,
            .auditSequencerBusy, .overloaded, .signingNotConfigured:
            503
        case .versionNotSupported:
            505
        }
    }

    /// When the code is answered, in one English sentence for docs/errors.md and API descriptions.
    public var meaning: String {
        switch self {
        case .invalidToken: "The staff bearer token is missing, unknown, expired or revoked, or its owner is inactive."
        case .readOnlyRole: "Auditors and admins read; they may not act on tasks or write notes."
        case .supervisorOnly: "Only a supervisor may do this (reassigning a task)."
        case .outOfScope: "A filter or assignee names a municipality or sector outside the caller's scope."
        case .invalidStaff:
            "`nafidha admin`: the staff member's name, role, scope, token lifetime or contact is invalid."
        case .staffNotFound: "No staff member has this name (reassign, `nafidha admin`)."
        case .staffExists: "`nafidha admin create-staff`: the name is taken."
        case .invalidCursor:
            "The `cursor` of a task listing or a search, or the `after` of the event feed, is not one the server gave."
        case .taskNotFound: "No task with this id is in the caller's scope (unknown and out of scope look the same)."
        case .queueEmpty: "claim-next found no open task in the caller's queues."
        case .taskChanged: "The task's `version` is not the one the caller named: it changed since it was read."
        case .taskClaimed: "Another staff member holds the task."
        case .taskNotOpen: "Only an open task can be claimed."
        case .notAssignee: "The caller does not hold the task."
        case .taskNotClaimed: "The task is not claimed, so it cannot be released or reassigned."
        case .searchCriterionRequired:
            "A request search names none, or more than one, of `national_id`, `phone`, `name`."
        case .searchTermTooShort: "A request search by `name` has fewer than 3 characters once normalized."
        case .invalidSearchTerm: "A request search's `national_id` or `phone` cannot be a national id or phone number."
        case .requestNotFound: "No request with this tracking number is visible to the caller (scope or access token)."
        case .invalidTransition: "The task's or request's status does not allow the action (docs/state-machine.md)."
        case .nothingAwaitingCitizen: "The citizen replied, but no task of the request awaits an answer."
        case .requestClosed: "A public note was added to an approved, rejected or cancelled request."
        case .staffInactive: "The staff member named as assignee is deactivated."
        case .appealNotAllowed: "Only a rejected request can be appealed."
        case .appealWindowClosed: "The service's appeal window after the rejection (in working days) has passed."
        case .appealAlreadyFiled: "The request was appealed already: a request is appealed once."
        case .appealNotFound: "No appeal has this number in the caller's municipalities."
        case .appealAlreadyDecided: "The appeal was upheld or granted already."
        case .validationFailed: "The body is well-formed but invalid; `fields` names each problem."
        case .unknownRequestStatus: "A request's stored status is not one the server knows (a data error)."
        case .unknownTaskStatus: "A task's stored status is not one the server knows (a data error)."
        case .storedDataInvalid:
            "Stored data is unreadable (a data error): a municipality without calendar, an unknown audit action or event type."
        case .invalidIdempotencyKey: "The Idempotency-Key is not 16–255 printable ASCII characters, or is repeated."
        case .idempotencyConflict: "The Idempotency-Key was used before with a different body."
        case .municipalityRequired: "The `municipality` query parameter is missing or empty."
        case .unknownMunicipality: "No municipality has this code."
        case .unknownService: "No service has this code."
        case .serviceNotOffered: "The service exists but is not offered in the municipality now."
        case .databaseUnavailable: "The database does not answer (any endpoint); worth retrying."
        case .catalogChanging: "The catalog changed under a submission at each of its runs; nothing stored, retry."
        case .adminOnly: "Only an admin may read or apply the catalog file."
        case .catalogInvalid:
            "The catalog file is not valid; `problems` lists every problem with its path, line and column."
        case .catalogTooLarge: "The catalog file is larger than a catalog file may be (8 MiB)."
        case .catalogBusy: "Another catalog apply held the lock for too long; nothing was applied, retry."
        case .reportsNotAllowed:
            "Reports, chain verification and audit exports are for auditors, supervisors and admins."
        case .reportNotFound:
            "No report has this name (sla, backlog, throughput, misroutes, appeals, satisfaction, payments, reconciliation)."
        case .invalidRange: "A report's or export's range does not start before it ends."
        case .invalidParameter:
            "A report's or export's query parameter (from, to, interval, format) has an invalid value or a date out of range."
        case .municipalityNotFound: "A report names a municipality with no working calendar."
        case .exportNotFound:
            "No such export: `nafidha audit verify --file` cannot open the file, or the API keeps no manifest of it for the caller."
        case .unmaskedNotAllowed: "An unmasked audit export (applicants' personal data): auditors and admins only."
        case .auditSequencerBusy: "`nafidha audit`: another audit sequencer kept the chains longer than it waits."
        case .signingNotConfigured:
            "The server runs without `NAFIDHA_SIGNING_KEY_FILE`: no decision document, checkpoint or verification."
        case .requestNotDecided:
            "The request is not approved or rejected, so it has no decision document and cannot be rated yet."
        case .decisionNotYetLogged:
            "The decision is not in a signed checkpoint yet (within about a minute); retry after `Retry-After`."
        case .invalidVerificationCode: "The verification code is malformed or truncated (docs/verification.md)."
        case .decisionNotFound: "No decision of this server matches the verification code: it is not valid."
        case .checkpointNotFound: "The municipality's log has no signed checkpoint (of that `size`)."
        case .invalidTreeSize: "`size`, `first` or `second` is not a whole number from 1 to 2^63 − 1."
        case .treeSizesOutOfOrder: "A consistency proof's `first` is larger than its `second`."
        case .treeSizeNotLogged: "A consistency proof's `second` is beyond the log's latest signed checkpoint."
        case .tooManyVerifications: "Too many verifications from this address; retry after `Retry-After` seconds."
        case .invalidSignInCode:
            "The sign-in code is wrong, expired or used, or no code was sent to this phone (the same answer for each)."
        case .signInCodeLocked: "The sign-in code was tried 5 times without success; ask for a new code."
        case .tooManySignInCodes:
            "Too many sign-in codes for this phone or from this address; retry after `Retry-After` seconds."
        case .invalidSession: "The citizen's session token is missing, unknown, expired or revoked."
        case .alreadyRated: "The request was rated already; a request is rated once."
        case .noteNotFound: "Moderation: the request has no public note with this id."
        case .invalidAPIKey: "Open311: a valid `api_key` is required to file a request."
        case .invalidAPIKeyName: "`nafidha admin create-api-key`: the application name is invalid."
        case .apiKeyNameTaken: "`nafidha admin create-api-key`: an API key with this name exists."
        case .invalidParameters: "Open311: some parameters are missing or invalid."
        case .unknownJurisdiction: "Open311: no municipality has this `jurisdiction_id`."
        case .unknownRequest: "Open311: no public report has this id."
        case .serviceNotPublic:
            "Open311: a request names a service that is not a public report (its definition is `unknown_service`)."
        case .unsupportedMediaType:
            "Open311: a request body must be application/x-www-form-urlencoded; an upload's media type is not accepted "
                + "or does not match the file's first bytes."
        case .emptyFile: "An upload has no bytes."
        case .invalidFileName:
            "An upload's file name (Content-Disposition) is malformed, longer than 255 characters, or holds a path "
                + "separator, `..` or a control character."
        case .documentNotFound: "No document with this id belongs to the request (or is visible to the caller)."
        case .rangeNotSatisfiable: "A download's `Range` is malformed or starts past the end of the file."
        case .incompleteBody: "The request body ended before its declared end (the client left or was too slow)."
        case .invalidForm: "Open311: the form body cannot be parsed."
        case .invalidAmount:
            "An amount is not a positive decimal with at most the currency's decimals (`12.500` LYD, `2000` DJF)."
        case .amountMismatch: "The amount or currency paid differs from the bill's; nothing was paid."
        case .billNotFound: "No bill has this number (in the caller's municipalities)."
        case .billNotPayable: "The bill is not unpaid (paid, cancelled or refunded): it cannot be paid."
        case .cashierOnly: "Only a cashier takes payments and records refunds."
        case .receiptNotFound: "No receipt has this number (in the caller's municipalities)."
        case .receiptCancelled: "The receipt is already cancelled, or its bill has moved on (refund due or refunded)."
        case .refundNotDue: "The bill is not `refund_due`: there is no refund to record."
        case .invalidSignature:
            "A payment callback's provider is unknown, or its `X-Nafidha-Signature` is missing, wrong, or more than 5 minutes away."
        case .callbackConflict:
            "The provider already sent this transaction id with another bill, amount or currency."
        case .invalidPaymentProvider: "`nafidha admin create-payment-provider`: the name is not 1–40 of a-z, 0-9, -."
        case .paymentProviderExists: "`nafidha admin create-payment-provider`: the name is taken."
        case .invalidWebhook:
            "`nafidha admin create-webhook`: the URL, an event type, a municipality or a sector is invalid."
        case .webhookNotFound: "`nafidha admin delete-webhook`: no active webhook has this id."
        case .notificationNotFound: "`nafidha admin redeliver`: no notification has this id."
        case .invalidJSON: "The body is empty, not JSON, or not UTF-8."
        case .invalidQuery: "The query string is malformed, or a listing's parameter has an invalid value."
        case .bodyTooComplex:
            "A JSON body passes one of the API's limits on nesting, members per object, elements per list or values."
        case .tooManyAttempts:
            "The client failed to authenticate too often in a short time (tokens); retry after `Retry-After` seconds."
        case .notFound: "No route has this path."
        case .methodNotAllowed: "The path exists under other methods (listed in `Allow`)."
        case .badRequest: "The HTTP server refused a malformed request without a more specific code."
        case .internalError: "A bug; details go to the server log only."
        case .overloaded:
            "Every worker is busy and the queue is full, or the audit verifiers or export slots are; retry after `Retry-After` seconds."
        case .invalidRequestLine: "The request line is malformed."
        case .invalidTarget: "The request-target is malformed."
        case .invalidHeader: "A header field is malformed."
        case .invalidLineEnding: "A line ends with a bare LF or CR; HTTP requires CRLF."
        case .obsoleteLineFolding: "A header line starts with whitespace (obs-fold, RFC 9112 §5.2)."
        case .missingHost: "An HTTP/1.1 request has no Host header."
        case .duplicateAuthorization:
            "The Authorization header was sent more than once (RFC 6750 §3.1 invalid_request)."
        case .invalidAuthorization:
            "The Authorization header is empty, or says Bearer without exactly one token (RFC 6750 §2.1)."
        case .duplicateHost: "A request has more than one Host header."
        case .conflictingFraming: "Content-Length and Transfer-Encoding were both sent (RFC 9112 §6.3)."
        case .invalidContentLength: "Content-Length is not a valid length."
        case .invalidTransferEncoding: "Transfer-Encoding is invalid."
        case .unsupportedTransferCoding: "A transfer coding other than chunked was sent."
        case .invalidChunk: "A chunk of a chunked body is malformed."
        case .chunkLineTooLong: "A chunk-size line with its extensions is too long."
        case .bodyTooLarge: "The body is larger than the server's `maxBodyBytes`."
        case .targetTooLong: "The request-target is longer than the server allows."
        case .headerTooLarge: "The header section is larger than the server allows."
        case .tooManyHeaders: "The request has more header fields than the server allows."
        case .trailersTooLarge: "The trailer section of a chunked body is larger than the server allows."
        case .methodNotImplemented: "The method is not implemented (CONNECT)."
        case .versionNotSupported: "The HTTP version is neither 1.0 nor 1.1."
        }
    }
}
