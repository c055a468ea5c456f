import Foundation
import Postgres

/// Reads the catalog: municipalities, sectors, the services offered in a municipality and a service's form and
/// workflow, as the database's `resolve_service` decides it. Synchronous: call it from threads we own (HTTP workers, the CLI), never from
/// Swift concurrency's cooperative threads.
public enum CatalogService {
    /// Whether `text` has the form of a municipality code (`TRP`). Codes are checked before they reach SQL, so a
    /// NUL or a huge value cannot be cut or carried into a lookup.
    public static func isMunicipalityCode(_ text: String) -> Bool {
        text.utf8.count == 3 && text.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    /// Whether `text` has the form of a service code (`building_permit`): `[a-z][a-z0-9_]{1,62}`.
    public static func isServiceCode(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (2...63).contains(bytes.count), (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[0]) else {
            return false
        }
        return bytes.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "_")
        }
    }
}
