import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Errors")
struct PostgresErrorTests {
    @Test("A duplicate key reports SQLSTATE 23505 with the constraint's name")
    func uniqueViolationCarriesConstraint() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            try connection.execute("CREATE TEMP TABLE clerk (email text CONSTRAINT clerk_email_key UNIQUE)")
            try connection.execute("INSERT INTO clerk VALUES ($1)", ["amina@example.org"])
            let error = try #require(throws: PostgresError.self) {
                try connection.execute("INSERT INTO clerk VALUES ($1)", ["amina@example.org"])
            }
            #expect(error.isUniqueViolation)
            #expect(error.sqlState == "23505")
            #expect(error.constraint == "clerk_email_key")
            #expect(error.table == "clerk")
            #expect(error.detail?.contains("amina@example.org") == true)
            #expect(!error.isConnectionLost && !error.isSerializationFailure && !error.isDeadlock)
            #expect(connection.isHealthy)
        }
    }

    @Test("A socket directory that does not exist fails with libpq's message naming it")
    func nowhereConninfoFailsClearly() throws {
        let directory = "/nonexistent/nafidha-\(UUID().uuidString)"
        let error = try #require(throws: PostgresError.self) {
            try PostgresConnection(conninfo: "postgresql://nafidha@/postgres?host=\(directory)")
        }
        #expect(error.code == .connectionFailed)
        #expect(error.isConnectionLost)
        #expect(error.message.contains(directory))
    }

    @Test("A malformed URL fails with libpq's parse message")
    func malformedURLFailsClearly() throws {
        let error = try #require(throws: PostgresError.self) {
            try PostgresConnection(conninfo: "postgresql://nafidha@/postgres?no_such_option=1")
        }
        #expect(error.code == .connectionFailed)
        #expect(error.message.contains("no_such_option"))
        #expect(throws: PostgresError.self) { try PostgresConnection(conninfo: "host=/tmp dbname='unterminated") }
    }

    @Test("Two statements in one parameterised query are refused by the server")
    func stackedStatementsAreRefused() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            let error = try #require(throws: PostgresError.self) { try connection.query("SELECT 1; SELECT 2") }
            #expect(error.sqlState == "42601")
            #expect(try connection.query("SELECT 1").count == 1)
        }
    }

    @Test("The description names the SQLSTATE, the message and the constraint")
    func descriptionIsComplete() throws {
        var error = PostgresError(code: .serverError, message: "duplicate key value", sqlState: "23505")
        error.constraint = "clerk_email_key"
        #expect(
            error.description
                == "PostgresError(server_error, SQLSTATE 23505): duplicate key value (constraint: clerk_email_key)")
    }
}
