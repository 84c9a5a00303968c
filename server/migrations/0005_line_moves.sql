-- A line's move to another employee as the person confirmed it, so one press moves it
-- at most once: the request that claims the row (`confirmed` → `moving`) sends it; a
-- move MOBPROC did not make is released to be tried again.
CREATE TABLE line_moves (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    new_owner_id TEXT NOT NULL,
    new_owner_company_id TEXT,
    new_owner_name TEXT NOT NULL,
    state TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
