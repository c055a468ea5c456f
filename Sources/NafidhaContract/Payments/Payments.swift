/// Fees and payments (docs/payments.md): a request's bill, counter payments and their receipts, refunds, and the
/// payment providers' callbacks.
public enum Payments {}
