-- Issue 16, fees and payments (docs/payments.md): a request whose service has a fee gets a bill at submission and
-- waits, in status 'awaiting_payment' with no step open and its clock not started, until the bill is paid at a
-- counter (a cashier's receipt, numbered without gaps per municipality and year) or by a payment provider's signed
-- callback. Amounts are integers in the currency's minor units (LYD 3 decimals, DJF none), never floating point.

ALTER TABLE requests DROP CONSTRAINT requests_status_check;
ALTER TABLE requests ADD CONSTRAINT requests_status_check
    CHECK (status IN ('awaiting_payment', 'submitted', 'in_review', 'awaiting_citizen', 'approved', 'rejected',
                      'cancelled'));

-- Cashiers take payments in their municipalities.
ALTER TABLE staff DROP CONSTRAINT staff_role_check;
ALTER TABLE staff ADD CONSTRAINT staff_role_check
    CHECK (role IN ('clerk', 'supervisor', 'auditor', 'admin', 'cashier'));

-- The municipalities that collect fees through Nafidha (`nafidha admin collect-fees`): only there does a service
-- with a fee get a bill at submission and wait for its payment; elsewhere the fee is shown and collected as before.
-- A municipality switches on when its counters or providers are ready. `bill_due_days`: working days to pay.
CREATE TABLE fee_collection (
    municipality_code  text PRIMARY KEY REFERENCES municipalities,
    bill_due_days      smallint NOT NULL DEFAULT 10 CHECK (bill_due_days BETWEEN 1 AND 90),
    since              timestamptz NOT NULL DEFAULT now()
);
-- The submissions' catalog snapshot holds it, so changing it makes the snapshot stale like any catalog change.
CREATE TRIGGER fee_collection_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fee_collection
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();

CREATE TABLE bills (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- TRP-4821730955-7: the municipality, 10 random digits, an ISO 7064 MOD 11-2 check character (BillNumber).
    number             text NOT NULL UNIQUE CHECK (number ~ '^[A-Z]{3}-[0-9]{10}-[0-9X]$'),
    request_id         bigint NOT NULL UNIQUE REFERENCES requests,
    municipality_code  text NOT NULL REFERENCES municipalities,
    amount_minor       bigint NOT NULL CHECK (amount_minor > 0),
    currency           text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status             text NOT NULL DEFAULT 'unpaid'
        CHECK (status IN ('unpaid', 'paid', 'cancelled', 'refund_due', 'refunded')),
    created_at         timestamptz NOT NULL,
    due_at             timestamptz NOT NULL CHECK (due_at > created_at),
    paid_at            timestamptz,            -- set while paid, refund due or refunded
    CHECK ((paid_at IS NOT NULL) = (status IN ('paid', 'refund_due', 'refunded'))),
    FOREIGN KEY (request_id, municipality_code) REFERENCES requests (id, municipality_code)
);
-- The unpaid-bill sweep reads the bills past due.
CREATE INDEX bills_unpaid_due ON bills (due_at) WHERE status = 'unpaid';

-- A payment provider (`nafidha admin create-payment-provider`). Its secret verifies callbacks' HMAC-SHA256, so it
-- is kept as it is (an HMAC verifier needs the secret itself, a hash would not do); only the server reads this table.
CREATE TABLE payment_providers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    secret      bytea NOT NULL CHECK (octet_length(secret) = 32),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Gap-free receipt numbers: one counter per municipality and year, its row locked by the paying transaction (the
-- increment is undone with it), so numbers are given in commit order without holes.
CREATE TABLE receipt_counters (
    municipality_code  text NOT NULL REFERENCES municipalities,
    year               smallint NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    last_number        integer NOT NULL CHECK (last_number >= 1),
    PRIMARY KEY (municipality_code, year)
);

-- Every payment of a bill: at a counter (a receipt, numbered) or by a provider (its transaction). At most one valid
-- payment per bill; a cancelled counter receipt keeps its number and row.
CREATE TABLE payments (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bill_id              bigint NOT NULL REFERENCES bills,
    municipality_code    text NOT NULL REFERENCES municipalities,
    amount_minor         bigint NOT NULL CHECK (amount_minor > 0),
    currency             text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    method               text NOT NULL CHECK (method IN ('cash', 'card', 'transfer', 'provider')),
    reference            text CHECK (char_length(reference) BETWEEN 1 AND 100),
    paid_at              timestamptz NOT NULL,
    -- Counter payments: TRP-2026-000042, from receipt_counters.
    receipt_number       text UNIQUE CHECK (receipt_number ~ '^[A-Z]{3}-[0-9]{4}-[0-9]{6,}$'),
    cashier              text CHECK (char_length(cashier) BETWEEN 1 AND 100),
    cancelled_at         timestamptz,
    cancelled_by         text CHECK (char_length(cancelled_by) BETWEEN 1 AND 100),
    cancellation_reason  text CHECK (char_length(cancellation_reason) BETWEEN 1 AND 1000),
    -- Provider payments.
    provider_id          bigint REFERENCES payment_providers,
    transaction_id       text CHECK (char_length(transaction_id) BETWEEN 1 AND 100),
    UNIQUE (provider_id, transaction_id),
    CHECK ((method = 'provider') = (provider_id IS NOT NULL AND transaction_id IS NOT NULL)),
    CHECK ((method = 'provider') = (receipt_number IS NULL AND cashier IS NULL)),
    CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL AND cancellation_reason IS NULL)),
    CHECK (method <> 'provider' OR cancelled_at IS NULL)
);
-- Two cashiers paying one bill at once: the second insert waits for the first and fails.
CREATE UNIQUE INDEX payments_one_valid ON payments (bill_id) WHERE cancelled_at IS NULL;
CREATE INDEX payments_municipality_paid ON payments (municipality_code, paid_at);

-- Every provider callback whose signature was good, as first received, for reconciliation: `outcome` says what it
-- did; a replay of the same provider and transaction id only counts in `replays`.
CREATE TABLE payment_callbacks (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider_id       bigint NOT NULL REFERENCES payment_providers,
    transaction_id    text NOT NULL CHECK (char_length(transaction_id) BETWEEN 1 AND 100),
    bill_number       text NOT NULL CHECK (char_length(bill_number) BETWEEN 1 AND 64),
    bill_id           bigint REFERENCES bills,
    municipality_code text REFERENCES municipalities,
    amount_minor      bigint NOT NULL,
    currency          text NOT NULL CHECK (char_length(currency) BETWEEN 1 AND 8),
    paid_at           timestamptz NOT NULL,
    received_at       timestamptz NOT NULL,
    body_hash         bytea NOT NULL CHECK (octet_length(body_hash) = 32),
    outcome           text NOT NULL CHECK (outcome IN ('matched', 'mismatched', 'unknown_bill', 'not_payable')),
    replays           integer NOT NULL DEFAULT 0 CHECK (replays >= 0),
    UNIQUE (provider_id, transaction_id),
    CHECK ((bill_id IS NULL) = (outcome = 'unknown_bill')),
    CHECK ((bill_id IS NULL) = (municipality_code IS NULL))
);
CREATE INDEX payment_callbacks_received ON payment_callbacks (received_at);

-- A refund recorded by a cashier for a bill whose request was rejected or cancelled after payment.
CREATE TABLE refunds (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bill_id      bigint NOT NULL UNIQUE REFERENCES bills,
    municipality_code text NOT NULL REFERENCES municipalities,
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency     text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    method       text NOT NULL CHECK (method IN ('cash', 'card', 'transfer')),
    reference    text CHECK (char_length(reference) BETWEEN 1 AND 100),
    cashier      text NOT NULL CHECK (char_length(cashier) BETWEEN 1 AND 100),
    refunded_at  timestamptz NOT NULL
);
CREATE INDEX refunds_municipality_refunded ON refunds (municipality_code, refunded_at);

-- Every money movement is an audit event in the chain.
ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check
    CHECK (action IN ('submitted', 'task_opened', 'claimed', 'released', 'approved', 'rejected',
                      'information_requested', 'citizen_replied', 'forwarded', 'escalated', 'cancelled',
                      'personal_data_viewed', 'note_added', 'webhook_created', 'webhook_deleted', 'decided',
                      'catalog_applied', 'document_attached', 'bill_created', 'bill_paid', 'receipt_cancelled',
                      'refund_due', 'refunded', 'callback_rejected', 'bill_cancelled'));
