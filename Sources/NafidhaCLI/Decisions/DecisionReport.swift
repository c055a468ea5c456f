import ArgumentParsing
import Foundation
import NafidhaContract
import NafidhaCore

/// What `verify-decision` prints about a decision that verified: the proof's place and the facts it covers.
enum DecisionReport {
    static func print(_ document: Decisions.Document, _ verified: DecisionVerifier.Verified, to output: any TextOutput)
    {
        let facts = document.facts
        let signed = verified.signedAt.map { " signed \(ISO8601DateFormatter().string(from: $0))" } ?? ""
        output.writeLine(
            "OK: the decision on \(facts.trackingNumber) is entry \(document.leafIndex + 1) of the signed audit log "
                + "\(verified.checkpoint.origin) (checkpoint of \(verified.checkpoint.size) entries\(signed)).")
        output.writeLine(
            "Outcome: \(facts.outcome.rawValue), \(facts.decidedAt); service \(facts.service.code) "
                + "(\(facts.service.name.en)), municipality \(facts.municipality.code) (\(facts.municipality.name.en))."
        )
        for step in facts.decisions {
            output.writeLine(
                "  \(step.stage).\(step.step) \(step.sector.code) (\(step.sector.name.en)): \(step.decision.rawValue), "
                    + step.decidedAt)
        }
        if let newer = verified.newerCheckpoint {
            output.writeLine("Consistent with the log's newer checkpoint of \(newer.size) entries.")
        }
        if document.applicant != nil {
            output.writeLine("Not covered by the proof: the applicant's name and masked national id.")
        }
    }
}
