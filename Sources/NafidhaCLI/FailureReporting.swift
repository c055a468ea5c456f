import ArgumentParsing
import Foundation
import NafidhaCore
import Postgres

/// The one place that words a command's run-time failure for the person at the terminal: what failed and what to
/// do, in one line, with the exit code of docs/operations.md (1 refused or failed, 69 unavailable). No SQLSTATE,
/// driver error or Swift type name gets through: an error this does not know is reported as an internal error.
enum FailureReporting {
    /// The `Error: ...` line and exit code for `error`.
    static func report(_ error: any Error) -> FailureReport {
        switch error {
        case let failure as CommandFailure:
            FailureReport(failure.description, exitCode: failure.exitCode)
        case let failure as ClientFailure:
            FailureReport(failure.description, exitCode: failure.exitCode)
        case let failure as NafidhaError:
            FailureReport(
                failure.message.en,
                exitCode: failure.status == 503 ? CommandFailure.unavailableExitCode : 1)
        case let failure as PostgresError:
            database(failure)
        case let failure as SchemaMigrationError:
            if let underlying = failure.postgresError, underlying.meansDatabaseUnavailable {
                database(underlying)
            } else {
                FailureReport(failure.description)
            }
        case let failure as EmbeddedPostgresError:
            FailureReport(
                failure.description,
                exitCode: ["no_cluster", "cluster_busy", "command_failed"].contains(failure.code)
                    ? CommandFailure.unavailableExitCode : 1)
        default:
            // Foundation's file errors say which file and why; any other error's text would name Swift types.
            [NSCocoaErrorDomain, NSPOSIXErrorDomain].contains((error as NSError).domain)
                ? FailureReport(error.localizedDescription)
                : FailureReport("an unexpected internal error stopped the command; please report it")
        }
    }

    /// SQLSTATEs that mean the database lacks what this nafidha's schema has: a table, column or function.
    private static let missingSchemaStates: Set<String> = ["42P01", "42703", "42883", "3F000", "42704"]

    /// A database failure, in words: unreachable (69), not migrated, or refused with the server's own message.
    private static func database(_ error: PostgresError) -> FailureReport {
        if error.meansDatabaseUnavailable {
            return FailureReport(
                "cannot reach the database: \(error.message); check --database-url or DATABASE_URL, and that "
                    + "PostgreSQL is running",
                exitCode: CommandFailure.unavailableExitCode)
        }
        if let state = error.sqlState, missingSchemaStates.contains(state) {
            return FailureReport(
                "the database has not been migrated to this nafidha's schema; run 'nafidha migrate' first")
        }
        return FailureReport("the database refused: \(error.message)")
    }
}
