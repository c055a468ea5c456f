-- Issue 4, intake: what an idempotent replay needs, without keeping the citizen's access token in plaintext.
-- requests.idempotency_key holds the lower-case hex SHA-256 of the client's Idempotency-Key (never the key itself)
-- and requests.request_hash the SHA-256 of the canonical submission body. docs/api-intake.md gives the scheme.

-- The 32 random bytes of the access token XOR a one-time pad the database cannot compute:
-- SHA-256("nafidha/idempotency-token" || key || 0x00 || SHA-256(body)), with the key in plaintext.
ALTER TABLE requests ADD COLUMN idempotency_token_cipher bytea CHECK (octet_length(idempotency_token_cipher) = 32);
-- The 201 answer as first sent, without the access token (canonical JSON text), so a replay answers the same.
ALTER TABLE requests ADD COLUMN idempotency_receipt text CHECK (octet_length(idempotency_receipt) <= 65536);
ALTER TABLE requests ADD CONSTRAINT requests_idempotency_complete
    CHECK ((idempotency_key IS NULL) = (idempotency_token_cipher IS NULL)
       AND (idempotency_key IS NULL) = (idempotency_receipt IS NULL));
