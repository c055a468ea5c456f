-- Requests found by their applicant at the counter (GET /v1/staff/requests, nafidha search; docs/clerks.md,
-- "Search"). National ids and phones are stored normalized (ASCII digits; E.164, by intake), so the search
-- normalizes what the clerk typed the same way and an exact match on a btree index finds them. Names are matched
-- by substring on their normalized form, request_search_name(), through a trigram index (pg_trgm, a trusted
-- extension of PostgreSQL's contrib: the migrating role needs CREATE on the database, not superuser).
-- The indexes are built over the rows already there, so existing requests are found at once: nothing to backfill.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A name as the search compares it: decomposed (NFD) and stripped of combining marks, so that Latin accents,
-- Arabic harakat (U+064B-U+065F, U+0670, Quranic marks) and the hamza or madda on alef, waw and yeh (أ إ آ ؤ ئ)
-- drop out; tatweel (U+0640) removed; alef wasla ٱ read as ا, ta marbuta ة as ه, alef maqsura ى as ي; lower case;
-- runs of white space as one space. The query's text goes through the same function, so both sides agree.
CREATE FUNCTION request_search_name(name text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN btrim(regexp_replace(lower(translate(
        regexp_replace(normalize(name, NFD),
                       '[\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]', '', 'g'),
        U&'\0629\0649\0671', U&'\0647\064A\0627')), '\s+', ' ', 'g'));

CREATE INDEX requests_applicant_name_search ON requests USING gin (request_search_name(applicant_name) gin_trgm_ops);
CREATE INDEX requests_applicant_national_id ON requests (applicant_national_id);
CREATE INDEX requests_applicant_phone ON requests (applicant_phone);
