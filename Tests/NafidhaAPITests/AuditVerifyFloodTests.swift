import Foundation
import NafidhaContract
import NafidhaCore
import Synchronization
import TestSupport
import Testing

/// A flood of live verifications must not starve the other routes: verifications run on the bounded verifiers, a
/// handful of calls wait for them, and the rest are refused at once, so the workers stay free for everyone else.
/// `scripts/bench verify-flood` measures the same on a release build; this only guards against the regression
/// (before, 20 callers took `GET /v1/municipalities` from 2 ms to 21 s), with a bound generous enough for a loaded
/// CI machine.
@Suite("Audit verification under a flood")
struct AuditVerifyFloodTests {
    /// Concurrent callers asking for full verifications, more than the server has workers.
    static let flooders = 24
    /// How long the cheap route is timed while the flood goes on.
    static let measuring: Duration = .seconds(6)
    /// The bound on the cheap route's 99th percentile: ten times the target, for shared CI machines.
    static let bound: Duration = .seconds(1)

    @Test("24 callers re-walking a 200,000-event chain in a loop leave GET /v1/municipalities fast")
    func floodLeavesOtherRoutesFast() throws {
        try StaffTestWorld.with { world in
            try world.pool.withConnection { try AuditChainGenerator.append(200_000, to: "TRP", on: $0) }
            try world.staff("odette", .auditor)
            let auditor = [("Authorization", "Bearer " + (try world.directory.issueToken(forStaff: "odette").text))]
            try LiveServer.with(world) { server in
                let stop = Atomic(false)
                let statuses = Mutex<[Int: Int]>([:])
                let finished = DispatchSemaphore(value: 0)
                for _ in 0..<Self.flooders {
                    Thread {
                        while !stop.load(ordering: .relaxed) {
                            let status = (try? server.get("/v1/audit/verify?full=true", headers: auditor))?.status ?? -1
                            statuses.withLock { $0[status, default: 0] += 1 }
                        }
                        finished.signal()
                    }.start()
                }
                Thread.sleep(forTimeInterval: 1)
                var latencies: [Duration] = []
                let clock = ContinuousClock()
                let end = clock.now + Self.measuring
                while clock.now < end {
                    let started = clock.now
                    let answer = try server.get("/v1/municipalities")
                    latencies.append(clock.now - started)
                    #expect(answer.status == 200)
                }
                stop.store(true, ordering: .relaxed)
                for _ in 0..<Self.flooders { finished.wait() }

                latencies.sort()
                let p99 = latencies[min(latencies.count - 1, latencies.count * 99 / 100)]
                let seen = statuses.withLock { $0 }
                #expect(p99 < Self.bound, "p99 \(p99) over \(latencies.count) calls; verify answered \(seen)")
                #expect(Set(seen.keys).isSubset(of: [200, 503]), "verify answered \(seen)")
                #expect(seen[200, default: 0] > 0 && seen[503, default: 0] > 0, "verify answered \(seen)")
            }
        }
    }
}
