-- Failed password sign-ins, counted per account and per client address so that every
-- instance sees them. Times are seconds since the Unix epoch by the database's clock.
CREATE TABLE sign_in_throttles (
    scope TEXT NOT NULL,
    subject TEXT NOT NULL,
    failures BIGINT NOT NULL,
    last_failure_at BIGINT NOT NULL,
    blocked_until BIGINT NOT NULL,
    PRIMARY KEY (scope, subject)
);

-- Keys every instance shares, made by the first one to start: what one instance signs
-- (a sign-in message, an error shown after a form post), another can check.
CREATE TABLE server_keys (
    name TEXT PRIMARY KEY,
    secret TEXT NOT NULL
);
