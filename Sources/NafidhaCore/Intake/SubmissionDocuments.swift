import NafidhaContract
import Transparency

/// The `documents` member of a submission (or a reply), checked against the service's document rules before
/// anything is stored: `[{"type": CODE, "upload_id": ID}]`, at most `Documents.maximumPerSubmission` entries, every
/// type one of the service's documents, every required document present, no upload named twice. Problems are keyed
/// `documents` (the member itself) or `documents.CODE`.
///
/// Whether each upload exists, is complete, unexpired, unattached, of an accepted type and size is decided by the
/// statement that attaches it (`Filing+Documents.swift`), which locks the uploads; `refusal(attachable:)` then
/// names the ones it could not take.
struct SubmissionDocuments {
    /// One upload to attach, with what its document accepts.
    struct Choice: Sendable, Equatable {
        var type: String
        /// SHA-256 of the upload id's text, hexadecimal: how `uploads.secret_hash` is matched.
        var uploadHash: String
        var mediaTypes: [String]
        var maxBytes: Int
    }

    private(set) var choices: [Choice] = []
    private(set) var problems: [String: FieldReason] = [:]

    /// Checks `value` (the member, absent or null meaning none) against `rules` (nil: the service is unknown, and
    /// only the member's shape is checked). `requireAll` is false where documents are optional by nature (a reply).
    init(_ value: JSONValue?, rules: [DocumentRule]?, requireAll: Bool = true) {
        var entries: [JSONValue] = []
        switch value {
        case nil, .null?: break
        case .array(let given)?: entries = given
        default:
            problems["documents"] = .mustBeArray
            return
        }
        guard entries.count <= Documents.maximumPerSubmission else {
            problems["documents"] = .tooMany(maximum: Documents.maximumPerSubmission)
            return
        }
        var seen = Set<String>()
        for entry in entries {
            guard case .object(let members) = entry, case .string(let type)? = members["type"],
                case .string(let uploadID)? = members["upload_id"], members.count == 2
            else {
                problems["documents"] = .mustBeObject
                continue
            }
            let path = "documents." + String(type.prefix(64))
            guard let rules else { continue }
            guard let rule = rules.first(where: { $0.code == type }) else {
                problems[path] = .unknownMember
                continue
            }
            let hash = Hex.encode(AccessToken(text: uploadID).hash)
            guard uploadID.utf8.count == 43, seen.insert(hash).inserted else {
                problems[path] = .uploadUnavailable
                continue
            }
            choices.append(
                Choice(type: type, uploadHash: hash, mediaTypes: rule.mediaTypes, maxBytes: rule.maxBytes))
        }
        for rule in rules ?? [] where requireAll && rule.required && !choices.contains(where: { $0.type == rule.code })
        {
            if problems["documents." + rule.code] == nil { problems["documents." + rule.code] = .required }
        }
    }

    /// The choices as one JSON array for the statement's `jsonb_to_recordset`.
    var jsonText: String {
        JSONValue.array(
            choices.map { choice in
                .object([
                    "type": .string(choice.type), "upload": .string(choice.uploadHash),
                    "media_types": .array(choice.mediaTypes.map(JSONValue.string)),
                    "max_bytes": .number(Double(choice.maxBytes)),
                ])
            }
        ).canonicalText
    }
}
