import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Row decoding")
struct RowDecodingTests {
    @Test("A value that does not decode throws an error naming the column")
    func undecodableValueNamesTheColumn() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            let row = try connection.query("SELECT 'twelve'::text AS age, 1 AS id").first!
            let error = try #require(throws: PostgresError.self) { try row.decode("age", as: Int.self) }
            #expect(error.code == .decodingFailed)
            #expect(error.column == "age")
            #expect(error.message.contains("\"age\""))
            #expect(error.message.contains("Int"))
            #expect(try row.decode("id", as: Int.self) == 1)
        }
    }

    @Test("NULL in a non-optional throws an error naming the column and suggesting an optional")
    func nullInNonOptionalNamesTheColumn() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            let row = try connection.query("SELECT NULL::timestamptz AS closed_at").first!
            let error = try #require(throws: PostgresError.self) { try row.decode("closed_at", as: Date.self) }
            #expect(error.code == .decodingFailed)
            #expect(error.column == "closed_at")
            #expect(error.message.contains("NULL"))
        }
    }

    @Test("An unknown column name or index throws missingColumn")
    func unknownColumnThrows() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            let row = try connection.query("SELECT 1 AS id").first!
            #expect(throws: PostgresError.self) { try row.decode("ID", as: Int.self) }
            let error = try #require(throws: PostgresError.self) { try row.decode(3, as: Int.self) }
            #expect(error.code == .missingColumn)
        }
    }

    @Test("Rows iterate in order with their column names, and execute counts affected rows")
    func rowsIterate() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            let rows = try connection.query("SELECT n, n * n AS square FROM generate_series(1, 5) AS n")
            #expect(rows.count == 5)
            #expect(rows.columnNames == ["n", "square"])
            #expect(try rows.map { try $0.decode("square", as: Int.self) } == [1, 4, 9, 16, 25])
            try connection.execute("CREATE TEMP TABLE sector (name text)")
            #expect(try connection.execute("INSERT INTO sector SELECT 's' || n FROM generate_series(1, 3) AS n") == 3)
            #expect(try connection.execute("DELETE FROM sector WHERE name <> $1", ["s1"]) == 2)
        }
    }

    @Test("Decoding Int32 from a value too large for it fails instead of wrapping")
    func narrowIntegerOverflowFails() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            let row = try connection.query("SELECT 3000000000::int8 AS big").first!
            #expect(throws: PostgresError.self) { try row.decode("big", as: Int32.self) }
            #expect(try row.decode("big", as: Int64.self) == 3_000_000_000)
        }
    }
}
