import NafidhaCore
import Postgres
import Testing

@Suite("Errors as the server's log describes them")
struct LoggedErrorTests {
    @Test("a data or integrity error keeps its SQLSTATE and constraint but not the values it quotes")
    func dataIsWithheld() {
        var error = PostgresError(
            code: .serverError, message: #"invalid input syntax for type timestamp: "Amal 0912345678""#,
            sqlState: "22007")
        error.detail = "Failing row contains (Amal Ben Salem, 0912345678)."
        error.constraint = "requests_applicant_phone_check"
        let logged = LoggedError(error).description
        #expect(logged.contains("22007") && logged.contains("requests_applicant_phone_check"))
        #expect(!logged.contains("Amal") && !logged.contains("0912345678"))
    }

    @Test("other PostgreSQL errors keep their message, never their detail; other errors are described as they are")
    func othersKeepTheirMessage() {
        var error = PostgresError(
            code: .serverError, message: "canceling statement due to statement timeout", sqlState: "57014")
        error.detail = "secret"
        #expect(LoggedError(error).description.contains("statement timeout"))
        #expect(!LoggedError(error).description.contains("secret"))
        #expect(LoggedError(NafidhaError(.notFound)).description == NafidhaError(.notFound).description)
    }
}
