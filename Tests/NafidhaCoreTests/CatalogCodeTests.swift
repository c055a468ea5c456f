import NafidhaCore
import Testing

@Suite("Catalog code forms")
struct CatalogCodeTests {
    @Test(
        "a municipality code is exactly three ASCII capital letters",
        arguments: [
            ("TRP", true), ("trp", false), ("TR", false), ("TRPX", false), ("TR1", false), ("ТRP", false), ("", false),
            ("TR\u{0}", false),
        ])
    func municipalityCodes(text: String, valid: Bool) {
        #expect(CatalogService.isMunicipalityCode(text) == valid)
    }

    @Test(
        "a service code is a lower-case letter then 1 to 62 of [a-z0-9_]",
        arguments: [
            ("building_permit", true), ("b1", true), ("b", false), ("1permit", false), ("Building_permit", false),
            ("permit-x", false), ("x' OR '1'='1", false), ("permit\u{0}", false),
            (String(repeating: "a", count: 63), true),
            (String(repeating: "a", count: 64), false), ("رخصة", false),
        ])
    func serviceCodes(text: String, valid: Bool) {
        #expect(CatalogService.isServiceCode(text) == valid)
    }
}
