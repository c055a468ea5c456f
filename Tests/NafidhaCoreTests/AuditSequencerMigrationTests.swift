import NafidhaCore
import Postgres
import TestSupport
import Testing

/// Migration 0009 on a database whose events were chained by the old insert trigger: the chains stay valid and the
/// sequencer carries them on.
@Suite("Audit sequencer migration")
struct AuditSequencerMigrationTests {
    @Test("events chained before 0009 stay valid, and the sequencer chains new ones after them")
    func existingChainsCarryOn() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let connection = try database.connect()
            _ = try SchemaMigrator(migrations: EmbeddedMigrations.all.filter { $0.version <= 8 }).migrate(connection)
            // The demo catalog is applied as a catalog file, which needs migration 0015: the chain needs a
            // municipality only.
            try connection.runTrustedScript(
                """
                INSERT INTO countries (code, name_ar, name_fr, name_en, time_zone, weekend_days, currency_code,
                                       phone_country_code, phone_national_pattern, national_id_pattern,
                                       national_id_hint_ar, national_id_hint_fr, national_id_hint_en)
                VALUES ('LY', 'ليبيا', 'Libye', 'Libya', 'Africa/Tripoli', '{5,6}', 'LYD', '218', '^[0-9]{9}$',
                        '^[0-9]{12}$', '', '', '');
                INSERT INTO municipalities (code, country_code, name_ar, name_fr, name_en)
                VALUES ('TRP', 'LY', 'طرابلس المركز', 'Tripoli-Centre', 'Tripoli Centre');
                """)
            for index in 0..<3 {
                // The 0008 function chains at once, under the head lock.
                try connection.execute(
                    "SELECT append_audit_event('TRP', 'clerk', 'amal.t', 'approved', NULL, NULL, $1::jsonb)",
                    [#"{"n":\#(index)}"#])
            }
            #expect(try AuditSequencerTests.chain("TRP", on: connection).seqs == [1, 2, 3])

            _ = try SchemaMigrator().migrate(connection)
            try AuditSequencerTests.expectIntact("TRP", count: 3, on: connection)
            try AuditSequencerTests.append(2, to: "TRP", on: connection)
            #expect(try sequenceAudit(on: connection) == 2)
            try AuditSequencerTests.expectIntact("TRP", count: 5, on: connection)
        }
    }
}
