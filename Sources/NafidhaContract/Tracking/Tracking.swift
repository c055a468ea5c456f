/// A citizen following a request with its access token: `GET /v1/requests/{tracking}`, `POST .../replies` and
/// `POST .../cancel` (docs/api-tracking.md). Each answers the request as the citizen sees it.
public enum Tracking {}
