/// The rate limits of the public verification routes, per client address (docs/verification.md, "Rate limits").
public struct VerificationLimits: Sendable {
    /// Verifications an address may make at once (20).
    public var burst = 20
    /// Verifications an address regains per minute (30).
    public var perMinute = 30
    /// Addresses remembered at most (10,000).
    public var maximumClients = 10_000

    /// The defaults above.
    public init() {}
}
