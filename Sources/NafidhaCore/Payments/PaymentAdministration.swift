import NafidhaContract
import Postgres
import Transparency

/// What `nafidha admin` sets up for payments (docs/payments.md): the municipalities that collect fees, and the
/// payment providers with their secrets.
public struct PaymentAdministration: Sendable {
    let pool: PostgresPool

    /// Administration over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// `municipality` starts collecting fees through Nafidha, its bills due in `dueDays` working days (1–90), or
    /// changes that number; requests filed from then on with a fee get a bill. Stopping (`collecting: false`)
    /// issues no more bills; bills issued stay payable.
    /// - Throws: `unknown_municipality`, `invalid_parameter` for `dueDays`.
    public func collectFees(municipality: String, dueDays: Int = 10, collecting: Bool = true) throws {
        guard (1...90).contains(dueDays) else { throw NafidhaError(.invalidParameter) }
        try pool.withTransaction { connection in
            guard
                !(try connection.queryPrepared("SELECT 1 FROM municipalities WHERE code = $1", [municipality]))
                    .isEmpty
            else { throw NafidhaError(.unknownMunicipality) }
            if collecting {
                try connection.executePrepared(
                    """
                    INSERT INTO fee_collection (municipality_code, bill_due_days) VALUES ($1, $2)
                    ON CONFLICT (municipality_code) DO UPDATE SET bill_due_days = excluded.bill_due_days
                    """,
                    [municipality, dueDays])
            } else {
                try connection.executePrepared(
                    "DELETE FROM fee_collection WHERE municipality_code = $1", [municipality])
            }
        }
    }

    /// Creates provider `name` (1–40 of `a-z`, `0-9`, `-`) and answers its secret, the only time it is shown: the
    /// hexadecimal of 32 random bytes, whose text is the key of the callbacks' HMAC. It is stored as it is, since
    /// verifying an HMAC needs the key itself; only the server reads `payment_providers`.
    /// - Throws: `invalid_payment_provider`, `payment_provider_exists`.
    public func createProvider(name: String) throws -> String {
        guard let first = name.first, first != "-", name.count <= 40,
            name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
        else { throw NafidhaError(.invalidPaymentProvider) }
        let secret = SecureRandom.bytes(32)
        do {
            try pool.withConnection { connection in
                try connection.executePrepared(
                    "INSERT INTO payment_providers (name, secret) VALUES ($1, $2)", [name, secret])
            }
        } catch let error as PostgresError where error.isUniqueViolation {
            throw NafidhaError(.paymentProviderExists)
        }
        return Hex.encode(secret)
    }
}
