-- Several instances share one database: what must hold across them lives in rows.
--
-- `sign_ins`: one per signed-in session, with its OAuth tokens, outside the session
-- record (a request that saves its session can then never write back tokens that were
-- rotated since). Refreshing locks the row. Times are seconds since the Unix epoch by
-- the database's clock. Signing out deletes the row, which signs out every session that
-- still names it.
CREATE TABLE sign_ins (
    id TEXT PRIMARY KEY,
    employee_id TEXT NOT NULL,
    name TEXT NOT NULL,
    method TEXT NOT NULL,
    access_token TEXT NOT NULL,
    refresh_token TEXT,
    expires_at BIGINT NOT NULL,
    signed_in_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);

CREATE INDEX sign_ins_by_employee ON sign_ins (employee_id);

-- The submission of a checkout is leased: an owner (one request) and an expiry by the
-- database's clock.
ALTER TABLE checkouts ADD COLUMN lease_owner TEXT;
ALTER TABLE checkouts ADD COLUMN lease_until BIGINT;

-- A submission in progress under the older layout may have reached MOBPROC: it is
-- looked up by its order number before anything else happens to it.
UPDATE checkouts SET state = 'unknown' WHERE state IN ('submitting', 'checking');
