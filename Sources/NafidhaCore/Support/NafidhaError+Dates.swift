import Foundation
import NafidhaContract

extension NafidhaError {
    /// 400 `invalid_parameter` for the date parameter `name`: malformed, or outside the one range of every date
    /// parameter (`DateParameter`), which the message states.
    public static func invalidDate(_ name: String) -> NafidhaError {
        NafidhaError(
            .invalidParameter,
            message: ErrorCode.Message.dateOutOfRange(
                name: name, earliest: DateParameter.earliestText, latest: DateParameter.latestText))
    }

    /// Refuses a range bound outside `DateParameter`'s range before it reaches SQL, whichever caller built it (the
    /// API reads its parameters strictly; the CLI's admin commands run the services on the database directly).
    static func requireDateInRange(_ date: Date?, name: String) throws(NafidhaError) {
        if let date, !DateParameter.contains(date) { throw invalidDate(name) }
    }
}
