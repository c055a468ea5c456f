import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Connections")
struct ConnectionTests {
    @Test("Sessions run in UTC with ISO dates, and options from the conninfo are kept")
    func sessionSettingsAreMerged() throws {
        try TestDatabase.withAdminURL { adminURL in
            var info = try PostgresConnectionInfo(adminURL)
            info["options"] = "-c search_path=audit,public -c application_name=nafidha-test"
            let connection = try PostgresConnection(conninfo: info.url)
            let row = try connection.query(
                "SELECT current_setting('TimeZone'), current_setting('DateStyle'), current_setting('search_path'), "
                    + "current_setting('application_name'), current_setting('client_encoding')"
            ).first!
            #expect(try row.decode(0, as: String.self) == "UTC")
            #expect(try row.decode(1, as: String.self).hasPrefix("ISO"))
            #expect(try row.decode(2, as: String.self) == "audit,public")
            #expect(try row.decode(3, as: String.self) == "nafidha-test")
            #expect(try row.decode(4, as: String.self) == "UTF8")
        }
    }

    @Test("Connection info parses a URL and renders it back as conninfo and URL")
    func connectionInfoRoundTrips() throws {
        var info = try PostgresConnectionInfo("postgresql://nafidha@/postgres?host=/tmp/pg%20dir&connect_timeout=3")
        #expect(info["host"] == "/tmp/pg dir")
        #expect(info["dbname"] == "postgres")
        info["dbname"] = "it's"
        #expect(try PostgresConnectionInfo(info.conninfo) == info)
        #expect(try PostgresConnectionInfo(info.url) == info)
        info["connect_timeout"] = nil
        #expect(info["connect_timeout"] == nil)
    }

    @Test("A trusted script runs several statements; a failing one reports its error")
    func trustedScriptRunsStatements() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            try connection.runTrustedScript(
                """
                CREATE TEMP TABLE municipality (id int PRIMARY KEY, name text NOT NULL);
                INSERT INTO municipality VALUES (1, 'طرابلس'), (2, 'Djibouti');
                """)
            #expect(try connection.query("SELECT count(*) FROM municipality").first!.decode(0, as: Int.self) == 2)
            let error = try #require(throws: PostgresError.self) {
                try connection.runTrustedScript("INSERT INTO municipality VALUES (3, 'x'); SELECT 1/0;")
            }
            #expect(error.sqlState == "22012")
            // One implicit transaction: the insert before the failure is gone too.
            #expect(try connection.query("SELECT count(*) FROM municipality").first!.decode(0, as: Int.self) == 2)
        }
    }

    @Test("Prepared statements are reused and the cache stays within its bound")
    func preparedStatementCacheIsBounded() throws {
        try TestDatabase.withAdminURL { adminURL in
            var settings = PostgresConnection.Settings()
            settings.preparedStatementCacheSize = 2
            let connection = try PostgresConnection(conninfo: adminURL, settings: settings)
            for round in 1...3 {
                #expect(
                    try connection.queryPrepared("SELECT $1::int8 + 1", [round]).first!.decode(0, as: Int.self) == round
                        + 1)
            }
            #expect(connection.preparedStatementCount == 1)
            try connection.queryPrepared("SELECT $1::text || 'a'", ["b"])
            try connection.queryPrepared("SELECT $1::text || 'c'", ["d"])
            #expect(connection.preparedStatementCount == 2)
            let onServer = try connection.query("SELECT count(*) FROM pg_prepared_statements").first!.decode(
                0, as: Int.self)
            #expect(onServer == 2)
            #expect(try connection.queryPrepared("SELECT $1::int8 + 1", [41]).first!.decode(0, as: Int.self) == 42)
        }
    }

    @Test("The statement count counts every statement run, prepared or not, and not the preparing")
    func statementCountCountsRuns() throws {
        try TestDatabase.withAdminURL { adminURL in
            let connection = try PostgresConnection(conninfo: adminURL)
            #expect(connection.statementCount == 0)
            try connection.query("SELECT 1")
            try connection.execute("SELECT $1::int8", [2])
            for round in 1...3 { try connection.queryPrepared("SELECT $1::int8 + 1", [round]) }
            try connection.runTrustedScript("SELECT 1; SELECT 2")
            try connection.copyOut("COPY (SELECT 1) TO STDOUT") { _ in }
            #expect(connection.statementCount == 7)
            #expect(connection.preparedStatementCount == 1)
        }
    }

    @Test("COPY TO STDOUT streams many rows in bounded chunks")
    func copyOutStreamsInChunks() throws {
        try TestDatabase.withAdminURL { adminURL in
            var settings = PostgresConnection.Settings()
            settings.copyChunkSize = 16 * 1024
            let connection = try PostgresConnection(conninfo: adminURL, settings: settings)
            var chunks = 0
            var bytes = 0
            var lines = 0
            var largestChunk = 0
            try connection.copyOut("COPY (SELECT n, 'طلب رقم ' || n FROM generate_series(1, 200000) AS n) TO STDOUT") {
                chunk in
                chunks += 1
                bytes += chunk.count
                lines += chunk.lazy.filter { $0 == UInt8(ascii: "\n") }.count
                largestChunk = max(largestChunk, chunk.count)
            }
            #expect(lines == 200_000)
            #expect(chunks > 100)
            // A chunk closes at the first row that reaches the limit; rows here are under 64 bytes.
            #expect(largestChunk < 16 * 1024 + 64)
            #expect(try connection.query("SELECT 1").count == 1)
        }
    }

    @Test("A COPY whose consumer throws is cancelled and leaves the connection usable")
    func copyOutConsumerErrorLeavesConnectionUsable() throws {
        struct Stop: Error {}
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            #expect(throws: Stop.self) {
                try connection.copyOut("COPY (SELECT n FROM generate_series(1, 5000000) AS n) TO STDOUT") { _ in
                    throw Stop()
                }
            }
            #expect(connection.isHealthy)
            #expect(try connection.query("SELECT 7").first!.decode(0, as: Int.self) == 7)
        }
    }

    @Test("copyOut refuses a statement that is not a COPY")
    func copyOutRefusesPlainQueries() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            #expect(throws: PostgresError.self) { try connection.copyOut("SELECT 1") { _ in } }
            #expect(throws: PostgresError.self) { try connection.query("COPY (SELECT 1) TO STDOUT") }
            #expect(try connection.query("SELECT 1").count == 1)
        }
    }
}
