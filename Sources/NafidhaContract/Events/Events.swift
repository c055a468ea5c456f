/// The event feed (`GET /v1/events`) and the bodies of webhook deliveries: what integrators and auditors read about
/// requests and tasks, without personal data unless a subscription asked for it (docs/notifications.md).
public enum Events {}
