-- Writes long audit chains quickly, for verification at scale (scripts/bench verify-flood, and the tests through
-- Tests/TestSupport/AuditChainGenerator.swift, which runs this very file). Defines, for the session only,
-- pg_temp.nafidha_generate_chain(municipality, count): count chained events (clerk approvals a millisecond apart)
-- after the municipality's head, hashed exactly as the sequencer hashes them, inserted with the triggers off and the
-- head moved. The caller must be a superuser and run SET session_replication_role = replica first: the audit
-- triggers refuse chained inserts, by design. About 15 µs per event against the sequencer's 80.
CREATE OR REPLACE FUNCTION pg_temp.nafidha_generate_chain(m text, n integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    head audit_chain_heads;
    e audit_events;
    prev bytea;
    start timestamptz;
    times timestamptz[] := '{}';
    actors text[] := '{}';
    details text[] := '{}';
    prevs bytea[] := '{}';
    hashes bytea[] := '{}';
BEGIN
    SELECT * INTO head FROM audit_chain_heads WHERE municipality_code = m;
    prev := coalesce(head.last_hash, decode(repeat('00', 32), 'hex'));
    start := coalesce(head.last_occurred_at, clock_timestamp() - interval '1 day');
    e.municipality_code := m;
    e.actor_kind := 'clerk';
    e.action := 'approved';
    FOR i IN 1..n LOOP
        e.seq := coalesce(head.last_seq, 0) + i;
        e.occurred_at := start + i * interval '1 millisecond';
        e.actor := 'clerk.' || (i % 40);
        e.details := '{"note":"طلب رقم ' || i || '، مستعجل","step":' || (i % 7) || '}';
        e.prev_hash := prev;
        e.hash := sha256(prev || audit_event_bytes(e));
        prev := e.hash;
        times := times || e.occurred_at;
        actors := actors || e.actor;
        details := details || e.details;
        prevs := prevs || e.prev_hash;
        hashes := hashes || e.hash;
    END LOOP;
    INSERT INTO audit_events (municipality_code, seq, occurred_at, actor_kind, actor, action, details, prev_hash,
                              hash)
    SELECT m, coalesce(head.last_seq, 0) + k, t, 'clerk', a, 'approved', d, p, h
      FROM unnest(times, actors, details, prevs, hashes) WITH ORDINALITY AS u (t, a, d, p, h, k);
    INSERT INTO audit_chain_heads (municipality_code, last_seq, last_hash, last_occurred_at)
    VALUES (m, coalesce(head.last_seq, 0) + n, prev, start + n * interval '1 millisecond')
    ON CONFLICT (municipality_code) DO UPDATE
       SET last_seq = excluded.last_seq, last_hash = excluded.last_hash, last_occurred_at = excluded.last_occurred_at;
END $$;
