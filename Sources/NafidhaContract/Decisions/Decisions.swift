/// Verifiable decisions (docs/verification.md): the decision document of a decided request,
/// `GET /v1/requests/{tracking}/decision`, and its public verification, `GET /v1/verify/{code}` and
/// `POST /v1/verify`.
public enum Decisions {
    /// The `format` of every decision document this version writes.
    public static let documentFormat = "nafidha-decision-v1"
}
