import HTTP
import Testing

@Suite("Bearer token parsing (RFC 6750 §2.1)")
struct BearerTokenTests {
    private func request(_ authorization: String...) -> HTTPRequest {
        HTTPRequest(
            head: HTTPRequestHead(
                method: "GET", target: "/", path: "/",
                headers: HTTPHeaders(authorization.map { (name: "Authorization", value: $0) })))
    }

    private func refusal(_ request: HTTPRequest) -> HTTPError? {
        do {
            _ = try request.bearerToken
            return nil
        } catch {
            return error
        }
    }

    @Test("A Bearer token is returned as sent")
    func tokenIsReturned() throws {
        #expect(try request("Bearer nfs_abc.DEF-123").bearerToken == "nfs_abc.DEF-123")
    }

    @Test("The scheme is case-insensitive (RFC 9110 §11.1)")
    func schemeIsCaseInsensitive() throws {
        #expect(try request("bEaReR abc").bearerToken == "abc")
    }

    @Test("Several spaces may separate the scheme and the token (1*SP)")
    func severalSpacesAreAllowed() throws {
        #expect(try request("Bearer   abc").bearerToken == "abc")
    }

    @Test("A b64token may use ~ + / and end in = padding")
    func b64tokenAlphabetIsAccepted() throws {
        #expect(try request("Bearer a~b+c/d==").bearerToken == "a~b+c/d==")
    }

    @Test("No Authorization header is no token, not an error")
    func missingHeaderIsNil() throws {
        #expect(try request().bearerToken == nil)
    }

    @Test("Another scheme is no token, not an error (RFC 6750 §3.1)")
    func otherSchemeIsNil() throws {
        #expect(try request("Basic YTpi").bearerToken == nil)
    }

    @Test("Authorization sent twice is 400 duplicate_authorization")
    func duplicateHeaderIsRefused() throws {
        let error = refusal(request("Bearer a", "Bearer b"))
        #expect(error?.status == .badRequest)
        #expect(error?.code == "duplicate_authorization")
    }

    @Test("Bearer without a token is 400 invalid_authorization with WWW-Authenticate (RFC 6750 §3.1)")
    func schemeWithoutTokenIsRefused() throws {
        let error = refusal(request("Bearer"))
        #expect(error?.code == "invalid_authorization")
        #expect(error?.headers.first(name: "WWW-Authenticate") == #"Bearer error="invalid_request""#)
    }

    @Test("Two tokens after Bearer are 400 invalid_authorization")
    func twoTokensAreRefused() throws {
        #expect(refusal(request("Bearer abc def"))?.code == "invalid_authorization")
    }

    @Test("A token with a byte outside b64token is 400 invalid_authorization")
    func badTokenByteIsRefused() throws {
        #expect(refusal(request(#"Bearer ab"c"#))?.code == "invalid_authorization")
    }

    @Test("Padding in the middle of a token is 400 invalid_authorization")
    func innerPaddingIsRefused() throws {
        #expect(refusal(request("Bearer ab=c"))?.code == "invalid_authorization")
    }

    @Test("A tab instead of a space after Bearer is 400 invalid_authorization")
    func tabSeparatorIsRefused() throws {
        #expect(refusal(request("Bearer\tabc"))?.code == "invalid_authorization")
    }

    @Test("An empty Authorization value is 400 invalid_authorization")
    func emptyValueIsRefused() throws {
        #expect(refusal(request(""))?.code == "invalid_authorization")
    }
}
