import Postgres

extension CatalogSnapshot {
    /// `fee_collection`: the municipalities that bill fees at submission, with their bills' working days to pay.
    static func feeCollection(on connection: PostgresConnection) throws -> [String: Int] {
        var days: [String: Int] = [:]
        for row in try connection.query("SELECT municipality_code, bill_due_days FROM fee_collection") {
            days[try row.decode("municipality_code")] = try row.decode("bill_due_days", as: Int.self)
        }
        return days
    }
}
