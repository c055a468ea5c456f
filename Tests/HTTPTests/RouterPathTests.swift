import HTTP
import Testing

@Suite("Routing on raw path segments (RFC 3986 §2.2, §3.3)")
struct RouterPathTests {
    private func router() -> Router {
        let router = Router()
        router.get("/v1/staff/me") { _, _ in .text("me") }
        router.get("/v1/requests/:tracking") { _, context in .text(try context.parameters.require("tracking")) }
        return router
    }

    @Test("An encoded %2F does not separate segments (RFC 3986 §2.2): /v1%2fstaff%2fme is 404")
    func encodedSlashDoesNotSeparateSegments() throws {
        let response = try answer(router(), "GET", "/v1%2fstaff%2fme")
        #expect(response.status == .notFound)
        #expect(response.text.contains(#""code":"not_found""#))
    }

    @Test("An encoded %2F inside the last segment of a literal route is 404")
    func encodedSlashInLiteralSegmentIs404() throws {
        #expect(try answer(router(), "GET", "/v1/staff%2Fme").status == .notFound)
    }

    @Test("A decoded segment holding a slash is one parameter value")
    func decodedSlashStaysInParameter() throws {
        #expect(try answer(router(), "GET", "/v1/requests/a%2Fb").text == "a/b")
    }

    @Test("Each segment is percent-decoded before matching (RFC 3986 §6.2.2.2)")
    func segmentsAreDecodedBeforeMatching() throws {
        #expect(try answer(router(), "GET", "/v1/st%61ff/me").text == "me")
    }

    @Test("An encoded Arabic parameter arrives decoded")
    func encodedArabicParameterIsDecoded() throws {
        #expect(try answer(router(), "GET", "/v1/requests/%D8%B7%D8%B1%D8%A7%D8%A8%D9%84%D8%B3").text == "طرابلس")
    }

    @Test("Empty segments are still ignored")
    func emptySegmentsAreIgnored() throws {
        #expect(try answer(router(), "GET", "//v1//staff/me/").text == "me")
    }

    @Test("The root path routes to the / route")
    func rootPathRoutes() throws {
        let router = Router()
        router.get("/") { _, _ in .text("root") }
        #expect(try answer(router, "GET", "/").text == "root")
    }

    @Test("The query does not take part in routing")
    func queryIsNotRouted() throws {
        #expect(try answer(router(), "GET", "/v1/staff/me?x=%2F").text == "me")
    }

    @Test("An absolute-form target routes on its path (RFC 9112 §3.2.2)")
    func absoluteFormRoutesOnPath() throws {
        #expect(try answer(router(), "GET", "http://example.org/v1/requests/A%2FB").text == "A/B")
    }
}
