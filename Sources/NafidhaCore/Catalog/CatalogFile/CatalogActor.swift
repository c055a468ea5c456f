import NafidhaContract

/// Who applies a catalog file, as the catalog history and the audit trail record them.
public struct CatalogActor: Sendable, Equatable {
    /// How the audit trail names the kind of actor.
    public var kind: ActorKind
    /// The staff login or the operating-system user, 1 to 200 characters.
    public var name: String
    /// How the file came.
    public var channel: Catalog.ApplyChannel

    /// An admin over the API.
    public static func staff(_ member: StaffMember) -> CatalogActor {
        CatalogActor(kind: member.actor.kind, name: member.name, channel: .api)
    }

    /// An operator on the server (`nafidha admin catalog apply`), named by their operating-system login.
    public static func operatorOnServer(_ login: String) -> CatalogActor {
        let name = String(login.prefix(200))
        return CatalogActor(kind: .system, name: name.isEmpty ? "unknown" : name, channel: .cli)
    }

    /// `nafidha seed demo`.
    public static let seed = CatalogActor(kind: .system, name: "nafidha", channel: .seed)
}
