import Foundation
import NafidhaCore
import Postgres
import TestSupport
import Testing

@Suite("Schema equivalence")
struct SchemaEquivalenceTests {
    /// The repository's top level, found from this file's path (Tests/NafidhaCoreTests/...).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("applying the migrations in order gives the same schema as schema.sql")
    func migrationsMatchSchemaFile() throws {
        let schemaText = try String(
            contentsOf: Self.repositoryRoot.appendingPathComponent("schema.sql"), encoding: .utf8)
        try TestDatabase.with(fromTemplate: false) { fromFile in
            try TestDatabase.with(fromTemplate: false) { fromMigrations in
                try fromFile.connect().runTrustedScript(schemaText)
                try SchemaMigrator().migrate(fromMigrations.connect())

                let expected = try SchemaFingerprint.of(fromFile.connect())
                let actual = try SchemaFingerprint.of(fromMigrations.connect())
                #expect(expected.contains("relation schema_migrations r"))
                #expect(actual == expected, "differences: \(Set(actual).symmetricDifference(expected).sorted())")
            }
        }
    }

    @Test("the fingerprint notices a column default that differs")
    func fingerprintSeesDefaults() throws {
        try TestDatabase.with(fromTemplate: false) { first in
            try TestDatabase.with(fromTemplate: false) { second in
                try first.connect().runTrustedScript("CREATE TABLE t (n integer NOT NULL DEFAULT 1);")
                try second.connect().runTrustedScript("CREATE TABLE t (n integer NOT NULL DEFAULT 2);")
                #expect(try SchemaFingerprint.of(first.connect()) != SchemaFingerprint.of(second.connect()))
            }
        }
    }
}

/// A sorted list of lines describing a schema's tables, columns, constraints, indexes, triggers, functions, enum
/// types and comments, read from the catalogs.
enum SchemaFingerprint {
    static func of(_ connection: PostgresConnection, schema: String = "public") throws -> [String] {
        let rows = try connection.query(
            """
            SELECT format('relation %s %s', c.relname, c.relkind) AS line
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
            UNION ALL
            SELECT format('column %s.%s %s not_null=%s default=%s identity=%s generated=%s',
                          c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                          pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated)
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE n.nspname = $1 AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            UNION ALL
            SELECT format('constraint %s.%s %s', c.relname, con.conname, pg_get_constraintdef(con.oid))
              FROM pg_constraint con
              JOIN pg_class c ON c.oid = con.conrelid
              JOIN pg_namespace n ON n.oid = con.connamespace
             WHERE n.nspname = $1
            UNION ALL
            SELECT 'index ' || pg_get_indexdef(i.indexrelid)
              FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = $1
            UNION ALL
            SELECT 'trigger ' || pg_get_triggerdef(t.oid)
              FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = $1 AND NOT t.tgisinternal
            UNION ALL
            SELECT 'function ' || pg_get_functiondef(p.oid)
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = $1 AND p.prokind IN ('f', 'p')
            UNION ALL
            SELECT format('enum %s %s', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder))
              FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname = $1
             GROUP BY t.typname
            UNION ALL
            SELECT format('comment %s.%s %s', c.relname, d.objsubid, d.description)
              FROM pg_description d JOIN pg_class c ON c.oid = d.objoid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE d.classoid = 'pg_class'::regclass AND n.nspname = $1
            """,
            [schema]
        )
        return try rows.map { try $0.decode("line", as: String.self) }.sorted()
    }
}
