import Foundation
import NafidhaContract

/// A submission validated against one catalog snapshot, its workflow resolved and its deadlines computed: all a
/// request's rows need, ready for the one statement that stores them (`Filing+Statement.swift`). Making one reads
/// nothing from the database.
struct Filing {
    /// The values as stored.
    let valid: SubmissionValidator.Valid
    /// The 201 answer: tracking number, the new access token, deadlines and steps.
    let receipt: Intake.Receipt
    /// SHA-256 of the access token, the only form of it the database keeps.
    let tokenHash: [UInt8]
    /// The resolved workflow, kept as the request's snapshot.
    let workflow: ResolvedWorkflow
    /// The Idempotency-Key, and what lets a replay recover this receipt.
    let idempotency: (record: IdempotencyRecord, sealed: IdempotencyRecord.Sealed)?
    /// The Open311 application that filed it, if any.
    let application: SubmissionService.Application?
    /// The catalog version the snapshot was read at: the statement only inserts while it is still current.
    let catalogVersion: Int64
    /// The language of the request's notifications: the body's `language`, else the caller's default.
    let language: Language
    /// The staff member who filed it at the counter for the citizen, if any: the `submitted` event's actor.
    let clerk: String?
    /// Whether the description is held from public views until a clerk looks (`DescriptionScreening`).
    let descriptionHeld: Bool
    /// The uploads the submission attaches (`Filing+Documents.swift`).
    let documents: SubmissionDocuments
    /// The request's bill, when its service has a fee where fees are collected (`Filing+Bill.swift`).
    let bill: Payments.Bill?

    /// Validates `submission` against `catalog` at `instant` and prepares its rows; `language` is the notifications'
    /// language when the body names none; `clerk` names the staff member filing it at the counter.
    /// - Throws: `validation_failed` naming every problem (an unknown service or municipality, or a service not
    ///   offered there then, included); `WorkingCalendarError` when a deadline cannot be computed.
    init(
        _ submission: Submission, channel: SubmissionChannel, idempotency: IdempotencyRecord?,
        application: SubmissionService.Application?, language: Language, clerk: String? = nil,
        catalog: CatalogSnapshot, at instant: Date
    ) throws {
        let codes = SubmissionValidator.codes(of: submission.body)
        let rules = codes.municipality.flatMap { catalog.rules(municipality: $0) }
        let form = codes.service.flatMap { catalog.form(service: $0) }
        var workflow: ResolvedWorkflow?
        if let service = codes.service, let municipality = codes.municipality, rules != nil, form != nil {
            workflow = catalog.resolveWorkflow(service: service, municipality: municipality, at: instant)
        }
        var validator = SubmissionValidator()
        let valid = validator.validate(
            submission.body, rules: rules, form: form?.fields, offered: workflow != nil,
            identityRequired: !(form?.publicReport ?? false), at: instant
        )
        let documents = SubmissionDocuments(
            SubmissionValidator.member("documents", of: submission.body),
            rules: codes.service.flatMap { catalog.documents(service: $0) })
        let problems = validator.problems.merging(documents.problems) { first, _ in first }
        guard problems.isEmpty, let valid, let workflow,
            let calendar = try catalog.calendar(forMunicipality: valid.municipality)
        else {
            throw NafidhaError(.validationFailed, fields: problems)
        }
        let bill = try Self.bill(
            for: workflow, municipality: valid.municipality, catalog: catalog, calendar: calendar, at: instant)
        // Awaiting payment, no step opens and no clock runs: the first stage opens when the bill is paid.
        let opensFirstStage = bill == nil
        let tokenBytes = SecureRandom.bytes(32)
        let token = AccessToken(text: Base64URL.encode(tokenBytes))
        let receipt = Intake.Receipt(
            trackingNumber: TrackingNumber.generate(municipality: valid.municipality), accessToken: token.text,
            status: opensFirstStage ? .submitted : .awaitingPayment, service: valid.service,
            municipality: valid.municipality, channel: channel, submittedAt: instant,
            dueAt: opensFirstStage ? try calendar.dueDate(workingDays: workflow.slaDays, from: instant) : nil,
            slaDays: workflow.slaDays, fee: workflow.fee, currency: workflow.currency,
            steps: try workflow.stages.flatMap { stage in
                try stage.steps.map { step in
                    let opens = stage.stage == 1 && opensFirstStage
                    return Intake.Receipt.Step(
                        stage: stage.stage, step: step.step, sector: step.sector, office: step.office,
                        status: opens ? .open : .waiting,
                        dueAt: opens ? try calendar.dueDate(workingDays: step.slaDays, from: instant) : nil
                    )
                }
            },
            bill: bill
        )
        self.valid = valid
        self.bill = bill
        self.receipt = receipt
        self.tokenHash = token.hash
        self.workflow = workflow
        self.idempotency = try idempotency.map { ($0, try $0.sealed(tokenBytes: tokenBytes, receipt: receipt)) }
        self.application = application
        self.catalogVersion = catalog.version
        self.language = valid.language ?? language
        self.clerk = clerk
        // `validate` returned a value only with the country's rules in hand.
        descriptionHeld =
            rules.map {
                DescriptionScreening.holdsPersonalData(valid.description, rules: $0, at: instant)
            } ?? false
        self.documents = documents
    }
}
