import HTTP
import NafidhaContract
import NafidhaCore

/// Payments (docs/payments.md): in the staff groups, a cashier's counter payment
/// (`POST /v1/staff/bills/{number}/payments`) and refund (`.../refunds`), a supervisor's receipt cancellation
/// (`POST /v1/staff/receipts/{number}/cancel`); outside them, a payment provider's signed callback
/// (`POST /v1/payments/callbacks/{provider}`), authenticated by its `X-Nafidha-Signature` alone.
struct PaymentRoutes: Sendable {
    let engine: WorkflowEngine
    let callbacks: PaymentCallbacks

    /// The header a provider signs its callback in.
    static let signatureHeader = "X-Nafidha-Signature"

    func register(public api: ContractRouter, staff: ContractRouter) {
        let engine = engine
        let callbacks = callbacks
        staff.register(Routes.pay) { _, body, context in
            Answer(try engine.pay(bill: try context.parameter("bill"), body, by: try context.staff), status: .created)
        }
        staff.register(Routes.refund) { _, body, context in
            try engine.refund(bill: try context.parameter("bill"), body, by: try context.staff)
        }
        staff.register(Routes.cancelReceipt) { _, body, context in
            try engine.cancelReceipt(try context.parameter("receipt"), reason: body.reason, by: try context.staff)
        }
        // The signature covers the body's bytes: it is checked before the body is decoded.
        api.register(Routes.paymentCallback.template) { request, context in
            let signatures = request.headers[Self.signatureHeader]
            let result = try callbacks.receive(
                provider: try context.parameter("provider"), body: request.body,
                signature: signatures.count == 1 ? signatures[0] : nil)
            return .json(bytes: try ContractJSON.encode(result))
        }
    }
}
