-- The fault harness's checks (scripts/bench crash), in the server's database. Standard input: the tracking numbers
-- the clients got a 201 for, one per line. Prints one line, space-separated:
--   acknowledged, distinct acknowledged, requests stored, acknowledged but not stored,
--   stored requests without a `submitted` event, requests with more than one, opened tasks without exactly one
--   `task_opened` event, events not chained yet, chain positions (municipality, seq) taken twice.
-- "Not chained yet" counts events whose seq is NULL: none where events are chained as they are inserted (seq is
-- NOT NULL there), those the sequencer has yet to chain where it chains them later.
CREATE TEMP TABLE acknowledged (tracking_number text NOT NULL);
\copy acknowledged FROM pstdin
SELECT (SELECT count(*) FROM acknowledged),
       (SELECT count(DISTINCT tracking_number) FROM acknowledged),
       (SELECT count(*) FROM requests),
       (SELECT count(*) FROM acknowledged a
         WHERE NOT EXISTS (SELECT 1 FROM requests r WHERE r.tracking_number = a.tracking_number)),
       (SELECT count(*) FROM requests r
          LEFT JOIN (SELECT request_id, count(*) AS n FROM audit_events WHERE action = 'submitted' GROUP BY 1) e
            ON e.request_id = r.id
         WHERE e.n IS NULL),
       (SELECT count(*) FROM (SELECT 1 FROM audit_events WHERE action = 'submitted'
                               GROUP BY request_id HAVING count(*) > 1) d),
       (SELECT count(*) FROM tasks t
          LEFT JOIN (SELECT task_id, count(*) AS n FROM audit_events WHERE action = 'task_opened' GROUP BY 1) e
            ON e.task_id = t.id
         WHERE t.opened_at IS NOT NULL AND coalesce(e.n, 0) <> 1),
       (SELECT count(*) FROM audit_events WHERE seq IS NULL),
       (SELECT count(*) FROM (SELECT 1 FROM audit_events WHERE seq IS NOT NULL
                               GROUP BY municipality_code, seq HAVING count(*) > 1) d);
