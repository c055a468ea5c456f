import HTTP
import NafidhaContract

extension HTTPRequest {
    /// The language the client asked for with `Accept-Language`.
    var language: Language {
        Language.negotiate(acceptLanguage: headers.first(name: "Accept-Language"))
    }
}
