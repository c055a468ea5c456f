import Postgres
import TestSupport
import Testing

@Suite("Arrays cross as text[], int8[] and int4[] values")
struct ArrayCodecTests {
    /// Strings that break hand-made array literals: quoting, escaping, separators, the NULL keyword, scripts.
    static let hostileStrings = [
        #"say "hi""#, #"back\slash"#, #"\"#, "a,b", "{braces}", "}", "NULL", "null", "", " ", "  padded  ",
        "طرابلس، ليبيا", "Mairie de Djibouti, état « reçu »", "tab\tand\nnewline", "'; DROP TABLE x; --",
    ]

    @Test("A hostile string comes back unchanged inside a text[]", arguments: hostileStrings)
    func hostileStringRoundTrips(_ text: String) throws {
        let connection = try TestDatabase.connectToAdminDatabase()
        let values = [text, "after"]
        let back = try connection.query("SELECT $1::text[]", [values]).first!.decode(0, as: [String].self)
        #expect(back == values)
    }

    @Test("The server sees each hostile string as one element of the array")
    func serverSeesEachElement() throws {
        let connection = try TestDatabase.connectToAdminDatabase()
        let rows = try connection.query(
            "SELECT element FROM unnest($1::text[]) WITH ORDINALITY AS e (element, n) ORDER BY n",
            [Self.hostileStrings])
        #expect(try rows.map { try $0.decode(0, as: String.self) } == Self.hostileStrings)
    }

    @Test("An empty [String] is an empty array, not NULL")
    func emptyStringArrayRoundTrips() throws {
        let connection = try TestDatabase.connectToAdminDatabase()
        let row = try connection.query("SELECT $1::text[], cardinality($1::text[])", [[String]()]).first!
        #expect(try row.decode(0, as: [String].self) == [])
        #expect(try row.decode(1, as: Int.self) == 0)
    }

    @Test("An empty [Int64] is an empty int8[]")
    func emptyInt64ArrayRoundTrips() throws {
        let connection = try TestDatabase.connectToAdminDatabase()
        let back = try connection.query("SELECT $1", [[Int64]()]).first!.decode(0, as: [Int64].self)
        #expect(back == [])
    }

    @Test("[Int64] is sent as int8[] and keeps its extremes")
    func int64ExtremesRoundTrip() throws {
        let connection = try TestDatabase.connectToAdminDatabase()
        let values: [Int64] = [.min, -1, 0, 1, .max]
        let row = try connection.query("SELECT $1, pg_typeof($1)::text", [values]).first!
        #expect(try row.decode(0, as: [Int64].self) == values)
        #expect(try row.decode(1, as: String.self) == "bigint[]")
    }

    @Test("[Int32] is sent as int4[] and keeps its extremes")
    func int32ExtremesRoundTrip() throws {
        let connection = try TestDatabase.connectToAdminDatabase()
        let values: [Int32] = [.min, -7, 0, .max]
        let row = try connection.query("SELECT $1, pg_typeof($1)::text", [values]).first!
        #expect(try row.decode(0, as: [Int32].self) == values)
        #expect(try row.decode(1, as: String.self) == "integer[]")
    }

    @Test("[Int] is sent as int8[]")
    func intArrayRoundTrips() throws {
        let connection = try TestDatabase.connectToAdminDatabase()
        let back = try connection.query("SELECT $1", [[3, 1, 2]]).first!.decode(0, as: [Int].self)
        #expect(back == [3, 1, 2])
    }

    @Test("A nil element is a NULL element, and the text NULL stays text")
    func nilElementIsNull() throws {
        let connection = try TestDatabase.connectToAdminDatabase()
        let values: [String?] = [nil, "NULL", ""]
        let row = try connection.query(
            "SELECT $1::text[], ($1::text[])[1] IS NULL, ($1::text[])[2] IS NULL", [values]
        ).first!
        #expect(try row.decode(0, as: [String?].self) == values)
        #expect(try row.decode(1, as: Bool.self))
        #expect(try row.decode(2, as: Bool.self) == false)
    }

    @Test("A NULL element does not decode into a non-optional element type")
    func nullElementFailsNonOptionalDecode() throws {
        let connection = try TestDatabase.connectToAdminDatabase()
        let row = try connection.query("SELECT ARRAY['a', NULL]::text[]").first!
        #expect(throws: PostgresError.self) { try row.decode(0, as: [String].self) }
    }

    @Test("A NULL array decodes as nil into an optional array")
    func nullArrayIsNil() throws {
        let connection = try TestDatabase.connectToAdminDatabase()
        let row = try connection.query("SELECT NULL::int4[]").first!
        #expect(try row.decode(0, as: [Int32]?.self) == nil)
    }

    @Test("An array with a lower bound other than 1 decodes its elements")
    func boundsDecorationIsSkipped() throws {
        let connection = try TestDatabase.connectToAdminDatabase()
        let row = try connection.query("SELECT '[0:2]={7,8,9}'::int4[]").first!
        #expect(try row.decode(0, as: [Int32].self) == [7, 8, 9])
    }

    @Test("A two-dimensional array does not decode as a one-dimensional one")
    func multidimensionalArrayIsRefused() throws {
        let connection = try TestDatabase.connectToAdminDatabase()
        let row = try connection.query("SELECT '{{1,2},{3,4}}'::int8[]").first!
        #expect(throws: PostgresError.self) { try row.decode(0, as: [Int64].self) }
    }

    @Test("Server-written bare elements with spaces and quotes decode as text")
    func serverOutputDecodes() throws {
        let connection = try TestDatabase.connectToAdminDatabase()
        let row = try connection.query(#"SELECT ARRAY['plain', 'two words', 'q"uote', 'b\ack', '']"#).first!
        #expect(try row.decode(0, as: [String].self) == ["plain", "two words", #"q"uote"#, #"b\ack"#, ""])
    }

    @Test("A [String] parameter works with = ANY on a text column")
    func stringArrayWorksWithAny() throws {
        let connection = try TestDatabase.connectToAdminDatabase()
        let rows = try connection.query(
            "SELECT code FROM (VALUES (1, 'TRP'), (2, 'BEN'), (3, 'a,b')) AS m (n, code) WHERE code = ANY ($1) ORDER BY n",
            [["a,b", "TRP"]])
        #expect(try rows.map { try $0.decode(0, as: String.self) } == ["TRP", "a,b"])
    }

    @Test("[UInt8] is still sent and read as bytea")
    func bytesStayBytea() throws {
        let connection = try TestDatabase.connectToAdminDatabase()
        let bytes: [UInt8] = [0, 0x7b, 0x22, 0xff]
        let row = try connection.query("SELECT $1, pg_typeof($1)::text", [bytes]).first!
        #expect(try row.decode(0, as: [UInt8].self) == bytes)
        #expect(try row.decode(1, as: String.self) == "bytea")
    }
}
