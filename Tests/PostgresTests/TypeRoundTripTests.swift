import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Values round-trip through PostgreSQL")
struct TypeRoundTripTests {
    /// Sends `value` as `$1`, casts it to `sqlType` on the server, and decodes the answer.
    private func roundTrip<T: PostgresEncodable & PostgresDecodable>(
        _ value: T, as sqlType: String, on connection: PostgresConnection
    ) throws -> T {
        // sqlType is a constant of these tests, never input.
        try connection.query("SELECT $1::\(sqlType) AS value", [value]).first!.decode("value", as: T.self)
    }

    @Test("Arabic, French and emoji text come back unchanged")
    func textRoundTrips() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            for text in ["نافذة البلدية — طرابلس", "Mairie de Djibouti: dossier n° 12, état « reçu »", "🏛️", ""] {
                #expect(try roundTrip(text, as: "text", on: connection) == text)
            }
        }
    }

    @Test("NULL parameters come back as nil optionals of every type")
    func nullsRoundTrip() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            let row = try connection.query(
                "SELECT $1::text AS t, $2::int8 AS i, $3::timestamptz AS d, $4::bytea AS b, $5::uuid AS u",
                [nil, nil, nil, nil, nil]
            ).first!
            #expect(try row.decode("t", as: String?.self) == nil)
            #expect(try row.decode("i", as: Int?.self) == nil)
            #expect(try row.decode("d", as: Date?.self) == nil)
            #expect(try row.decode("b", as: [UInt8]?.self) == nil)
            #expect(try row.decode("u", as: UUID?.self) == nil)
            let name: String? = "x"
            #expect(try connection.query("SELECT $1::text", [name]).first!.decode(0, as: String?.self) == "x")
        }
    }

    @Test("Integers keep their extremes")
    func integerExtremesRoundTrip() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            for value in [Int64.min, -1, 0, 1, Int64.max] {
                #expect(try roundTrip(value, as: "int8", on: connection) == value)
            }
            for value in [Int.min, Int.max] { #expect(try roundTrip(value, as: "int8", on: connection) == value) }
            for value in [Int32.min, Int32.max] { #expect(try roundTrip(value, as: "int4", on: connection) == value) }
        }
    }

    @Test("Doubles keep every bit, including infinities and NaN")
    func doublesRoundTrip() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            for value in [0.1, -2.5, .pi, 1e308, .leastNonzeroMagnitude, -0.0, .infinity, -.infinity] {
                let back = try roundTrip(value, as: "float8", on: connection)
                #expect(back.bitPattern == value.bitPattern, "\(value) came back as \(back)")
            }
            #expect(try roundTrip(Double.nan, as: "float8", on: connection).isNaN)
        }
    }

    @Test("Booleans, UUIDs and JSON text round-trip")
    func boolUUIDAndJSONRoundTrip() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            #expect(try roundTrip(true, as: "bool", on: connection) == true)
            #expect(try roundTrip(false, as: "bool", on: connection) == false)
            let id = UUID()
            #expect(try roundTrip(id, as: "uuid", on: connection) == id)
            let json = PostgresJSON(#"{"service": "رخصة بناء", "steps": [1, 2]}"#)
            #expect(try roundTrip(json, as: "json", on: connection) == json)
            let normalised = try connection.query("SELECT $1::jsonb", [PostgresJSON(#"{"b":1,  "a":2}"#)])
            #expect(try normalised.first!.decode(0, as: PostgresJSON.self).text == #"{"a": 2, "b": 1}"#)
        }
    }

    @Test("bytea carries all 256 byte values and the empty array")
    func byteaRoundTrips() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            let everyByte = (0...255).map { UInt8($0) }
            #expect(
                try roundTrip(everyByte + everyByte.reversed(), as: "bytea", on: connection) == everyByte
                    + everyByte.reversed())
            #expect(try roundTrip([UInt8](), as: "bytea", on: connection) == [])
            let length = try connection.query("SELECT length($1::bytea)", [everyByte]).first!.decode(0, as: Int.self)
            #expect(length == 256)
        }
    }

    @Test("Dates round-trip to the microsecond, before and after 1970")
    func datesRoundTrip() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            for seconds in [1_790_000_000.123456, -1_234_567_890.5, 0, 253_402_300_799.999999] {
                let date = Date(timeIntervalSince1970: seconds)
                let back = try roundTrip(date, as: "timestamptz", on: connection)
                #expect(
                    abs(back.timeIntervalSince1970 - seconds) < 0.000_001,
                    "\(seconds) came back as \(back.timeIntervalSince1970)")
            }
        }
    }

    @Test("timestamptz text with +05:45, -03:30 and second offsets decodes to the same instant")
    func timestampOffsetsDecode() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            let instant = try connection.query("SELECT '2026-03-01 12:00:00.25+05:45'::timestamptz").first!.decode(
                0, as: Date.self)
            #expect(instant.timeIntervalSince1970 == 1_772_345_700.25)
            for zone in ["Asia/Kathmandu", "America/St_Johns", "Africa/Tripoli", "Africa/Djibouti"] {
                // The zone name is a parameter of set_config, not text in the statement.
                try connection.query("SELECT set_config('TimeZone', $1, false)", [zone])
                let row = try connection.query(
                    "SELECT $1::timestamptz AS at, ($1::timestamptz)::text AS shown", [instant]
                ).first!
                let shown = try row.decode("shown", as: String.self)
                #expect(try row.decode("at", as: Date.self) == instant, "in \(zone), shown as \(shown)")
            }
            try connection.query("SELECT set_config('TimeZone', 'Asia/Kathmandu', false)")
            let shown = try connection.query("SELECT $1::timestamptz::text", [instant]).first!.decode(
                0, as: String.self)
            #expect(shown == "2026-03-01 12:00:00.25+05:45")
            // Before standard time, Paris was 9 minutes 21 seconds ahead of UTC: offsets carry seconds.
            try connection.query("SELECT set_config('TimeZone', 'Europe/Paris', false)")
            let old = try connection.query(
                "SELECT '1900-01-01 00:00:00+00'::timestamptz AS at, '1900-01-01 00:00:00+00'::timestamptz::text AS shown"
            ).first!
            #expect(try old.decode("shown", as: String.self) == "1900-01-01 00:09:21+00:09:21")
            #expect(try old.decode("at", as: Date.self) == Date(timeIntervalSince1970: -2_208_988_800))
        }
    }

    @Test("timestamp without time zone and date decode as UTC, and infinity as distantFuture")
    func timestampWithoutZoneDecodes() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            let row = try connection.query(
                "SELECT '2000-01-01 00:00:00'::timestamp, 'infinity'::timestamptz, '-infinity'::timestamptz, '2000-01-01'::date"
            ).first!
            #expect(try row.decode(3, as: Date.self) == Date(timeIntervalSince1970: 946_684_800))
            #expect(try row.decode(0, as: Date.self) == Date(timeIntervalSince1970: 946_684_800))
            #expect(try row.decode(1, as: Date.self) == .distantFuture)
            #expect(try row.decode(2, as: Date.self) == .distantPast)
        }
    }
}
