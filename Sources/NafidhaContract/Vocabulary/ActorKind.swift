/// Who acted: the kinds of actor the audit trail knows.
public enum ActorKind: String, Sendable, CaseIterable, Codable {
    case citizen
    case clerk
    case auditor
    case system
}
