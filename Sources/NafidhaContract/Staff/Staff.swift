/// The staff API (docs/clerks.md): who is calling, queues, tasks and claims, decisions, notes and the staff view of
/// a request. Every route needs `Authorization: Bearer <staff token>`.
public enum Staff {}
