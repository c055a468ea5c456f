import Foundation
import NafidhaCore
import Testing

@Suite("Embedded migrations")
struct SchemaEmbeddedMigrationsTests {
    @Test("the binary carries exactly the files of migrations/ (else run scripts/embed-migrations)")
    func embeddedMigrationsAreCurrent() throws {
        let folder = SchemaEquivalenceTests.repositoryRoot.appendingPathComponent("migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".sql") }
            .sorted()
        #expect(!files.isEmpty)
        #expect(files == EmbeddedMigrations.all.map(\.fileName), "run scripts/embed-migrations")
        for migration in EmbeddedMigrations.all where files.contains(migration.fileName) {
            let text = try String(contentsOf: folder.appendingPathComponent(migration.fileName), encoding: .utf8)
            #expect(text == migration.sql, "migrations/\(migration.fileName) changed: run scripts/embed-migrations")
        }
    }

    @Test("numbers the migrations 1, 2, 3, ... without gaps")
    func versionsAreConsecutive() {
        #expect(EmbeddedMigrations.all.map(\.version) == Array(1...EmbeddedMigrations.all.count))
    }
}
