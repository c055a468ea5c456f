/// The catalog's answers (`GET /v1/municipalities`, `/v1/sectors`, `/v1/services`, `/v1/services/{code}`,
/// docs/api.md): names in the negotiated language (`name`, `label`) and, where a client may switch language
/// without asking again, in all three (`names`, `labels`).
public enum Catalog {}
