import NafidhaContract
import Postgres
import TestSupport
import Testing

/// Every vocabulary enum of the contract names exactly the words the database's `CHECK (column IN (...))` allows,
/// read from the migrated schema (`pg_constraint`): a case added on one side only fails here.
@Suite("Contract enums pinned to the schema's CHECK lists")
struct EnumSQLPinTests {
    /// A column and the raw values its enum holds.
    struct Pin: Sendable, CustomTestStringConvertible {
        let table: String
        let column: String
        let values: [String]

        var testDescription: String { "\(table).\(column)" }
    }

    static let pins = [
        Pin(table: "tasks", column: "status", values: TaskStatus.allCases.map(\.rawValue)),
        Pin(table: "requests", column: "status", values: RequestStatus.allCases.map(\.rawValue)),
        Pin(table: "requests", column: "channel", values: SubmissionChannel.allCases.map(\.rawValue)),
        Pin(table: "staff", column: "role", values: StaffRole.allCases.map(\.rawValue)),
        Pin(table: "audit_events", column: "action", values: AuditAction.allCases.map(\.rawValue)),
        Pin(table: "audit_events", column: "actor_kind", values: ActorKind.allCases.map(\.rawValue)),
        Pin(table: "service_fields", column: "datatype", values: Catalog.FieldDatatype.allCases.map(\.rawValue)),
        Pin(table: "notification_events", column: "type", values: NotificationEventType.allCases.map(\.rawValue)),
        Pin(table: "notifications", column: "channel", values: NotificationChannel.allCases.map(\.rawValue)),
        Pin(table: "notifications", column: "state", values: NotificationState.allCases.map(\.rawValue)),
        Pin(table: "requests", column: "language", values: Language.allCases.map(\.rawValue)),
        Pin(table: "staff", column: "language", values: Language.allCases.map(\.rawValue)),
        Pin(table: "catalog_versions", column: "applied_via", values: Catalog.ApplyChannel.allCases.map(\.rawValue)),
        Pin(table: "appeals", column: "status", values: AppealStatus.allCases.map(\.rawValue)),
        Pin(
            table: "requests", column: "description_moderation", values: ModerationState.allCases.map(\.rawValue)),
        Pin(table: "request_moderations", column: "action", values: ModerationAction.allCases.map(\.rawValue)),
        Pin(table: "bills", column: "status", values: BillStatus.allCases.map(\.rawValue)),
        Pin(table: "payments", column: "method", values: PaymentMethod.allCases.map(\.rawValue)),
    ]

    @Test("the enum's cases are the column's CHECK list", arguments: pins)
    func pinned(_ pin: Pin) throws {
        try TestDatabase.with { database in
            let allowed = try Self.checkList(table: pin.table, column: pin.column, on: database.connect())
            #expect(allowed.sorted() == pin.values.sorted(), "only in SQL: \(Set(allowed).subtracting(pin.values))")
            #expect(Set(pin.values).count == pin.values.count)
        }
    }

    @Test("the reader finds the list of a CHECK constraint and refuses a column without one")
    func readerFindsLists() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let connection = try database.connect()
            try connection.runTrustedScript(
                """
                CREATE TABLE t (kind text CHECK (kind IN ('a', 'b''c')), free text,
                                n integer CHECK (n > 0), CHECK ((kind = 'a') = (n IS NULL)));
                """)
            #expect(try Self.checkList(table: "t", column: "kind", on: connection) == ["a", "b'c"])
            #expect(throws: PinError.self) { try Self.checkList(table: "t", column: "free", on: connection) }
            #expect(throws: PinError.self) { try Self.checkList(table: "t", column: "n", on: connection) }
        }
    }

    struct PinError: Error, CustomStringConvertible {
        let description: String
    }

    /// The values of the one single-column CHECK constraint of `table.column` that lists them; PostgreSQL keeps
    /// `col IN ('a', 'b')` as `(col = ANY (ARRAY['a'::text, 'b'::text]))`.
    static func checkList(table: String, column: String, on connection: PostgresConnection) throws -> [String] {
        let definitions: [String] = try connection.query(
            """
            SELECT pg_get_constraintdef(c.oid) AS definition
              FROM pg_constraint c
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
             WHERE c.contype = 'c' AND c.conrelid = $1::regclass AND cardinality(c.conkey) = 1 AND a.attname = $2
            """,
            [table, column]
        ).map { try $0.decode("definition") }
        let lists = definitions.compactMap { definition -> [String]? in
            guard let start = definition.range(of: "ANY (ARRAY["), let end = definition.range(of: "])") else {
                return nil
            }
            return literals(in: String(definition[start.upperBound..<end.lowerBound]))
        }
        guard lists.count == 1 else {
            throw PinError(description: "\(table).\(column) has \(lists.count) CHECK lists: \(definitions)")
        }
        return lists[0]
    }

    /// The SQL string literals of `'a'::text, 'b''c'::text`, unquoted.
    static func literals(in text: String) -> [String] {
        var values: [String] = []
        var current: String?
        var characters = text[...]
        while let character = characters.popFirst() {
            if character == "'" {
                if current == nil {
                    current = ""
                } else if characters.first == "'" {
                    current?.append("'")
                    characters.removeFirst()
                } else {
                    values.append(current ?? "")
                    current = nil
                }
            } else if current != nil {
                current?.append(character)
            }
        }
        return values
    }
}
