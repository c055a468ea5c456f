import ArgumentParsing

/// `nafidha admin catalog`: the catalog as a reviewed, versioned file (docs/catalog.md), on the database directly.
struct AdminCatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "catalog",
        abstract: "Exports, applies and lists the versions of the catalog file (countries to overlays).",
        discussion: """
            The catalog (countries, holidays, municipalities, offices, sectors, services and municipal overlays) is \
            one JSON file (docs/catalog.md, docs/catalog.schema.json). Export it, edit it, apply it with --dry-run \
            to see the change, then apply it: in one transaction, recorded as a catalog version. Admins can do the \
            same over the API (GET and POST /v1/admin/catalog).
            """,
        subcommands: [
            AdminCatalogExportCommand.self, AdminCatalogApplyCommand.self, AdminCatalogHistoryCommand.self,
        ]
    )
}
