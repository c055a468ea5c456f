-- Issue 7, the Open311 GeoReport v2 façade: API keys of client applications, and which application filed a request.
-- docs/open311.md explains the keys and the privacy rule (only services with public_report = true are served).

-- A client application's key is shown once at creation; only the SHA-256 of its UTF-8 text is kept.
CREATE TABLE api_keys (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (char_length(name) BETWEEN 1 AND 100),
    key_hash    bytea NOT NULL UNIQUE CHECK (octet_length(key_hash) = 32),
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

-- The application that filed a request through Open311 (NULL for the other channels), and the photo link it sent.
ALTER TABLE requests ADD COLUMN api_key_id bigint REFERENCES api_keys;
ALTER TABLE requests ADD COLUMN media_url text CHECK (char_length(media_url) <= 2000);
-- GET requests.{fmt} lists public reports by service and submission date.
CREATE INDEX requests_service_submitted ON requests (service_code, submitted_at);
