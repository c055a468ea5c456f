import Foundation
import HTTP
import NafidhaContract
import NafidhaCore

extension QueryParameters {
    /// The date parameter `name` read strictly and within the one range of every date parameter
    /// (`DateParameter`); nil when absent. Anything else is 400 `invalid_parameter` saying what it must be, before
    /// any SQL runs.
    func date(_ name: String) throws(NafidhaError) -> Date? {
        guard let text = self[name] else { return nil }
        guard case .date(let date) = DateParameter.read(text) else { throw NafidhaError.invalidDate(name) }
        return date
    }
}
