/// A citizen signed in by phone (docs/citizens.md): a code sent by SMS, a session, the requests filed with that
/// phone; and the applicant's rating of a decided request.
public enum Citizen {}
